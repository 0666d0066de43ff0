package dev.tarsspeedy.infra.process;

/** Sleeping that keeps the interrupt flag instead of forcing every caller to catch it. */
public final class Sleep {

    private Sleep() {}

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
