-- Up-votes move their own counter rather than the thread version (issue 16.2): an article page is kept as a
-- rendering whose vote counts are filled in from the page's current counts, so a vote no longer renders the page
-- again for everyone. The article row still changes, so the change notice (V7) still forgets the page's stamp.
alter table article add column vote_version bigint not null default 0;

-- Notices for the other kept pages (feeds, sitemap, author pages, search results, profiles), each sent by the
-- changing transaction (delivered only if it commits), on the channel of V7. New functions and triggers of their
-- own, so V7's stay as they are.
--   'articles': what an article shows changed (anything but its thread, vote and comment counters);
--   'comments': a comment was written, edited, moderated or deleted (not an up-vote);
--   'profiles': what a public profile shows of its user changed (name, bio, status, supporter badge).
create function tribune_notify_kind() returns trigger language plpgsql as $$
begin
    perform pg_notify('tribune_changes', tg_argv[0]);
    return null;
end
$$;

create trigger article_content_written after insert or delete on article
    for each statement execute function tribune_notify_kind('articles');
create trigger article_content_changed after update on article
    for each row
    when ((to_jsonb(old) - 'thread_version' - 'vote_version' - 'comment_count')
          is distinct from (to_jsonb(new) - 'thread_version' - 'vote_version' - 'comment_count'))
    execute function tribune_notify_kind('articles');

create trigger comment_written after insert or delete on comment
    for each statement execute function tribune_notify_kind('comments');
create trigger comment_changed after update on comment
    for each row
    when ((to_jsonb(old) - 'vote_count') is distinct from (to_jsonb(new) - 'vote_count'))
    execute function tribune_notify_kind('comments');

create trigger app_user_profile_changed after update on app_user
    for each row
    when ((old.username, old.display_name, old.bio, old.status, old.created_at)
          is distinct from (new.username, new.display_name, new.bio, new.status, new.created_at))
    execute function tribune_notify_kind('profiles');
create trigger app_user_profile_written after insert or delete on app_user
    for each statement execute function tribune_notify_kind('profiles');
create trigger supporter_changed after insert or update or delete on supporter
    for each statement execute function tribune_notify_kind('profiles');
