package dev.tarsspeedy.standin.market;

/** How a provider that is down answers. */
public enum Outage {
    /** HTTP 503 with a plain-text body, as a gateway in front of a dead provider answers. */
    HTTP_503,
    /** The connection closes without an answer, as when nothing listens or a proxy drops the call. */
    DROP
}
