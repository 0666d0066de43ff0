-- Price alerts (alert-alerts): the alerts, what fired, and the last quote evaluated per symbol.

create table price_alert (
    id                 uuid primary key,
    user_id            uuid           not null,
    email              varchar(254),
    language           varchar(2)     not null,
    zone               varchar(64)    not null,
    symbol             varchar(12)    not null,
    stock_name         varchar(200)   not null,
    kind               varchar(16)    not null,
    line               numeric(24, 6),
    percent            numeric(10, 4),
    direction          varchar(6),
    mode               varchar(6)     not null,
    cooldown_seconds   bigint         not null,
    hysteresis_percent numeric(6, 3)  not null,
    expires_at         timestamptz,
    regular_hours_only boolean        not null,
    armed              boolean        not null,
    episode            integer        not null,
    last_fired_at      timestamptz,
    fired_day          date,
    rearm_line         numeric(24, 6),
    completed_at       timestamptz,
    -- The one line the alert waits for next (PriceAlert.watch()): P price, M move %, A absolute move %.
    watch_space        char(1),
    watch_rising       boolean,
    watch_line         numeric(24, 6),
    version            bigint         not null,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null
);

-- A user's alerts, newest first; the limit counts the unfinished ones.
create index price_alert_user on price_alert (user_id, created_at desc);

-- A quote reads only the alerts whose line it crossed: line BETWEEN previous AND current, per symbol and space.
create index price_alert_watch on price_alert (symbol, regular_hours_only, watch_space, watch_rising, watch_line)
    where watch_line is not null;

-- The alerts decided per symbol rather than per line: armed 52-week alerts, move alerts waiting for a new day.
create index price_alert_symbol_kind on price_alert (symbol, kind) where completed_at is null;

-- An identical unfinished alert is refused (409); this index decides between two requests at the same moment.
create unique index price_alert_identical on price_alert
    (user_id, symbol, kind, coalesce(line, -1), coalesce(percent, -1), coalesce(direction, ''))
    where completed_at is null;

create table price_alert_fired (
    alert_id   uuid           not null,
    episode    integer        not null,
    user_id    uuid           not null,
    symbol     varchar(12)    not null,
    stock_name varchar(200)   not null,
    kind       varchar(16)    not null,
    line       numeric(24, 6),
    percent    numeric(10, 4),
    direction  varchar(6),
    price      numeric(24, 6) not null,
    currency   varchar(3),
    as_of      timestamptz    not null,
    source     varchar(16),
    fired_at   timestamptz    not null,
    primary key (alert_id, episode)
);

create index price_alert_fired_user on price_alert_fired (user_id, fired_at desc, alert_id, episode);

create table price_alert_symbol (
    symbol        varchar(12) primary key,
    last_as_of    timestamptz,
    last_price    numeric(24, 6),
    last_day      date,
    session_price numeric(24, 6),
    session_day   date
);
