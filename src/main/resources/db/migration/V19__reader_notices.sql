-- What each instance keeps in memory about one logged-in reader for their article pages (issue 16.1): their
-- up-votes, the people they muted, whether they have a comment held for review, and their unread notifications (the
-- header's count). Each change to these sends 'reader:<user id>' on the channel of V7, from the changing transaction
-- (delivered only if it commits), and every instance forgets what it kept about that reader.
create function tribune_reader_changed() returns trigger language plpgsql as $$
declare
    reader text := case when tg_op = 'DELETE' then to_jsonb(old) ->> tg_argv[0] else to_jsonb(new) ->> tg_argv[0] end;
begin
    if reader is not null then
        perform pg_notify('tribune_changes', 'reader:' || reader);
    end if;
    return null;
end
$$;

create trigger comment_vote_reader after insert or delete on comment_vote
    for each row execute function tribune_reader_changed('user_id');
create trigger user_mute_reader after insert or delete on user_mute
    for each row execute function tribune_reader_changed('muter_id');
create trigger notice_reader after insert or update or delete on notice
    for each row execute function tribune_reader_changed('user_id');
-- a comment held for review (or released from the queue) changes which page its author is given
create trigger comment_reader_written after insert on comment
    for each row execute function tribune_reader_changed('author_id');
create trigger comment_reader_status after update of status on comment
    for each row when (old.status is distinct from new.status)
    execute function tribune_reader_changed('author_id');
-- the reader's participation (a suspension's end, a verified address) is part of what is kept
create trigger app_user_reader after update on app_user
    for each row
    when ((old.status, old.suspended_until, old.email_verified_at) is distinct from
          (new.status, new.suspended_until, new.email_verified_at))
    execute function tribune_reader_changed('id');
-- the session check keeps the reader's time zone too (V18), which V7's notice did not cover: another instance must
-- forget it when it changes, or it would show times in the old zone until the kept row expires
create trigger app_user_time_zone_changed after update of time_zone on app_user
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function tribune_user_changed();
