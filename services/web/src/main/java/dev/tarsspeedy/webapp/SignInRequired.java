package dev.tarsspeedy.webapp;

/** A page needs a signed-in user and the browser's session has none (or its tokens could not be refreshed). */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
