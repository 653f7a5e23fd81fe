-- The command-line import counts its claims once at its end on PostgreSQL too (V9 did it for H2 only): while
-- claim_counts_state.deferred is set, V8's triggers leave the counts alone, as H2's trigger does, and
-- claim/ClaimCountsRefill counts every claim again at the import's end (or at the next start, if it was killed).
-- Row by row, the counts cost the import more than storing the claims.

create or replace function atlas_claim_changes_counts() returns trigger language plpgsql as $$
begin
    if (select deferred from claim_counts_state where id = 1) then
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
    if (select deferred from claim_counts_state where id = 1) then
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
