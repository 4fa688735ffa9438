-- Every up-vote updates its comment's vote_count. While vote_count was part of an index, each such update wrote a
-- new row version plus an entry in all seven indexes of comment (one of them carries the body): a PostgreSQL "HOT"
-- update, which touches no index, is only possible when no indexed column changes and the page has room.
-- The "top" order now sorts an article's top-level comments read through comment_roots_idx (a top-N sort of at
-- most a few thousand rows, for the few readers who choose that order and are not served a cached page).
drop index comment_roots_top_idx;
-- the same key as comment_author_recent_idx, which serves every query this one did
drop index comment_author_idx;
-- leave room in each new page for updated row versions to stay on their page
alter table comment set (fillfactor = 90);

-- Instances keep the moderation word list in memory until it changes (see V7__change_notices.sql).
create function tribune_words_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tribune_changes', 'words');
    return null;
end
$$;

create trigger moderation_word_changed after insert or update or delete or truncate on moderation_word
    for each statement execute function tribune_words_changed();
