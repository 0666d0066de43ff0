package dev.tarsspeedy.platform.test;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints every thread's stack when a test fails on a timeout (a blocking read of a response that never came, an
 * await that ran out), then lets the failure through. A timeout in CI is otherwise a bare "Timeout on blocking read":
 * the dump shows what the service was doing meanwhile (a parked event loop, a pool waiting for a connection).
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (isTimeout(throwable)) {
            ThreadDumps.print(context.getDisplayName() + " timed out");
        }
        throw throwable;
    }

    static boolean isTimeout(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")
                    || message.startsWith("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }
}
