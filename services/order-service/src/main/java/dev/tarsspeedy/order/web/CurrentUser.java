package dev.tarsspeedy.order.web;

import dev.tarsspeedy.order.ids.UserId;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The buyer of a request: the access token's subject, the user's id. */
public final class CurrentUser {

    private CurrentUser() {}

    public static UserId of(Jwt jwt) {
        try {
            return UserId.parse(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED, "unauthorized", "The token's subject is not a user id.");
        }
    }
}
