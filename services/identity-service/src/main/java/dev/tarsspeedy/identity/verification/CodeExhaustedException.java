package dev.tarsspeedy.identity.verification;

/** Too many wrong entries: the code is dead and a new one must be requested. */
public final class CodeExhaustedException extends RuntimeException {

    public CodeExhaustedException() {
        super("code exhausted");
    }
}
