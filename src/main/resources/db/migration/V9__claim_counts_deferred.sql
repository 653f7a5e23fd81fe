-- A bulk import into the embedded database counts its claims once at its end instead of row by row (the
-- counts of V7 kept by V8's triggers made it 2.4 times slower): it sets deferred, H2's trigger then leaves
-- the counts alone, and claim/ClaimCountsRefill counts every claim again and clears it. An import killed
-- on the way leaves it set, and the next start counts again before it serves anything.
create table claim_counts_state (
    id        integer not null primary key check (id = 1),
    deferred  boolean not null
);
insert into claim_counts_state (id, deferred) values (1, false);
