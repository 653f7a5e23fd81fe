-- A command-line import into PostgreSQL counts its claims once at its end (claim/UncountedImports): its batches leave
-- them to it (V11's setting), it tallies them in memory and adds the tally when it ends. Each running import has a
-- row here while it holds a session advisory lock on its id; a row whose lock nobody holds is an import that was
-- killed, whose stored claims are not counted: the next start or import then counts every claim again.
create table uncounted_import (
    id          bigint primary key,
    started_at  timestamp with time zone not null default now()
);
create sequence uncounted_import_id;
