-- Why an extractor proposed a claim: its cue word and rule, and the source of each role (dictionary entry,
-- rule or model tag); null for claims read by a person.
alter table claim add column explanation varchar(4000);
