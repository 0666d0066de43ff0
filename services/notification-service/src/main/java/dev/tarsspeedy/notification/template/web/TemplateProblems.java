package dev.tarsspeedy.notification.template.web;

import dev.tarsspeedy.notification.template.InvalidModelException;
import dev.tarsspeedy.notification.template.UnknownTemplateException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Template errors as problems (texts in the problems bundles); other errors pass through unchanged. */
final class TemplateProblems {

    private TemplateProblems() {}

    static Throwable translate(Throwable error) {
        if (error instanceof UnknownTemplateException unknown) {
            return ProblemException.localized(
                            HttpStatus.NOT_FOUND, "unknown-template", "unknown-template.detail", unknown.template())
                    .with("template", unknown.template());
        }
        if (error instanceof InvalidModelException invalid) {
            String field = invalid.field().isEmpty() ? "model" : invalid.field();
            // The reason is the checker's own words (English), for the developer of the calling service.
            return ProblemException.localized(
                            HttpStatus.BAD_REQUEST, "invalid-model", "invalid-model.detail", invalid.template(), field)
                    .with("template", invalid.template())
                    .with("field", field)
                    .with("reason", invalid.getMessage());
        }
        return error;
    }
}
