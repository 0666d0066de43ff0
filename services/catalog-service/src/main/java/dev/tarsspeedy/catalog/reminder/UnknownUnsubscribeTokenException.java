package dev.tarsspeedy.catalog.reminder;

/** No wishlist entry has this unsubscribe token (it never existed, or the entry was removed). */
public class UnknownUnsubscribeTokenException extends RuntimeException {

    public UnknownUnsubscribeTokenException() {
        super("unknown unsubscribe token");
    }
}
