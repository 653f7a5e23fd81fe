-- Claim counts kept at write time, so that the map (claimTotals), who-accuses-whom (allegationMatrix),
-- the country panel's accusers and months group a few thousand count rows instead of a million claims.
-- Kept by the triggers of V8 (db/vendor/...), in the same transaction as every claim or article change,
-- made by the app or not. Each claim is counted at three spans: 'A' all time (period 0, undated claims too),
-- 'Y' its year (period 2022) and 'M' its month (period 202211); a date range is answered from whole years,
-- whole months and, at its ragged ends, from the claims themselves (claim/ClaimCounts).

-- per country and role: 'S' the claims naming it as subject, 'C' as claimant; '' for claims without one
create table country_claim_counts (
    span      char(1) not null,
    stance    varchar(16) not null,
    period    integer not null,
    role      char(1) not null,
    country   varchar(2) not null,
    category  varchar(32) not null,
    language  varchar(35) not null,
    claims    bigint not null,
    constraint country_claim_counts_key primary key (span, stance, period, role, country, category, language)
);
-- Indexes that hold every column a question reads, claims last, so that it is answered from the index alone
-- (H2 and PostgreSQL prefer them): the map's questions, and one country's rows (its claims per month).
create index country_claim_counts_read on country_claim_counts (span, stance, period, role, country, category, language, claims);
create index country_claim_counts_country on country_claim_counts (role, country, span, stance, period, category, language, claims);

-- per (claimant country, subject country) pair, both known
create table country_pair_counts (
    span              char(1) not null,
    stance            varchar(16) not null,
    period            integer not null,
    claimant_country  varchar(2) not null,
    subject_country   varchar(2) not null,
    category          varchar(32) not null,
    language          varchar(35) not null,
    claims            bigint not null,
    constraint country_pair_counts_key primary key (span, stance, period, claimant_country, subject_country, category, language)
);
create index country_pair_counts_read on country_pair_counts
    (span, stance, period, claimant_country, subject_country, category, language, claims);
create index country_pair_counts_subject on country_pair_counts
    (subject_country, span, stance, period, claimant_country, category, language, claims);
create index country_pair_counts_claimant on country_pair_counts
    (claimant_country, span, stance, period, subject_country, category, language, claims);

-- the counts of the claims already stored: one INSERT ... SELECT each (no claim row is touched)
insert into country_claim_counts (span, stance, period, role, country, category, language, claims)
select span, stance, period, role, country, category, language, count(*) from (
    select s.span, c.stance, case s.span when 'A' then 0 when 'Y' then extract(year from c.stated_on)
               else extract(year from c.stated_on) * 100 + extract(month from c.stated_on) end as period,
           r.role, coalesce(case r.role when 'S' then c.subject_country else c.claimant_country end, '') as country,
           c.category, a.language
    from claim c
    join article a on a.id = c.article_id
    cross join (select 'A' as span union all select 'Y' union all select 'M') s
    cross join (select 'S' as role union all select 'C') r
    where s.span = 'A' or c.stated_on is not null
) counted
group by span, stance, period, role, country, category, language;

insert into country_pair_counts (span, stance, period, claimant_country, subject_country, category, language, claims)
select span, stance, period, claimant_country, subject_country, category, language, count(*) from (
    select s.span, c.stance, case s.span when 'A' then 0 when 'Y' then extract(year from c.stated_on)
               else extract(year from c.stated_on) * 100 + extract(month from c.stated_on) end as period,
           c.claimant_country, c.subject_country, c.category, a.language
    from claim c
    join article a on a.id = c.article_id
    cross join (select 'A' as span union all select 'Y' union all select 'M') s
    where (s.span = 'A' or c.stated_on is not null) and c.claimant_country is not null and c.subject_country is not null
) counted
group by span, stance, period, claimant_country, subject_country, category, language;
