-- V10 added a column to article. H2 rebuilt the table for it and initialised article's triggers again on the copy
-- (named ARTICLE_COPY_...), and claim/ClaimCountsTrigger tells article from claim by the table's name: until the next
-- start it would take article rows for claims. Made again on article itself (V8's definition).
drop trigger article_changes_counts;
create trigger article_changes_counts before update, delete on article
    for each row call 'org.allegationatlas.claim.ClaimCountsTrigger';

-- The body digest of the articles stored before V10 (ingest/ContentHash.ofBody: SHA-256 of the UTF-8 body, hex).
update article set body_hash = lower(rawtohex(hash('SHA-256', body))) where body_hash is null;
