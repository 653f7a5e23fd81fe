-- Keeps V7's counts equal to counts of the claims, in the same transaction as any change to claims or to an
-- article's language, made by the app or not (H2's half is claim/ClaimCountsTrigger, the same rules).
-- Article deletes: the article's trigger takes its claims' counts before the cascade deletes them; the
-- cascaded claim deletes then find no article and leave the counts alone.

create function atlas_count_claim(c claim, lang varchar, delta bigint) returns void language plpgsql as $$
declare
    spans char(1)[];
    periods integer[];
    v_role char(1);
    v_code varchar(2);
begin
    if lang is null then
        return;
    end if;
    if c.stated_on is null then
        spans := array['A'];
        periods := array[0];
    else
        spans := array['A', 'Y', 'M'];
        periods := array[0, extract(year from c.stated_on)::integer,
                         (extract(year from c.stated_on) * 100 + extract(month from c.stated_on))::integer];
    end if;
    for i in 1 .. array_length(spans, 1) loop
        foreach v_role in array array['S', 'C'] loop
            v_code := coalesce(trim(case v_role when 'S' then c.subject_country else c.claimant_country end), '');
            insert into country_claim_counts as t (span, stance, period, role, country, category, language, claims)
                values (spans[i], c.stance, periods[i], v_role, v_code, c.category, lang, delta)
                on conflict (span, stance, period, role, country, category, language)
                do update set claims = t.claims + excluded.claims;
            if delta < 0 then
                delete from country_claim_counts where span = spans[i] and stance = c.stance and period = periods[i]
                    and country_claim_counts.role = v_role and country = v_code and category = c.category and language = lang
                    and claims = 0;
            end if;
        end loop;
        if c.subject_country is not null and c.claimant_country is not null then
            insert into country_pair_counts as t (span, stance, period, claimant_country, subject_country, category, language, claims)
                values (spans[i], c.stance, periods[i], trim(c.claimant_country), trim(c.subject_country), c.category, lang, delta)
                on conflict (span, stance, period, claimant_country, subject_country, category, language)
                do update set claims = t.claims + excluded.claims;
            if delta < 0 then
                delete from country_pair_counts where span = spans[i] and stance = c.stance and period = periods[i]
                    and claimant_country = trim(c.claimant_country) and subject_country = trim(c.subject_country)
                    and category = c.category and language = lang and claims = 0;
            end if;
        end if;
    end loop;
end $$;

create function atlas_claim_changes_counts() returns trigger language plpgsql as $$
begin
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

create function atlas_article_changes_counts() returns trigger language plpgsql as $$
declare
    c claim;
begin
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

create function atlas_claims_truncated() returns trigger language plpgsql as $$
begin
    delete from country_claim_counts;
    delete from country_pair_counts;
    return null;
end $$;

create trigger claim_changes_counts after insert or update or delete on claim
    for each row execute function atlas_claim_changes_counts();
create trigger article_changes_counts before update or delete on article
    for each row execute function atlas_article_changes_counts();
create trigger claim_truncate_clears_counts after truncate on claim
    for each statement execute function atlas_claims_truncated();
