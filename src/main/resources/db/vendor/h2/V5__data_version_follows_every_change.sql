-- The data version (ingest_lock.version) moves with ANY change to the data, not only with the
-- app's own writes: a SQL fix, a script run on the app's database. Every cache compares its
-- entries with it, so none serves an answer from before such a change. H2 triggers are Java
-- classes: common/data/DataVersionTrigger (once per transaction, versions at least the clock in
-- microseconds; see there). Row triggers, as H2 refuses data changes from statement triggers in
-- auto-commit mode; after the first row of a transaction each costs a variable read. H2 has no
-- TRUNCATE trigger: use DELETE for out-of-band fixes.
create trigger article_changes_data_version before insert, update, delete on article
    for each row call 'org.allegationatlas.common.data.DataVersionTrigger';
create trigger actor_changes_data_version before insert, update, delete on actor
    for each row call 'org.allegationatlas.common.data.DataVersionTrigger';
create trigger actor_alias_changes_data_version before insert, update, delete on actor_alias
    for each row call 'org.allegationatlas.common.data.DataVersionTrigger';
create trigger claim_changes_data_version before insert, update, delete on claim
    for each row call 'org.allegationatlas.common.data.DataVersionTrigger';
create trigger ingest_lock_marks_transaction after update on ingest_lock
    for each row call 'org.allegationatlas.common.data.DataVersionTrigger';
