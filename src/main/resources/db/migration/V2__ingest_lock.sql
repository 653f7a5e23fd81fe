-- One row that every ingest transaction locks first (SELECT ... FOR UPDATE): ingests of the
-- same url, or naming the same new actor, then run one after the other, on one node or many,
-- so that concurrent writers never duplicate an article or an actor, and cannot deadlock.
create table ingest_lock (
    id  integer primary key
);
insert into ingest_lock (id) values (1);
