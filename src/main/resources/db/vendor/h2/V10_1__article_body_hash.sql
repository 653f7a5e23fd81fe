-- The body digest of the articles stored before V10 (ingest/ContentHash.ofBody: SHA-256 of the UTF-8 body, hex).
update article set body_hash = lower(rawtohex(hash('SHA-256', body))) where body_hash is null;
