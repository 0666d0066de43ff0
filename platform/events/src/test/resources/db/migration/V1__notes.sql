-- The test service's own schema, next to the library's migrations in classpath:db/platform.
create table note (
    id   uuid primary key,
    text text not null
);

create table counter (
    name  varchar(200) primary key,
    value bigint not null
);
