package dev.tarsspeedy.alert.market;

/** The market-data service did not answer in time or answered an error: the caller's request cannot be served now. */
public class MarketDataUnavailableException extends RuntimeException {

    public MarketDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
