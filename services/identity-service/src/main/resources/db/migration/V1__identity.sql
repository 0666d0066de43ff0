-- Accounts. The email is normalised (lower-case, ASCII domain) and unique; the name is AES-GCM encrypted with the
-- data key (version byte, 96-bit nonce, ciphertext, tag), bound to the row's id.
create table user_account (
    id             uuid         primary key,
    email          varchar(254) not null unique,
    password_hash  varchar(255) not null,
    name_encrypted bytea        not null,
    locale         varchar(8)   not null check (locale in ('ko', 'en')),
    time_zone      varchar(64)  not null,
    roles          text[]       not null,
    status         varchar(32)  not null check (status in ('PENDING_VERIFICATION', 'ACTIVE')),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

-- Emailed six-digit codes, stored only as HMAC-SHA256 under a key derived from the data key.
create table verification_code (
    id              uuid        primary key,
    user_id         uuid        not null references user_account (id) on delete cascade,
    purpose         varchar(32) not null check (purpose in ('SIGNUP', 'PASSWORD_RESET')),
    code_hash       bytea       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts integer     not null default 0 check (failed_attempts >= 0),
    consumed_at     timestamptz,
    superseded_at   timestamptz
);

-- The live code of a user and purpose: the one query on this table.
create index verification_code_live on verification_code (user_id, purpose, created_at)
    where consumed_at is null and superseded_at is null;

-- Refresh tokens, stored only as HMAC-SHA256. A login starts a family; each refresh adds a child (parent_id) and marks
-- the parent rotated; reuse of a rotated token, logout and password reset set revoked_at on the family's tokens.
create table refresh_token (
    id         uuid        primary key,
    user_id    uuid        not null references user_account (id) on delete cascade,
    family_id  uuid        not null,
    parent_id  uuid        references refresh_token (id) on delete cascade,
    token_hash bytea       not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz,
    revoked_at timestamptz
);

create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user_unrevoked on refresh_token (user_id) where revoked_at is null;

-- RS256 signing keys. The public part as X.509 DER; the private part as PKCS #8 DER, AES-GCM encrypted with the data
-- key and bound to the kid. Unretired keys are published in the JWKS.
create table signing_key (
    kid                   varchar(64) primary key,
    algorithm             varchar(16) not null,
    public_key            bytea       not null,
    private_key_encrypted bytea       not null,
    created_at            timestamptz not null,
    active_from           timestamptz not null,
    retired_at            timestamptz
);
