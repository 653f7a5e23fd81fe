-- Keeps V7's counts equal to counts of the claims, in the same transaction as any change to claims or to an
-- article's language, made by the app or not (H2 triggers are Java classes: claim/ClaimCountsTrigger).
-- Article deletes: the article's trigger takes its claims' counts before the cascade deletes them.
-- H2 has no TRUNCATE trigger: use DELETE for out-of-band fixes (as for the data version, V5).
create trigger claim_changes_counts after insert, update, delete on claim
    for each row call 'org.allegationatlas.claim.ClaimCountsTrigger';
create trigger article_changes_counts before update, delete on article
    for each row call 'org.allegationatlas.claim.ClaimCountsTrigger';
