-- The delivery log: one row per idempotency key, the service's only memory of what it sent.
-- See docs/email-delivery.md for the states and how they make a request go out (about) once.
create table email_delivery (
    idempotency_key text        primary key,
    template        text        not null,
    locale          text        not null,
    recipient       text        not null,
    category        text        not null,
    state           text        not null
        constraint email_delivery_state check (state in ('RECEIVED', 'SENDING', 'SENT', 'FAILED', 'DEAD_LETTERED')),
    -- how often the request was claimed for sending
    attempts        integer     not null default 0,
    -- the Message-ID of every copy, derived from the idempotency key
    message_id      text        not null,
    last_error      text,
    -- while SENDING: the claim holds until then; a SENDING row past it was abandoned and is sent again
    lease_until     timestamptz,
    received_at     timestamptz not null default now(),
    sending_at      timestamptz,
    sent_at         timestamptz,
    updated_at      timestamptz not null default now(),
    constraint email_delivery_lease check (state <> 'SENDING' or lease_until is not null)
);

-- Operations: "what is stuck?" (SENDING, FAILED) and the retention cleanup of final rows.
create index email_delivery_state_updated on email_delivery (state, updated_at);
