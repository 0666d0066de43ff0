package dev.tarsspeedy.standin.market;

/** The providers the stand-in plays, all on one port. */
public enum Provider {
    /** Korea Investment and Securities open API: KRX quotes, {@code /oauth2/tokenP} and {@code /uapi/...}. */
    KIS,
    /** The FSC stock price service on data.go.kr: end-of-day KRX prices, {@code /1160100/service/...}. */
    FSC,
    /** Finnhub: US quotes and the US symbol master, {@code /api/v1/...}. */
    FINNHUB
}
