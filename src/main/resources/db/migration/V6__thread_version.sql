-- Bumped in the same transaction as every change to what an article's comment threads show (a comment posted,
-- edited, deleted or moderated, a vote, an author's name). Cached thread HTML is keyed by it, so every instance
-- sees a change at once without talking to the others.
alter table article add column thread_version bigint not null default 0;
