-- Products operators put on sale.
create table product (
    id          uuid          primary key,
    name        varchar(200)  not null,
    description varchar(5000) not null,
    image_url   varchar(2048),
    created_at  timestamptz   not null
);

-- Drops ("drop" is an SQL keyword). Price in whole Korean won. revision grows by one with every change and is the
-- revision of the drop's latest DropChanged event.
create table catalog_drop (
    id             uuid        primary key,
    product_id     uuid        not null references product (id),
    price          bigint      not null check (price >= 0),
    quantity       integer     not null check (quantity >= 1),
    per_user_limit integer     not null check (per_user_limit >= 1 and per_user_limit <= quantity),
    opens_at       timestamptz not null,
    closes_at      timestamptz not null,
    closed_at      timestamptz,
    revision       bigint      not null check (revision >= 1),
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check (opens_at < closes_at)
);

-- Listings page by opening time.
create index catalog_drop_opens_at on catalog_drop (opens_at, id);
create index catalog_drop_product on catalog_drop (product_id);

-- Wishlists: one row per user and drop. email and locale come from the user's token and request; the reminder goes
-- out once (reminded_at) unless turned off through the one-click link (reminders_off_at) of unsubscribe_token.
create table wishlist_entry (
    user_id           uuid         not null,
    drop_id           uuid         not null references catalog_drop (id) on delete cascade,
    email             varchar(254),
    locale            varchar(8)   not null check (locale in ('ko', 'en')),
    unsubscribe_token varchar(64)  not null unique,
    created_at        timestamptz  not null,
    reminded_at       timestamptz,
    reminders_off_at  timestamptz,
    primary key (user_id, drop_id)
);

-- The reminder job's look-up: entries still waiting, by drop.
create index wishlist_entry_waiting on wishlist_entry (drop_id) where reminded_at is null and reminders_off_at is null;
