-- A bulk import's batch counts its own claims on PostgreSQL, in its transaction, with a statement per count row
-- (ingest/BulkStore): row by row, V8's triggers cost the import more than storing the claims. The batch says so
-- with a setting local to its transaction, and V8's triggers leave its claims alone; every other writer's claims
-- (a server's, beside the import) are counted by the triggers as before. A killed batch counted nothing and
-- stored nothing: no recount and no lock on the whole table, whatever the database's size.

create or replace function atlas_claim_changes_counts() returns trigger language plpgsql as $$
begin
    if current_setting('atlas.claims_counted_by_writer', true) = 'on' then
        return null;
    end if;
    if tg_op = 'UPDATE' and old.article_id = new.article_id and old.subject_country is not distinct from new.subject_country
            and old.claimant_country is not distinct from new.claimant_country and old.stance = new.stance
            and old.category = new.category and old.stated_on is not distinct from new.stated_on then
        return null; -- a summary, quote or link changed: no count moves
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        -- no article: it is being deleted, and its trigger took its claims' counts
        perform atlas_count_claim(old, (select language from article where id = old.article_id), -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform atlas_count_claim(new, (select language from article where id = new.article_id), 1);
    end if;
    return null;
end $$;

create or replace function atlas_article_changes_counts() returns trigger language plpgsql as $$
declare
    c claim;
begin
    if current_setting('atlas.claims_counted_by_writer', true) = 'on' then
        return case tg_op when 'DELETE' then old else new end;
    end if;
    if tg_op = 'DELETE' or old.language is distinct from new.language then
        for c in select * from claim where article_id = old.id loop
            perform atlas_count_claim(c, old.language, -1);
            if tg_op = 'UPDATE' then
                perform atlas_count_claim(c, new.language, 1);
            end if;
        end loop;
    end if;
    return case tg_op when 'DELETE' then old else new end;
end $$;
