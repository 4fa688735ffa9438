-- Fills a Tribune database (schema migrated, demo content loaded) with a large site:
-- 10,000 articles, 100,000 users, ~1,000,000 comments in threads (four articles with 5,000, one with exactly 200),
-- ~3,000,000 up-votes. Set-based INSERT ... SELECT statements: no round trip per row.
-- Usage: psql -v ON_ERROR_STOP=1 -v password_hash="'<bcrypt MCF>'" -f generate.sql <database>
\timing on
set synchronous_commit = off;

begin;
-- users: bench1 .. bench100000, all verified, password from :password_hash
insert into app_user (username, email, password_hash, display_name, status, roles, email_verified_at, created_at)
select 'bench' || g, 'bench' || g || '@bench.invalid', :password_hash, 'Bench reader ' || g, 'ACTIVE', 'commenter',
       now() - interval '400 days', now() - interval '400 days'
from generate_series(1, 100000) g;

create temporary table bench_user_base as
select min(id) as base from app_user where username like 'bench%' and email like '%@bench.invalid';

-- articles: 10,000, newest published just before now, one every ~2.6 hours back in time
insert into article (slug, headline, standfirst, body, body_html, section_id, author_id, status, published_at,
                     updated_at, comments_open, comment_count)
select 'bench-article-' || g,
       'Benchmark story ' || g || ': what the numbers say about ' || (array['chips','privacy','clouds','outages','AI','patches'])[1 + g % 6],
       'A generated article used to measure Tribune under a large database. Number ' || g || '.',
       'Generated body for article ' || g || E'.\n\nIt has two paragraphs, the second with *emphasis*.',
       '<p>Generated body for article ' || g || '.</p>' || E'\n<p>It has two paragraphs, the second with <em>emphasis</em>.</p>',
       (select id from section order by id offset (g % (select count(*) from section)) limit 1),
       (select id from author order by id offset (g % (select count(*) from author)) limit 1),
       'PUBLISHED', now() - (g * interval '157 minutes'), now() - (g * interval '157 minutes'), true, 0
from generate_series(1, 10000) g;

-- comments per article: bench-article-1..4 get 5,000, bench-article-5 exactly 200, the rest 0..196 (mean ~98)
create temporary table bench_article as
select a.id, row_number() over (order by a.id) as n,
       case when a.slug in ('bench-article-1','bench-article-2','bench-article-3','bench-article-4') then 5000
            when a.slug = 'bench-article-5' then 200
            else (a.id * 7919) % 197 end as comments
from article a where a.slug like 'bench-article-%';
alter table bench_article add column first_offset bigint;
update bench_article b set first_offset = s.first_offset
from (select id, coalesce(sum(comments) over (order by id rows between unbounded preceding and 1 preceding), 0) as first_offset
      from bench_article) s where s.id = b.id;

-- explicit ids so parents and roots can be computed: each group of four is a thread of depths 0,1,2,1
create temporary table bench_comment_base as select coalesce(max(id), 0) + 1 as base from comment;

insert into comment (id, article_id, parent_id, root_id, author_id, body, body_html, status, depth, vote_count,
                     created_at)
overriding system value
select cb.base + b.first_offset + k,
       b.id,
       case when k % 4 = 0 then null
            when k % 4 = 3 then cb.base + b.first_offset + k - 3
            else cb.base + b.first_offset + k - 1 end,
       cb.base + b.first_offset + k - k % 4,
       ub.base + ((cb.base + b.first_offset + k) * 13) % 100000,
       'Generated comment ' || k || ' on article ' || b.n || '. Worth *reading*, perhaps.',
       '<p>Generated comment ' || k || ' on article ' || b.n || '. Worth <em>reading</em>, perhaps.</p>',
       'VISIBLE',
       case k % 4 when 0 then 0 when 1 then 1 when 2 then 2 else 1 end,
       ((cb.base + b.first_offset + k) % 7)::int,
       -- 40 s apart, closer where that would reach past now (a recent article with 5,000 comments): a comment
       -- dated in the future would block its author under flood control
       a.published_at + k * least(interval '40 seconds', (now() - a.published_at) / (b.comments + 1))
from bench_article b
join article a on a.id = b.id
cross join bench_comment_base cb
cross join bench_user_base ub
cross join lateral generate_series(0, b.comments - 1) k;

select setval(pg_get_serial_sequence('comment', 'id'), (select max(id) from comment));

-- up-votes: comment c gets (c % 7) votes from the users right after its author, so never the author's own
insert into comment_vote (comment_id, user_id, created_at)
select c.id, ub.base + ((c.id * 13) % 100000 + 1 + j) % 100000, least(c.created_at + interval '5 minutes', now())
from comment c
cross join bench_user_base ub
cross join lateral generate_series(0, c.vote_count - 1) j
where c.article_id in (select id from bench_article);

update article a set comment_count = b.comments from bench_article b where b.id = a.id;
commit;

analyze;
select (select count(*) from article) as articles, (select count(*) from app_user) as users,
       (select count(*) from comment) as comments, (select count(*) from comment_vote) as votes;
