-- Daily closes per symbol for charts beyond one day: filled by the closing fetch after each session and backfilled
-- from a provider's history (FSC for KRX) on a symbol's first interest, a year deep. A later write of a day replaces
-- it (the closing fetch's price, then the end-of-day provider's official close).
create table quote_history (
    symbol      varchar(12)    not null,
    trading_day date           not null,
    open        numeric(20, 4),
    high        numeric(20, 4),
    low         numeric(20, 4),
    close       numeric(20, 4) not null check (close > 0),
    volume      bigint         not null default 0,
    source      varchar(16)    not null,
    primary key (symbol, trading_day)
);
