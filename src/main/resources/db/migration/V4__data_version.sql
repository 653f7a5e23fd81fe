-- Bumped by every write transaction (it locks this row anyway): readers cache counts and
-- aggregates per version, on every node, and recompute them only after a write.
alter table ingest_lock add column version bigint default 0 not null;
