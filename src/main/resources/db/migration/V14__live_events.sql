-- The live conversation (io.tribune.live, docs/live.md): every change a reader of an article page would see happen
-- to a comment is announced on the channel tribune_live, from the changing transaction itself, so it reaches every
-- instance only if that transaction commits, whichever instance or script made it. The payload carries ids only
-- ('<event id>:<article id>:<comment id>:<kind>', kind one of comment, votes, edited, removed); instances read the
-- rows. The event id comes from one sequence, so every instance gives an event the same id and a client may resume
-- (Last-Event-ID) on any instance.
-- A comment held for review is not announced until it becomes visible; one removed before it was ever visible is
-- never announced.
create sequence live_event_seq;

create function tribune_live_notify(article_id bigint, comment_id bigint, kind text) returns void language sql as $$
    select pg_notify('tribune_live', nextval('live_event_seq') || ':' || article_id || ':' || comment_id || ':' || kind);
$$;

create function tribune_live_comment() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status = 'VISIBLE' then
            perform tribune_live_notify(new.article_id, new.id, 'comment');
        end if;
        return null;
    end if;
    if new.status = 'VISIBLE' and old.status <> 'VISIBLE' then
        perform tribune_live_notify(new.article_id, new.id, 'comment');
    elsif old.status = 'VISIBLE' and new.status <> 'VISIBLE' then
        perform tribune_live_notify(new.article_id, new.id, 'removed');
    elsif new.status = 'VISIBLE' then
        if new.body_html is distinct from old.body_html then
            perform tribune_live_notify(new.article_id, new.id, 'edited');
        end if;
        if new.vote_count <> old.vote_count then
            perform tribune_live_notify(new.article_id, new.id, 'votes');
        end if;
    end if;
    return null;
end
$$;

create trigger comment_live after insert or update of status, body_html, vote_count on comment
    for each row execute function tribune_live_comment();
