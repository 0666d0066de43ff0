package dev.tarsspeedy.catalog.reminder.web;

import dev.tarsspeedy.catalog.reminder.UnknownUnsubscribeTokenException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Reminder errors as problems (texts in the problems bundles); other errors pass through unchanged. */
final class ReminderProblems {

    private ReminderProblems() {}

    static Throwable translate(Throwable error) {
        if (error instanceof UnknownUnsubscribeTokenException) {
            return new ProblemException(HttpStatus.NOT_FOUND, "unsubscribe-link-unknown", null);
        }
        return error;
    }
}
