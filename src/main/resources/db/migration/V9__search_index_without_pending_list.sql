-- Articles are written a few times a day and searched all the time. With GIN's default fastupdate, new entries wait
-- in a pending list that every search scans until (auto)vacuum merges it: on a freshly loaded site of 10,000
-- articles that made each search 2-3 ms slower. Without it, an article save updates the index directly.
alter index article_search_idx set (fastupdate = off);
select gin_clean_pending_list('article_search_idx');
