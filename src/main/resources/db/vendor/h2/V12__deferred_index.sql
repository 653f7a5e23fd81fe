-- The claim table's secondary indexes that a command-line import into a fresh database dropped, to build them once
-- at its end from a sort rather than keep them up to date claim by claim (ingest/DeferredIndexes). Written before
-- they are dropped (H2 commits before each DROP INDEX); an import killed on the way leaves its rows, and the next
-- start or import builds whatever is recorded here before anything else. (As PostgreSQL's V12.)
create table deferred_index (
    name        varchar(200) primary key,
    definition  varchar(4000) not null
);
