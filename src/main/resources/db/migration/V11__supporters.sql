-- Readers who pay to support the site (no ads to remove: support pays for reporting and moderation). A supporter
-- row has an end date; the badge is shown only if the supporter chooses it. Payment providers' events are kept by
-- id so that a replayed event changes nothing.
create table supporter (
    user_id     bigint       primary key references app_user (id) on delete cascade,
    until       timestamptz  not null,
    source      varchar(20)  not null check (source in ('admin', 'provider')),
    show_badge  boolean      not null default false,
    updated_at  timestamptz  not null
);

create table supporter_event (
    event_id     varchar(200) primary key,
    type         varchar(60)  not null,
    received_at  timestamptz  not null
);
