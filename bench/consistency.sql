-- Tribune consistency check: what the schema stores twice must agree, and no write may be half done.
-- One row per check with the number of violating rows; every count must be 0.
-- Usage: psql -X -At -F ' | ' -d DB -f bench/consistency.sql   (bench/crash.sh runs it before and after a crash)
-- The maximum reply depth (tribune.comments.max-depth, default 6) is taken from psql's :max_depth when set.
\if :{?max_depth}
\else
\set max_depth 6
\endif

with visible as (
    select article_id, count(*) as n from comment where status = 'VISIBLE' group by article_id
), votes as (
    select comment_id, count(*) as n from comment_vote group by comment_id
)
select 'article.comment_count differs from its visible comments' as "check", count(*) as violations
from article a left join visible v on v.article_id = a.id
where a.comment_count <> coalesce(v.n, 0)
union all
select 'comment.vote_count differs from its comment_vote rows', count(*)
from comment c left join votes v on v.comment_id = c.id
where c.vote_count <> coalesce(v.n, 0)
union all
select 'comment without root_id (thread link not written)', count(*)
from comment where root_id is null
union all
select 'top-level comment whose root is not itself, or whose depth is not 0', count(*)
from comment where parent_id is null and (root_id <> id or depth <> 0)
union all
select 'reply whose parent is missing', count(*)
from comment c where c.parent_id is not null and not exists (select 1 from comment p where p.id = c.parent_id)
union all
select 'reply in another article or thread than its parent', count(*)
from comment c join comment p on p.id = c.parent_id
where c.article_id <> p.article_id or c.root_id <> p.root_id
union all
select 'reply at the wrong depth (parent depth + 1, capped)', count(*)
from comment c join comment p on p.id = c.parent_id
where c.depth <> least(p.depth + 1, :max_depth)
union all
select 'comment with an empty body or rendering', count(*)
from comment where body = '' or body_html = ''
union all
select 'edited comment without its earlier version', count(*)
from comment c where c.edited_at is not null
  and not exists (select 1 from comment_revision r where r.comment_id = c.id)
union all
select 'up-vote by the comment''s own author', count(*)
from comment_vote v join comment c on c.id = v.comment_id where v.user_id = c.author_id
union all
select 'report by the comment''s own author', count(*)
from comment_report r join comment c on c.id = r.comment_id where r.reporter_id = c.author_id;
