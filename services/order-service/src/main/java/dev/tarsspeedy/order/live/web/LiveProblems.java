package dev.tarsspeedy.order.live.web;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Live stock's problems (texts from the problems bundle, in the reader's language). */
final class LiveProblems {

    private LiveProblems() {}

    static ProblemException dropNotFound(DropId drop) {
        return ProblemException.localized(
                HttpStatus.NOT_FOUND, "drop-not-found", "drop-not-found.detail", drop.value());
    }
}
