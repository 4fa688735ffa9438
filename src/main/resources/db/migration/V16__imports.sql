-- Imports from WordPress (WXR) and Disqus (docs/import.md).

-- What each imported record became here, so that running the same file again adds nothing twice.
-- kind: 'wordpress' or 'disqus'; entity: 'article', 'comment', 'section', 'author', 'user'; source_id: the id in
-- the export (a post id, a comment id, a category nicename, an author login, a commenter's key).
create table import_source (
    kind        varchar(20)  not null,
    entity      varchar(20)  not null,
    source_id   varchar(300) not null,
    local_id    bigint       not null,
    imported_at timestamptz  not null default now(),
    primary key (kind, entity, source_id)
);

-- An imported commenter: no password, cannot log in, until someone signs up with the same email and verifies it.
alter table app_user add column unclaimed boolean not null default false;

-- A claim is an emailed link like a verification, carrying the username and password chosen at sign-up: they
-- become the account's only once the address is proved.
alter table account_token drop constraint account_token_purpose_check;
alter table account_token add constraint account_token_purpose_check
    check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CLAIM'));
alter table account_token add column claim_username varchar(30);
alter table account_token add column claim_password_hash varchar(100);
