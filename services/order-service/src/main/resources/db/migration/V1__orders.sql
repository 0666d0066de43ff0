-- The order service's copy of the catalog's drops (from DropChanged), with the units live orders hold.
create table sale (
    id             uuid primary key,
    revision       bigint      not null,
    product_id     uuid        not null,
    product_name   text        not null,
    price          bigint      not null check (price >= 0),
    quantity       integer     not null check (quantity >= 0),
    per_user_limit integer     not null check (per_user_limit >= 0),
    opens_at       timestamptz not null,
    closes_at      timestamptz not null,
    closed_at      timestamptz,
    -- Units held by live orders: the database's guard against overselling (sold + q <= quantity on every order).
    sold           integer     not null default 0 check (sold >= 0),
    updated_at     timestamptz not null default clock_timestamp()
);

create index sale_end on sale (closes_at);

-- "order" is a keyword; every order of every buyer.
create table customer_order (
    id              uuid primary key,
    drop_id         uuid        not null references sale (id),
    user_id         uuid        not null,
    quantity        integer     not null check (quantity > 0),
    amount          bigint      not null,
    product_name    text        not null,
    status          text        not null,
    idempotency_key text        not null,
    reserved_at     timestamptz not null,
    expires_at      timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null default clock_timestamp()
);

create index customer_order_user on customer_order (user_id, created_at desc);
create index customer_order_drop on customer_order (drop_id, status);
create index customer_order_due on customer_order (expires_at) where status = 'PENDING_PAYMENT';

create table order_status_history (
    id       bigserial primary key,
    order_id uuid        not null references customer_order (id),
    status   text        not null,
    at       timestamptz not null
);

create index order_status_history_order on order_status_history (order_id);

-- The last reconciliation of each drop (Redis against the database).
create table reconciliation (
    drop_id    uuid primary key,
    state      text        not null,
    checked_at timestamptz not null,
    detail     text        not null
);
