-- The language of a claim's article, kept on the claim as its actors' countries are: filtering claims by
-- language (the Atlas page's filter) reads the claim table alone instead of matching every claim to its
-- article (seconds at 100,000 claims). Written by ingest with the article; articles and their claims are
-- replaced together, so the copy cannot drift.
alter table claim add column article_language varchar(35);
update claim set article_language = (select a.language from article a where a.id = claim.article_id);
