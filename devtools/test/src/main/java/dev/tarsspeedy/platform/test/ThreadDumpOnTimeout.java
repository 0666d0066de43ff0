package dev.tarsspeedy.platform.test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
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
            StringBuilder dump = new StringBuilder("Threads when ")
                    .append(context.getDisplayName())
                    .append(" timed out:\n");
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                // ThreadInfo.toString() cuts stacks at eight frames: write them whole.
                dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
                if (thread.getLockName() != null) {
                    dump.append(" on ").append(thread.getLockName());
                }
                if (thread.getLockOwnerName() != null) {
                    dump.append(" owned by \"")
                            .append(thread.getLockOwnerName())
                            .append('"');
                }
                dump.append('\n');
                for (StackTraceElement frame : thread.getStackTrace()) {
                    dump.append("\tat ").append(frame).append('\n');
                }
                dump.append('\n');
            }
            System.err.println(dump);
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
