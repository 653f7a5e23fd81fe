package org.allegationatlas.http;

import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.LargeDatabase;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The work of one request is bounded by the list items it may return (atlas.graphql.max-items, 50,000),
 * on a database of 100,000 claims: nested lists whose firsts multiply past it are refused before any
 * statement runs, lists without first are never loaded past it, and lists longer than the estimate
 * guessed stop the request once counted. Each time one LIMIT_EXCEEDED error says to ask for fewer
 * items, and the next request is answered normally.
 */
@QuarkusTest
@TestProfile(RequestLimitsTest.HundredThousandClaims.class)
class RequestLimitsTest {

    /** The generated claims' own database on H2 (beside the other tests' data on PostgreSQL, deleted after). */
    public static class HundredThousandClaims implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.jdbc-url.h2", LargeDatabase.H2_URL);
        }
    }

    @Inject
    SessionFactory sessionFactory;

    @BeforeAll
    static void generate() throws Exception {
        LargeDatabase.create();
    }

    @AfterAll
    static void deleteGenerated() throws Exception {
        LargeDatabase.delete();
    }

    @AfterEach
    void theNextRequestIsAnsweredNormally() {
        Json data = GraphQL.ok("articles", "first", 3);
        assertEquals(3, data.getList("articles.edges").size(), data::toString);
    }

    @Test
    void nestedListsWhoseFirstsMultiplyPastTheLimitAreRefusedBeforeAnyStatement() {
        sessionFactory.getStatistics().setStatisticsEnabled(true);
        sessionFactory.getStatistics().clear();
        Json answer = GraphQL.error("nestedAllegationsOfEveryCountry", vars(), "LIMIT_EXCEEDED", "ask for fewer items");
        assertEquals(0, sessionFactory.getStatistics().getPrepareStatementCount(), "statements run for a refused query");
        assertThat(answer.getString("errors[0].message"), containsString("could return up to"));
        assertThat(answer.getString("errors[0].message"), containsString("more than the limit of 50,000"));
        assertThat(answer.toString(), answer.get("data"), nullValue());
    }

    @Test
    void aListWithoutFirstIsNeverLoadedPastTheLimit() {
        // six articles of 10,000 claims: more than 50,000 claims. When graphql-java loads the six in one batch, the
        // loader stops at 50,001 rows; when it splits them (the six are separate top-level fields, and when each
        // completes decides the batches), no batch passes the limit and the items counted stop the request.
        Json answer = GraphQL.error("claimsOfArticles", articles(6, false), "LIMIT_EXCEEDED", "ask for fewer items");
        assertThat(answer.getString("errors[0].message"), anyOf(containsString("more than 50,000 claims of articles"),
                containsString("returned more than 50,000 list items")));
        assertEquals(1, answer.getList("errors").size(), answer::toString);
        assertThat("no partial answer", answer.get("data"), nullValue());
    }

    @Test
    void listsLongerThanTheEstimateStopTheRequestOnceCounted() {
        // five articles of 10,000 claims pass the loader's cap, but with the countries the answer holds 50,249 items
        Json answer = GraphQL.error("claimsOfArticles", articles(5, true), "LIMIT_EXCEEDED", "ask for fewer items");
        assertThat(answer.getString("errors[0].message"), containsString("returned more than 50,000 list items"));
        assertEquals(1, answer.getList("errors").size(), "one error, not one per field: " + answer.toString().length());
        assertThat("no partial answer", answer.get("data"), nullValue());
        // the same without the countries is within the limit
        Json data = GraphQL.ok("claimsOfArticles", articles(5, false));
        assertEquals(LargeDatabase.CLAIMS_PER_ARTICLE, data.getList("e.claims").size());
        assertEquals(LargeDatabase.QUOTE, data.getString("a.claims[0].quote"));
    }

    private static Map<String, Object> articles(int count, boolean countries) {
        Map<String, Object> vars = vars("sixth", count > 5, "countries", countries);
        for (int i = 0; i < 6; i++) {
            vars.put(String.valueOf((char) ('a' + i)), String.valueOf(LargeDatabase.articleId(i)));
        }
        return vars;
    }
}
