-- Report schedules. times holds local times ('08:30') and market-relative times ('KRX_CLOSE+30', 'US_OPEN-15');
-- weekdays is a mask (Monday = 1, Tuesday = 2, ... Sunday = 64). next_run_at is the next occurrence (UTC), null
-- while paused; the report job claims due rows by it. email and locale come from the user's token when the schedule
-- was created or last changed; the one-click unsubscribe link carries unsubscribe_token.
create table report_schedule (
    id                   uuid         primary key,
    user_id              uuid         not null,
    email                varchar(254) not null,
    locale               varchar(8)   not null check (locale in ('ko', 'en')),
    name                 varchar(100) not null,
    times                text[]       not null,
    weekdays             integer      not null check (weekdays between 1 and 127),
    zone                 varchar(64)  not null,
    markets              text[]       not null,
    skip_market_holidays boolean      not null,
    holiday_notice       boolean      not null,
    paused               boolean      not null,
    next_run_at          timestamptz,
    last_run_at          timestamptz,
    unsubscribe_token    varchar(64)  not null unique,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

-- The report job's look-up: due schedules, oldest occurrence first.
create index report_schedule_due on report_schedule (next_run_at) where next_run_at is not null;
create index report_schedule_user on report_schedule (user_id, created_at);
