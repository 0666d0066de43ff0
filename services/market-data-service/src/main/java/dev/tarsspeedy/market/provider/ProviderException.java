package dev.tarsspeedy.market.provider;

/** Why a provider call gave no data. Subclasses say what the caller should do: wait, fall back, or alert. */
public abstract sealed class ProviderException extends RuntimeException {

    private final ProviderName provider;

    ProviderException(ProviderName provider, String message, Throwable cause) {
        super(provider + ": " + message, cause, false, false);
        this.provider = provider;
    }

    public ProviderName provider() {
        return provider;
    }

    /** Our budget is spent, or the provider answered its rate-limit error: try again later, or fall back. */
    public static final class RateLimited extends ProviderException {
        public RateLimited(ProviderName provider, String message) {
            super(provider, message, null);
        }
    }

    /** The provider is down, too slow, or answered something unreadable: fall back. */
    public static final class Unavailable extends ProviderException {
        public Unavailable(ProviderName provider, String message, Throwable cause) {
            super(provider, message, cause);
        }
    }

    /** The provider refused our key: fall back and tell the operator (it will not heal by itself). */
    public static final class BadCredentials extends ProviderException {
        public BadCredentials(ProviderName provider, String message) {
            super(provider, message, null);
        }
    }
}
