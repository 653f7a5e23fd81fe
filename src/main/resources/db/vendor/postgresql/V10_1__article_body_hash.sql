-- The body digest of the articles stored before V10 (ingest/ContentHash.ofBody: SHA-256 of the UTF-8 body, hex).
update article set body_hash = encode(sha256(convert_to(body, 'UTF8')), 'hex') where body_hash is null;
