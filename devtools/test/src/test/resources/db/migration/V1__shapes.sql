-- Every key shape DataModel reads: composite and one-to-one keys, nullable and unique foreign keys, a view.
create table parent (
    id     bigserial primary key,
    code   char(3)   not null unique,
    tags   text[]    not null,
    amount numeric
);

create table child (
    parent_id bigint  not null references parent (id),
    position  integer not null,
    note      varchar(20),
    primary key (parent_id, position)
);

create table profile (
    parent_id bigint primary key references parent (id),
    bio       text
);

create table link (
    id              uuid primary key,
    parent_id       bigint unique references parent (id),
    child_parent_id bigint,
    child_position  integer,
    foreign key (child_parent_id, child_position) references child (parent_id, position)
);

create view parent_codes as select id, code from parent;
