-- Up-votes move their own counter rather than the thread version (issue 16.2): an article page is kept as a
-- rendering whose vote counts are filled in from the page's current counts, so a vote no longer renders the page
-- again for everyone. The article row still changes, so the change notice (V7) still forgets the page's stamp.
alter table article add column vote_version bigint not null default 0;
