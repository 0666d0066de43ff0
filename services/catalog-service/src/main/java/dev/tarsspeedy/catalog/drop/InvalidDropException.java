package dev.tarsspeedy.catalog.drop;

import java.util.List;

/** The terms of a drop break its rules; nothing was changed. */
public class InvalidDropException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidDropException(List<Violation> violations) {
        super("invalid drop: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
