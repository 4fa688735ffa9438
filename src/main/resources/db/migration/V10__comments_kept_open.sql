-- An editor's or moderator's explicit "open" overrides the age rule (tribune.comments.close-after-days): such an
-- article's comments stay open until someone closes them. comments_open = false is "closed by a person".
alter table article add column comments_keep_open boolean not null default false;
alter table article_revision add column comments_keep_open boolean not null default false;
