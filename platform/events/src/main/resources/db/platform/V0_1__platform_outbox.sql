-- Transactional outbox of platform-events: a service writes its change and the event in one transaction; the relay
-- publishes unpublished rows to Kafka and then sets published_at.
create table outbox_event (
    id           uuid primary key,
    topic        varchar(249) not null,
    event_key    varchar(255) not null,
    type         varchar(200) not null,
    version      integer      not null check (version >= 1),
    occurred_at  timestamptz  not null,
    payload      jsonb        not null,
    -- clock_timestamp(), not now(): rows appended in one transaction keep their order.
    created_at   timestamptz  not null default clock_timestamp(),
    published_at timestamptz
);

-- The relay's query: unpublished rows, oldest first. Published rows are not in this index.
create index outbox_event_unpublished on outbox_event (created_at, id) where published_at is null;

-- Cleanup of published rows past their retention.
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
