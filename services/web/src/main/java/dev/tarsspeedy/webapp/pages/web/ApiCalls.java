package dev.tarsspeedy.webapp.pages.web;

import dev.tarsspeedy.webapp.ApiProblem;
import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.SignInRequired;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** What an API's answer means for a page: a refusal to show, a session to renew, or a service that is down. */
public final class ApiCalls {

    private ApiCalls() {}

    /**
     * Maps a 4xx problem to {@link ApiRefused} (shown on the page), 401 to {@link SignInRequired}; anything else
     * (5xx, no connection) passes on to the unavailable page.
     */
    public static Throwable refusal(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            if (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                return new SignInRequired();
            }
            if (response.getStatusCode().is4xxClientError()) {
                return new ApiRefused(problemOf(response));
            }
        }
        return error;
    }

    /**
     * For calls made without a token (log-in, sign-up, codes): every 4xx, 401 included (wrong password), is a refusal
     * to show on the form, never an ended session.
     */
    public static Throwable anonymousRefusal(Throwable error) {
        if (error instanceof WebClientResponseException response
                && response.getStatusCode().is4xxClientError()) {
            return new ApiRefused(problemOf(response));
        }
        return error;
    }

    static ApiProblem problemOf(WebClientResponseException response) {
        ApiProblem problem = null;
        try {
            problem = response.getResponseBodyAs(ApiProblem.class);
        } catch (RuntimeException unreadable) {
            // not a problem document: fall back to the status below
        }
        if (problem == null || problem.detail() == null) {
            return new ApiProblem(
                    response.getStatusCode().value(),
                    null,
                    response.getStatusText(),
                    response.getStatusText(),
                    List.of());
        }
        return problem;
    }
}
