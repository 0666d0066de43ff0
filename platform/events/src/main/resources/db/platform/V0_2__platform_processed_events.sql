-- Events a consumer has applied, written in the same transaction as the consumer's own changes: a redelivered
-- event finds its row and is skipped.
create table processed_event (
    consumer     varchar(200) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
