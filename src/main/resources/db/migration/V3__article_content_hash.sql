-- A digest of the input an article was stored from: sending the same input again
-- (re-running an import) changes nothing, not even claim ids.
alter table article add column content_hash varchar(64);
