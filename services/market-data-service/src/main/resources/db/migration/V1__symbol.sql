-- The symbol master: every KRX and US stock the providers list, refreshed daily by SymbolRefreshJob.
-- Search runs on each instance's in-memory index of this table (SymbolIndex says why); the indexes here serve the
-- lookups that go to the table: one symbol by its code (the primary key), a market's rows (refresh, delisting), the
-- table's version (count and latest updated_at), and prefix lookups by name for operators and future SQL search.
create table symbol (
    code          varchar(12)  primary key,
    market        varchar(8)   not null check (market in ('KRX', 'US')),
    exchange      varchar(16)  not null,
    name_ko       varchar(200),
    name_en       varchar(200),
    name_initials varchar(200),
    listed        boolean      not null default true,
    updated_at    timestamptz  not null,
    check (name_ko is not null or name_en is not null)
);

create index symbol_market_listed_idx on symbol (market, listed);
create index symbol_updated_at_idx on symbol (updated_at);
create index symbol_name_ko_prefix_idx on symbol (name_ko text_pattern_ops);
create index symbol_name_en_prefix_idx on symbol (lower(name_en) text_pattern_ops);
create index symbol_name_initials_prefix_idx on symbol (name_initials text_pattern_ops);
