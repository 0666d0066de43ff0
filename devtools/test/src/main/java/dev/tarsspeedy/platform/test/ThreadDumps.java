package dev.tarsspeedy.platform.test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** Every thread's whole stack, for a test that waited in vain: what was the service doing meanwhile? */
public final class ThreadDumps {

    private ThreadDumps() {}

    /** Prints {@link #of()} to standard error under a heading that says why. */
    public static void print(String why) {
        System.err.println("Threads when " + why + ":\n" + of());
    }

    public static String of() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            // ThreadInfo.toString() cuts stacks at eight frames: write them whole.
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}
