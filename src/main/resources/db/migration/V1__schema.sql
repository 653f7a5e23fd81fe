-- Allegation Atlas schema: portable SQL for H2 (embedded default) and PostgreSQL.
-- Indexes spell out "desc nulls last": the order the queries use (PostgreSQL's desc is nulls first).
-- Countries are not a table: they are ISO 3166-1 reference data from the JDK (see country/Countries).

create sequence article_seq start with 1 increment by 50;
create sequence actor_seq start with 1 increment by 50;
create sequence actor_alias_seq start with 1 increment by 50;
create sequence claim_seq start with 1 increment by 50;

create table article (
    id            bigint primary key,
    url           varchar(2048) not null,
    title         varchar(1000),
    publisher     varchar(200),
    language      varchar(35) not null,
    published_on  date,
    dateline      varchar(200),
    body          varchar(1000000) not null,
    ingested_at   timestamp with time zone not null,
    constraint article_url_unique unique (url)
);
create index article_published on article (published_on desc nulls last, id desc);

create table actor (
    id               bigint primary key,
    name             varchar(300) not null,
    normalized_name  varchar(1200) not null,  -- lower case, accents stripped: for matching and search
    kind             varchar(32) not null,
    country_code     char(2),                 -- ISO alpha-2 affiliation; a STATE's is itself
    title            varchar(300)
);
create index actor_match on actor (kind, country_code, normalized_name);
create index actor_country on actor (country_code);
create index actor_name on actor (normalized_name, id);

create table actor_alias (
    id          bigint primary key,
    actor_id    bigint not null references actor (id) on delete cascade,
    name        varchar(300) not null,
    language    varchar(35),
    normalized  varchar(1200) not null,
    constraint actor_alias_unique unique (actor_id, normalized)
);
create index actor_alias_normalized on actor_alias (normalized);

create table claim (
    id                    bigint primary key,
    article_id            bigint not null references article (id) on delete cascade,
    claimant_id           bigint not null references actor (id),
    subject_id            bigint not null references actor (id),
    counterparty_id       bigint references actor (id),
    place_id              bigint references actor (id),
    -- the actors' affiliations, copied so that country questions need no join;
    -- an actor's country never changes (ingest matches actors within their country)
    claimant_country      char(2),
    subject_country       char(2),
    counterparty_country  char(2),
    place_country         char(2),
    stance                varchar(16) not null,
    category              varchar(32) not null,
    summary               varchar(2000) not null,
    quote                 varchar(10000) not null,
    quote_start           integer not null,
    quote_end             integer not null,
    stated_on             date,
    stated_on_precision   varchar(8),
    responds_to_id        bigint references claim (id) on delete set null,
    origin                varchar(16) not null,
    confidence            double precision
);
create index claim_article on claim (article_id);
create index claim_against on claim (subject_country, stance, stated_on desc nulls last, id desc);
create index claim_by on claim (claimant_country, stance, stated_on desc nulls last, id desc);
create index claim_implicated on claim (counterparty_country, stated_on desc nulls last, id desc);
create index claim_stated on claim (stated_on desc nulls last, id desc);
create index claim_claimant on claim (claimant_id, stated_on desc nulls last, id desc);
create index claim_subject on claim (subject_id, stated_on desc nulls last, id desc);
create index claim_counterparty on claim (counterparty_id);
create index claim_place on claim (place_id);
create index claim_responds_to on claim (responds_to_id);

-- seed articles already loaded, so that each loads on first start and never twice
create table seed_loaded (
    name       varchar(200) primary key,
    loaded_at  timestamp with time zone not null
);
