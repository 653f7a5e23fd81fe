-- News in (issue 20, docs/news.md): articles read from web pages, feeds and web archives.

-- The same article met again is skipped, never stored twice: known by its address (article.url, or any other
-- address it was met at: the fetched one, the one after redirects, a feed item's link: article_url) or by its text
-- (body_hash, SHA-256 of the body, set by ingest for every article; V10_1 fills it in for those stored before).
alter table article add column body_hash varchar(64);
create index article_body_hash on article (body_hash);

create table article_url (
    url         varchar(2048) primary key,
    article_id  bigint not null references article (id) on delete cascade
);
create index article_url_article on article_url (article_id);

-- Feeds (RSS, Atom) polled on a schedule. A replica claims a due feed by locking its row
-- (SELECT ... FOR UPDATE SKIP LOCKED) and setting polling_until in a short transaction, then polls it without
-- a transaction open: with several replicas on one database each round of a feed is polled by one of them.
create sequence feed_seq start with 1 increment by 50;
create table feed (
    id                bigint primary key,
    url               varchar(2048) not null,
    title             varchar(1000),
    language          varchar(35),     -- given at subscription: the language of its articles, else each page's own
    publisher         varchar(200),    -- given at subscription: the publisher of its articles, else each page's own
    interval_minutes  integer not null,
    subscribed_at     timestamp with time zone not null,
    next_poll_at      timestamp with time zone not null,
    polling_until     timestamp with time zone,           -- claimed by a replica polling it until then
    last_polled_at    timestamp with time zone,
    last_status       integer,                            -- the feed's last HTTP status (304: not modified)
    last_error        varchar(4000),                      -- the last poll's problems, null when it had none
    failures          integer default 0 not null,         -- polls in a row that could not read the feed
    etag              varchar(1000),                      -- validators for the next conditional GET
    last_modified     varchar(200),
    constraint feed_url_unique unique (url)
);
create index feed_due on feed (next_poll_at, id);

-- The items of each feed already handled, so that each is fetched once: by a digest of its guid (or link).
create table feed_item (
    feed_id        bigint not null references feed (id) on delete cascade,
    item_key       varchar(64) not null,
    url            varchar(2048) not null,
    outcome        varchar(16) not null,                  -- STORED, SKIPPED (known already) or FAILED
    article_id     bigint references article (id) on delete set null,
    attempts       integer not null,
    error          varchar(2000),
    first_seen_at  timestamp with time zone not null,
    last_tried_at  timestamp with time zone not null,
    constraint feed_item_key primary key (feed_id, item_key)
);
create index feed_item_article on feed_item (article_id);
