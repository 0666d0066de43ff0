-- Watchlists: one row per user and stock, in the user's order (position, ascending; a new stock goes last).
-- market is the listing's market (KRX or US) when the stock was added: report schedules pick their rows by it.
create table watchlist_entry (
    user_id  uuid        not null,
    symbol   varchar(12) not null,
    market   varchar(8)  not null check (market in ('KRX', 'US')),
    position integer     not null check (position >= 0),
    added_at timestamptz not null,
    primary key (user_id, symbol)
);

-- Who watches a symbol (the interest publisher counts watchers by symbol).
create index watchlist_entry_symbol on watchlist_entry (symbol);
