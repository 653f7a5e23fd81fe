package org.allegationatlas.http;

import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.LargeDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A statement that runs past atlas.db.statement-timeout-ms (H2 MAX_QUERY_TIMEOUT, PostgreSQL statement_timeout)
 * is stopped by the database, and its request gets a TIMEOUT error saying how to ask for less. On 100,000
 * claims, every country's count of allegations that mention a word reads through all of them (and a page
 * of each country's): hundreds of milliseconds of work, though it returns 249 items, which the item limit
 * lets through.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ImpatientDatabase.class)
class StatementTimeoutTest {

    public static class ImpatientDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.jdbc-url.h2", "jdbc:h2:mem:atlas-large-impatient;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                    "atlas.db.statement-timeout-ms", "100");
        }
    }

    @BeforeAll
    static void generate() throws Exception {
        LargeDatabase.create();
    }

    @AfterAll
    static void deleteGenerated() throws Exception {
        LargeDatabase.delete();
    }

    @Test
    void aStatementPastTheTimeoutIsStoppedAndTheServerGoesOn() {
        Json answer = GraphQL.error("allegationCountsOfEveryCountry", vars("text", "deed"), "TIMEOUT",
                "ran longer than 100 ms and was stopped");
        assertThat(answer.getString("errors[0].message"), containsString("ask for fewer items"));
        Json data = GraphQL.ok("articles", "first", 3);
        assertEquals(3, data.getList("articles.edges").size(), data::toString);
    }
}
