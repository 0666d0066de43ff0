package dev.tarsspeedy.market.provider;

/** The market-data providers the service can call; each has its own adapter, budget and key. */
public enum ProviderName {
    /** Korea Investment & Securities open API: live KRX quotes. */
    KIS,
    /** The Financial Services Commission's stock price service on data.go.kr: KRX end-of-day prices and listings. */
    FSC,
    /** Finnhub: US quotes and the US symbol master. */
    FINNHUB
}
