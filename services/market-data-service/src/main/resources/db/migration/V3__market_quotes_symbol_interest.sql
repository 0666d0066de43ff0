-- Which symbols people follow, from the alert service's SymbolInterestChanged events: the latest state per symbol by
-- changed_at (an older event never replaces a newer one). A symbol nobody follows any more keeps its row with zero
-- counts, so a late, older event cannot follow it again. Written in one transaction with the consumer's
-- processed_event marker.
create table symbol_interest (
    symbol      varchar(12)  not null primary key,
    market      varchar(8)   not null,
    watchers    integer      not null check (watchers >= 0),
    alerts      integer      not null check (alerts >= 0),
    alert_lines numeric[]    not null default '{}',
    changed_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- The poller reads the followed symbols of a market every tick.
create index symbol_interest_followed on symbol_interest (market, symbol) where watchers + alerts > 0;
