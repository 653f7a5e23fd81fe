-- The data version (ingest_lock.version) moves with ANY change to the data, not only with the
-- app's own writes: a SQL fix in psql, a data-only restore, a script. Every node's caches
-- compare their entries with it, so none serves an answer from before such a change.
--
-- Versions are "at least the clock in microseconds": a version names one state of the data,
-- also across a restore to an older backup (the next change after it gets a number no earlier
-- history used). The bump runs once per transaction: the app's write lock bumps first and
-- marks the transaction, and each statement of a bulk import then costs one setting read.
-- BEFORE, so that out-of-band writers lock ingest_lock first, in the same order as the app.

create function atlas_data_changed() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('atlas.data_version_bumped', true), '') <> 'on' then
        update ingest_lock set version = greatest(version + 1, cast(extract(epoch from clock_timestamp()) * 1000000 as bigint))
            where id = 1;
    end if;
    return null;
end $$;

-- any update of the version (the app's write lock, the function above, an operator) marks the transaction
create function atlas_data_version_bumped() returns trigger language plpgsql as $$
begin
    perform set_config('atlas.data_version_bumped', 'on', true);
    return null;
end $$;

create trigger article_changes_data_version before insert or update or delete or truncate on article
    for each statement execute function atlas_data_changed();
create trigger actor_changes_data_version before insert or update or delete or truncate on actor
    for each statement execute function atlas_data_changed();
create trigger actor_alias_changes_data_version before insert or update or delete or truncate on actor_alias
    for each statement execute function atlas_data_changed();
create trigger claim_changes_data_version before insert or update or delete or truncate on claim
    for each statement execute function atlas_data_changed();
create trigger ingest_lock_marks_transaction after update on ingest_lock
    for each statement execute function atlas_data_version_bumped();
