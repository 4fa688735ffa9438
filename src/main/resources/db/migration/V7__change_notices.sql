-- Instances remember rows they read often (the stamp of an anonymous article page, a logged-in user's session
-- check) and forget them when PostgreSQL announces a change on the channel tribune_changes. The notice is sent by
-- the changing transaction itself and delivered only if it commits, so while an instance listens it cannot miss a
-- change, whichever instance or script made it. Payloads: 'article:<slug>', 'lists' (an article changed what the
-- home and section pages show), 'user:<id>', 'pages' (what every page shows: sections, bylines).

create function tribune_article_changed() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform pg_notify('tribune_changes', 'article:' || old.slug);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.slug <> old.slug) then
        perform pg_notify('tribune_changes', 'article:' || new.slug);
    end if;
    -- the home and section pages show only these columns: an up-vote (thread_version) leaves them alone
    if tg_op <> 'UPDATE'
            or (old.slug, old.headline, old.standfirst, old.section_id, old.author_id, old.status, old.published_at,
                old.comment_count, old.hero_url, old.hero_alt)
               is distinct from
               (new.slug, new.headline, new.standfirst, new.section_id, new.author_id, new.status, new.published_at,
                new.comment_count, new.hero_url, new.hero_alt) then
        perform pg_notify('tribune_changes', 'lists');
    end if;
    return null;
end
$$;

create trigger article_changed after insert or update or delete on article
    for each row execute function tribune_article_changed();

create function tribune_pages_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tribune_changes', 'pages');
    return null;
end
$$;

create trigger section_changed after insert or update or delete on section
    for each statement execute function tribune_pages_changed();
create trigger author_changed after update or delete on author
    for each statement execute function tribune_pages_changed();

create function tribune_user_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tribune_changes', 'user:' || old.id);
    return null;
end
$$;

-- only what the session check reads (SessionIdentityProvider)
create trigger app_user_changed after update on app_user
    for each row
    when ((old.username, old.status, old.password_hash, old.session_generation, old.roles, old.email_verified_at)
          is distinct from
          (new.username, new.status, new.password_hash, new.session_generation, new.roles, new.email_verified_at))
    execute function tribune_user_changed();
create trigger app_user_deleted after delete on app_user
    for each row execute function tribune_user_changed();
