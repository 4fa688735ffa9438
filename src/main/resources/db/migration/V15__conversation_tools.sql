-- Conversation tools (issue 15): slow mode, featured comments, mutes, last visits (docs/features.md).

-- Slow mode: the least time, in seconds, between two comments of one person on this article; 0 is off.
alter table article add column slow_mode_seconds int not null default 0;
alter table article add constraint article_slow_mode_range check (slow_mode_seconds between 0 and 86400);

-- A comment featured by a moderator or an editor, with an optional note shown beside it.
alter table comment add column featured_at timestamptz;
alter table comment add column featured_note varchar(500);
create index comment_featured_idx on comment (article_id, featured_at) where featured_at is not null;

-- Mutes are private: only the muter ever sees them (the settings page, their own article pages, their export).
create table user_mute (
    muter_id    bigint not null references app_user (id) on delete cascade,
    muted_id    bigint not null references app_user (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (muter_id, muted_id),
    constraint user_mute_not_self check (muter_id <> muted_id)
);
create index user_mute_muted_idx on user_mute (muted_id);

-- When a logged-in reader last opened an article, to mark what is new since; kept 90 days (VisitHousekeeping).
create table article_visit (
    user_id     bigint not null references app_user (id) on delete cascade,
    article_id  bigint not null references article (id) on delete cascade,
    visited_at  timestamptz not null,
    primary key (user_id, article_id)
);
create index article_visit_visited_idx on article_visit (visited_at);
