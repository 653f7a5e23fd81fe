package org.allegationatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.Json;

import org.allegationatlas.claim.ClaimCountsRefill;
import org.allegationatlas.claim.ClaimTally;
import org.allegationatlas.claim.UncountedImports;
import org.allegationatlas.claim.UncountedImports.Outcome;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The command-line import's counts: what it tallies as it stores claims and adds at its end is exactly what
 * counting every claim again gives (dated and undated claims, several months, languages and countries, answers
 * to a later claim, one url twice in a batch); and an import that replaces an article does not claim a tally. On
 * PostgreSQL, where servers may write beside it, the import adds its tally at its end too (UncountedImports): a
 * killed import's claims are counted again by the next start or import, but never beside a running import.
 */
@QuarkusTest
class ImportCountsTest {

    // countries no other test names, and no STATE actor: the tests share one database
    private static final String[] COUNTRIES = { "FM", "SB", "MH", "FM" };

    @Inject
    BulkImport bulkImport;
    @Inject
    ClaimCountsRefill refill;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    UncountedImports uncounted;
    @Inject
    ImportCommand importCommand;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @AfterEach
    void countsComplete() throws SQLException {
        if (refill.deferred()) { // a failed test must not leave the other tests' counts deferred
            refill.countAgain();
        }
        if ("postgresql".equals(dbKind) && uncountedImports() > 0) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from uncounted_import");
            }
            refill.countAgain();
        }
    }

    @Test
    void onPostgreSQLAnImportCountsItsClaimsWhenItEnds() throws Exception {
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only (the embedded database's import: above)");
        String run = UUID.randomUUID().toString().substring(0, 8);
        refill.countAgain();
        List<String> before = counts();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(article(run, i, "first"));
        }
        lines.add(article(run, 3, "second")); // replaces an article of the same batch, not yet counted
        importCountedAtItsEnd(lines, before);
        List<String> added = counts();
        assertNotEquals(before, added);
        refill.countAgain();
        assertEquals(counts(), added, "the tally gives what counting every claim again gives");

        // a second import replaces counted articles (their claims leave the counts, rows at 0 go) and adds one
        lines.clear();
        for (int i = 0; i < 40; i += 3) {
            lines.add(article(run, i, "third"));
        }
        lines.add(article(run, 41, "first"));
        importCountedAtItsEnd(lines, added);
        List<String> replaced = counts();
        assertNotEquals(added, replaced);
        assertTrue(replaced.stream().anyMatch(row -> row.contains("|de-x-" + run + "|")));
        refill.countAgain();
        assertEquals(counts(), replaced, "after replacing articles");

        // and back: the rows of the run's own language fall to 0, and go
        lines.clear();
        for (int i = 0; i < 40; i += 3) {
            lines.add(article(run, i, "first"));
        }
        importCountedAtItsEnd(lines, replaced);
        List<String> back = counts();
        assertFalse(back.stream().anyMatch(row -> row.contains("|de-x-" + run + "|")), "no count row left at 0");
        refill.countAgain();
        assertEquals(counts(), back, "after replacing them again");
        assertEquals(0, uncountedImports());
    }

    @Test
    void onPostgreSQLAKilledImportsClaimsAreCountedAgainButNeverBesideARunningImport() throws Exception {
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only");
        String run = UUID.randomUUID().toString().substring(0, 8);
        refill.countAgain();
        List<String> before = counts();
        // killed: its batches committed, its tally never added; its lock goes with its connection
        importWithoutFinishing(run, 0, 10);
        assertEquals(before, counts());
        assertEquals(1, uncountedImports());

        // the next import counts every claim again before it starts
        try (UncountedImports.Running next = uncounted.begin()) {
            List<String> recovered = counts();
            assertNotEquals(before, recovered);
            assertEquals(1, uncountedImports(), "only the running import's row");
            BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
            }, new ClaimTally());
            for (int i = 10; i < 20; i++) {
                session.accept(article(run, i, "first"));
            }
            session.finish();

            // another import killed beside it: a start must not count again while `next` runs (its claims would count twice)
            importWithoutFinishing(run, 20, 30);
            List<String> beside = counts();
            assertEquals(Outcome.LEFT_TO_RUNNING_IMPORT, uncounted.countWhatKilledImportsLeft());
            assertEquals(beside, counts(), "nothing counted beside the running import");

            // the running import, last to end, counts every claim again instead of adding its tally
            assertEquals(Outcome.COUNTED_AGAIN, next.finish(session.tally()));
        }
        List<String> settled = counts();
        assertEquals(0, uncountedImports());
        refill.countAgain();
        assertEquals(counts(), settled);
        assertEquals(Outcome.NOTHING, uncounted.countWhatKilledImportsLeft());
    }

    @Test
    void onPostgreSQLClaimsReplacedBeforeTheirImportCountedThemAreCountedOnce() throws Exception {
        // two imports at once, or a server beside an import, replacing articles that a running import stored and has
        // not counted yet: their claims leave the counts before they entered them, so rows go below 0 meanwhile
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only");
        String run = UUID.randomUUID().toString().substring(0, 8);
        refill.countAgain();
        try (UncountedImports.Running first = uncounted.begin()) {
            BulkImport.Session stored = bulkImport.start(new BulkImport.Listener() {
            }, new ClaimTally());
            for (int i = 0; i < 12; i++) {
                stored.accept(article(run, i, "third")); // in a language of the run's own: count rows of their own
            }
            assertEquals(0, stored.finish().badLines());

            // another import, which ends first, replaces some of them
            try (UncountedImports.Running second = uncounted.begin()) {
                BulkImport.Session replacing = bulkImport.start(new BulkImport.Listener() {
                }, new ClaimTally());
                for (int i = 0; i < 12; i += 3) {
                    replacing.accept(article(run, i, "first"));
                }
                assertEquals(0, replacing.finish().badLines());
                assertEquals(Outcome.ADDED, second.finish(replacing.tally()));
            }
            // and a server's import (its batches counted as they commit: by the triggers, as they replace) others
            BulkImport.Session server = bulkImport.start(new BulkImport.Listener() {
            });
            for (int i = 1; i < 12; i += 3) {
                server.accept(article(run, i, "second"));
            }
            assertEquals(0, server.finish().badLines());
            assertEquals(Outcome.ADDED, first.finish(stored.tally()));
        }
        List<String> settled = counts();
        refill.countAgain();
        assertEquals(counts(), settled, "each claim counted once, no row left at 0");
    }

    @Test
    void onPostgreSQLAnImportThatEndedHoldsNoLock() throws Exception {
        // its connection goes back to the pool, open: a lock left on it would make the import look alive to others
        // (then a killed import's claims are left to it, and nobody counts them)
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only");
        long before = count("select count(*) from pg_locks where locktype = 'advisory' and classid = " + 0x41544C53);
        UncountedImports.Running running = uncounted.begin();
        assertEquals(before + 1, count("select count(*) from pg_locks where locktype = 'advisory' and classid = " + 0x41544C53));
        running.close();
        assertEquals(before, count("select count(*) from pg_locks where locktype = 'advisory' and classid = " + 0x41544C53));
        assertEquals(Outcome.COUNTED_AGAIN, uncounted.countWhatKilledImportsLeft(), "closed unfinished: counted like a killed one");
    }

    @Test
    void onPostgreSQLTheCommandLineImportCountsAtItsEnd(@TempDir Path dir) throws Exception {
        assumeTrue("postgresql".equals(dbKind), "PostgreSQL only");
        String run = UUID.randomUUID().toString().substring(0, 8);
        refill.countAgain();
        Path file = dir.resolve("articles.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(article(run, i, "first"));
        }
        Files.write(file, lines);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, importCommand.run(file, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Counted the claims for the map"), printed.toString());
        List<String> imported = counts();
        assertEquals(0, uncountedImports());
        refill.countAgain();
        assertEquals(counts(), imported);
    }

    @Test
    void aBatchTheDatabaseRefusesIsStoredArticleByArticleAndItsStoredClaimsCounted() throws Exception {
        // as the command-line import stores them: on a thread of their own while it reads on, counted at the end
        String run = UUID.randomUUID().toString().substring(0, 8);
        String refused = "refused " + run;
        refill.countAgain();
        execute("alter table article add constraint refuse_" + run + " check (title is null or title <> '" + refused + "')");
        try {
            boolean postgresql = "postgresql".equals(dbKind);
            if (!postgresql) {
                refill.defer(); // the embedded database's import has it to itself
            }
            BulkImport.Summary summary;
            BulkImport.Session session;
            try (UncountedImports.Running running = postgresql ? uncounted.begin() : null) {
                session = bulkImport.start(new BulkImport.Listener() {
                }, new ClaimTally());
                for (int i = 0; i < 30; i++) {
                    String line = article(run, i, "first");
                    if (i == 7) { // line 8: valid to the checks, refused by the database
                        line = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(line)).readObject())
                                .add("title", refused).build().toString();
                    }
                    session.accept(line);
                }
                summary = session.finish();
                if (postgresql) {
                    assertEquals(Outcome.ADDED, running.finish(session.tally()));
                } else {
                    refill.add(session.tally());
                }
            }
            assertEquals(1, summary.badLines(), summary.errors().toString());
            assertEquals(8, summary.errors().get(0).line());
            assertTrue(summary.errors().get(0).message().startsWith("could not be stored"), summary.errors().get(0).message());
            assertEquals(29, summary.articles());
            assertEquals(29, count("select count(*) from article where url like 'https://test.invalid/counts/" + run + "/%'"));
            List<String> tallied = counts();
            refill.countAgain();
            assertEquals(counts(), tallied, "the stored articles' claims counted, the refused one's not");
        } finally {
            execute("alter table article drop constraint refuse_" + run);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An import as the command line runs it on PostgreSQL: the counts unchanged until it ends, then its tally added. */
    private void importCountedAtItsEnd(List<String> lines, List<String> countsBefore) throws SQLException {
        try (UncountedImports.Running running = uncounted.begin()) {
            BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
            }, new ClaimTally());
            lines.forEach(session::accept);
            assertEquals(0, session.finish().badLines());
            assertEquals(countsBefore, counts(), "the import's changes wait for its end");
            assertEquals(Outcome.ADDED, running.finish(session.tally()));
        }
    }

    /** An import whose batches commit and which then dies before it adds its tally. */
    private void importWithoutFinishing(String run, int from, int to) {
        UncountedImports.Running killed = uncounted.begin();
        BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
        }, new ClaimTally());
        for (int i = from; i < to; i++) {
            session.accept(article(run, i, "first"));
        }
        session.finish();
        killed.close();
    }

    private long uncountedImports() throws SQLException {
        return count("select count(*) from uncounted_import");
    }

    @Test
    void theTallyAddsWhatCountingAgainGives() throws Exception {
        // the command-line import of the embedded database, which has it to itself (PostgreSQL's counts per batch, below)
        assumeTrue("h2".equals(dbKind));
        String run = UUID.randomUUID().toString().substring(0, 8);
        refill.countAgain(); // the counts are right before the import (as at an import's start)
        refill.defer();
        BulkImport.Session session = bulkImport.start(new BulkImport.Listener() {
        }, new ClaimTally());
        for (int i = 0; i < 40; i++) {
            session.accept(article(run, i, "first"));
        }
        session.accept(article(run, 3, "first")); // the same input again: nothing stored, nothing counted
        BulkImport.Summary summary = session.finish();
        assertEquals(0, summary.badLines(), summary.errors().toString());
        assertTrue(session.tallied());
        assertTrue(session.tally().rows() > 0);
        refill.add(session.tally());
        assertFalse(refill.deferred());
        List<String> tallied = counts();

        refill.countAgain();
        assertEquals(counts(), tallied);
    }

    @Test
    void anImportsBatchesLeaveTheCountsRightAsTheyCommit() throws Exception {
        // the server's import (H2: the triggers count each claim) and every import on PostgreSQL (each batch its own)
        String run = UUID.randomUUID().toString().substring(0, 8);
        refill.countAgain();
        BulkImport.Session first = bulkImport.start(new BulkImport.Listener() {
        });
        for (int i = 0; i < 40; i++) {
            first.accept(article(run, i, "first"));
        }
        assertEquals(0, first.finish().badLines());
        List<String> kept = counts();
        refill.countAgain();
        assertEquals(counts(), kept, "after storing new articles");

        BulkImport.Session second = bulkImport.start(new BulkImport.Listener() {
        });
        for (int i = 0; i < 40; i += 3) {
            second.accept(article(run, i, "second")); // replaces: the old claims leave the counts, the new ones enter
        }
        second.accept(article(run, 41, "first"));
        assertEquals(0, second.finish().badLines());
        kept = counts();
        refill.countAgain();
        assertEquals(counts(), kept, "after replacing articles");
    }

    @Test
    void anImportThatReplacesAnArticleCountsAgain() {
        // the embedded database's import (on PostgreSQL a tallied import takes replaced claims out: above)
        assumeTrue("h2".equals(dbKind));
        String run = UUID.randomUUID().toString().substring(0, 8);
        BulkImport.Session first = bulkImport.start(new BulkImport.Listener() {
        }, new ClaimTally());
        first.accept(article(run, 1, "first"));
        first.finish();
        assertTrue(first.tallied());

        BulkImport.Session second = bulkImport.start(new BulkImport.Listener() {
        }, new ClaimTally());
        second.accept(article(run, 1, "second"));
        second.finish();
        assertFalse(second.tallied(), "its old claims left the counts, which a tally cannot follow");
    }

    /**
     * An article of three claims in two languages (its "third" version in a language of the run's own), dated in
     * several months, the first answering the last.
     */
    private static String article(String run, int n, String version) {
        String claimant = COUNTRIES[n % COUNTRIES.length];
        String subject = COUNTRIES[(n + 1) % COUNTRIES.length];
        String body = "Report " + run + " " + version + " number " + n + ". The minister denied it. " + claimant
                + " accused " + subject + " of smuggling arms. It said so again.";
        var claims = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("claimant", "s").add("subject", "s").add("respondsTo", "last")
                        .add("stance", "DENIES").add("category", "ARMS_TRANSFER").add("summary", "Denied.")
                        .add("quote", "The minister denied it.").add("statedOn", "2022-0" + (1 + n % 9) + "-15"))
                .add(Json.createObjectBuilder().add("claimant", "c").add("subject", "s")
                        .add("stance", "ALLEGES").add("category", n % 2 == 0 ? "ARMS_TRANSFER" : "OTHER").add("summary", "Accused.")
                        .add("quote", claimant + " accused " + subject + " of smuggling arms.")
                        .add("statedOn", (2020 + n % 3) + "-1" + (n % 3) + "-02"))
                .add(Json.createObjectBuilder().add("key", "last").add("claimant", "u").add("subject", "s")
                        .add("stance", "STATES").add("category", "OTHER").add("summary", "Again.").add("quote", "It said so again."));
        var ministry = Json.createObjectBuilder().add("key", "c").add("name", "Ministry " + claimant + " " + run)
                .add("kind", "GOVERNMENT_BODY").add("country", claimant)
                .add("aliases", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Min. " + claimant + " " + run + " " + (n % 3)).add("language", "en")));
        if (n % 4 == 2) {
            ministry.add("title", "Minister"); // a title learnt after the actor was stored
        }
        return Json.createObjectBuilder()
                .add("url", "https://test.invalid/counts/" + run + "/" + n)
                .add("language", version.equals("third") ? "de-x-" + run : n % 5 == 0 ? "id" : "en").add("body", body)
                .add("actors", Json.createArrayBuilder()
                        .add(ministry)
                        .add(Json.createObjectBuilder().add("key", "s").add("name", "Navy of " + subject + " " + run).add("kind", "ORGANIZATION")
                                .add("country", subject))
                        .add(Json.createObjectBuilder().add("key", "u").add("name", "Unknown speaker " + run).add("kind", "PERSON")))
                .add("claims", claims)
                .build().toString();
    }

    private List<String> counts() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : new String[] {
                    "select span, stance, period, role, country, category, language, claims from country_claim_counts"
                            + " order by span, stance, period, role, country, category, language",
                    "select span, stance, period, claimant_country, subject_country, category, language, claims from country_pair_counts"
                            + " order by span, stance, period, claimant_country, subject_country, category, language" }) {
                try (ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= 8; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
