package org.allegationatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The command-line import's counts: what it tallies as it stores claims and adds at its end is exactly what
 * counting every claim again gives (dated and undated claims, several months, languages and countries, answers
 * to a later claim, one url twice in a batch); and an import that replaces an article does not claim a tally.
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
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @AfterEach
    void countsComplete() {
        if (refill.deferred()) { // a failed test must not leave the other tests' counts deferred
            refill.countAgain();
        }
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

    /** An article of three claims in two languages, dated in several months, the first answering the last. */
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
                .add("language", n % 5 == 0 ? "id" : "en").add("body", body)
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
