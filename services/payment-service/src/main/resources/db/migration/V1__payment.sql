-- Payments of orders through Kakaopay. One live payment (READY, APPROVING, APPROVED) per order at most.
create table payment (
    id                uuid         primary key,
    order_id          uuid         not null,
    user_id           uuid         not null,
    status            varchar(16)  not null
        check (status in ('READY', 'APPROVING', 'APPROVED', 'CANCELLED', 'FAILED', 'REFUNDING', 'REFUNDED')),
    amount            bigint       not null check (amount > 0),
    item_name         varchar(100) not null,
    quantity          integer      not null check (quantity > 0),
    tid               varchar(64)  not null unique,
    redirect_url      varchar(500) not null,
    order_expires_at  timestamptz  not null,
    payer_email       varchar(254),
    locale            varchar(8)   not null check (locale in ('ko', 'en')),
    failure_reason    varchar(64),
    created_at        timestamptz  not null,
    status_changed_at timestamptz  not null,
    approved_at       timestamptz,
    refunded_at       timestamptz,
    refund_reason     varchar(32)
);

create unique index payment_one_live_per_order on payment (order_id)
    where status in ('READY', 'APPROVING', 'APPROVED');

-- The reconciliation's query: payments stuck in APPROVING or REFUNDING.
create index payment_unsettled on payment (status, status_changed_at)
    where status in ('APPROVING', 'REFUNDING');
