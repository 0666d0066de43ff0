package dev.tarsspeedy.alert.pricealert;

import java.util.List;
import java.util.stream.Collectors;

/** An alert request breaks rules; nothing was changed. */
public class InvalidAlertException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidAlertException(List<Violation> violations) {
        super(violations.stream()
                .map(violation -> violation.field() + " " + violation.message())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
