package dev.tarsspeedy.identity.account;

import java.util.List;

/** A password that breaks the {@link PasswordPolicy}. */
public final class WeakPasswordException extends RuntimeException {

    private final List<PasswordPolicy.Violation> violations;

    public WeakPasswordException(List<PasswordPolicy.Violation> violations) {
        super("weak password: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<PasswordPolicy.Violation> violations() {
        return violations;
    }
}
