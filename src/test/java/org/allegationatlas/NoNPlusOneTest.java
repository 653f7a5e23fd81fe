package org.allegationatlas;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The SQL statements of a request grow with the depth of the query, not with the rows it
 * returns: the same nested query costs as many statements over 10 claims as over 200.
 */
@QuarkusTest
class NoNPlusOneTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void nestedArticleQueryCostsTheSameOverTenAndTwoHundredClaims() throws IOException {
        String small = ingest("NR", 10);
        String large = ingest("NR", 200);
        try {
            long overSmall = statementsFor("nestedArticle.graphql", Json.createObjectBuilder().add("id", small).build(), "data.article.claims", 10);
            long overLarge = statementsFor("nestedArticle.graphql", Json.createObjectBuilder().add("id", large).build(), "data.article.claims", 200);
            assertEquals(overSmall, overLarge, "statements over 10 claims vs over 200");
            // article, its actors and their aliases, claims, one statement for the four actor roles of the claims and
            // one for their aliases, respondsTo with its claimant, responses
            assertTrue(overLarge >= 5 && overLarge <= 9, "a handful of statements expected, got " + overLarge);
        } finally {
            delete(small);
            delete(large);
        }
    }

    @Test
    void nestedClaimsListCostsTheSameForTenAndHundredRows() throws IOException {
        String article = ingest("TV", 120);
        try {
            long ten = statementsFor("nestedClaims.graphql", Json.createObjectBuilder().add("country", "TV").add("first", 10).build(), "data.claims.edges", 10);
            long hundred = statementsFor("nestedClaims.graphql", Json.createObjectBuilder().add("country", "TV").add("first", 100).build(), "data.claims.edges", 100);
            assertEquals(ten, hundred, "statements for a page of 10 vs a page of 100");
            assertTrue(hundred >= 5 && hundred <= 9, "a handful of statements expected, got " + hundred);
        } finally {
            delete(article);
        }
    }

    @Test
    void allFourActorRolesOfAPageCostWhatOneCosts() throws IOException {
        String article = ingest("TV", 30);
        try {
            JsonObject variables = Json.createObjectBuilder().add("country", "TV").add("first", 30).build();
            long oneRole = statementsFor("claimsWithClaimant.graphql", variables, "data.claims.edges", 30);
            long fourRoles = statementsFor("claimsWithAllRoles.graphql", variables, "data.claims.edges", 30);
            assertEquals(oneRole, fourRoles, "statements with claimant alone vs with claimant, subject, counterparty and place");
        } finally {
            delete(article);
        }
    }

    @Test
    void claimsOfManyActorsCostWhatClaimsOfOneCost() throws IOException {
        String article = ingest("TV", 30);
        try {
            long one = statementsFor("claimsOfActors.graphql", Json.createObjectBuilder().add("country", "TV").add("first", 1).build(),
                    "data.actors.edges", 1);
            JsonPath four = post("claimsOfActors.graphql", Json.createObjectBuilder().add("country", "TV").add("first", 4).build());
            long statements = statementsFor("claimsOfActors.graphql", Json.createObjectBuilder().add("country", "TV").add("first", 4).build(),
                    "data.actors.edges", 4);
            assertEquals(one, statements, "statements for the claims of one actor vs of four");
            // each actor's page comes from one statement for all four: its claims are its own, their actors whole
            for (int a = 0; a < 4; a++) {
                String name = four.getString("data.actors.edges[" + a + "].node.name");
                List<Map<String, Object>> claims = four.getList("data.actors.edges[" + a + "].node.claimsMade.edges.node");
                assertEquals(3, claims.size(), () -> name + ": " + four.prettify());
                for (Map<String, Object> claim : claims) {
                    assertEquals(name, ((Map<?, ?>) claim.get("claimant")).get("name"), () -> four.prettify());
                    assertEquals("TV", ((Map<?, ?>) ((Map<?, ?>) claim.get("subject")).get("country")).get("code"));
                    assertTrue(((Map<?, ?>) claim.get("counterparty")).get("name").toString().startsWith("TV test actor "));
                    assertTrue(((Map<?, ?>) claim.get("place")).get("kind") != null, () -> four.prettify());
                }
            }
        } finally {
            delete(article);
        }
    }

    private long statementsFor(String document, JsonObject variables, String list, int expectedClaims) throws IOException {
        post(document, variables); // warm: counts are cached until the next write, measure the steady state
        sessionFactory.getStatistics().setStatisticsEnabled(true);
        sessionFactory.getStatistics().clear();
        JsonPath answer = post(document, variables);
        long statements = sessionFactory.getStatistics().getPrepareStatementCount();
        assertNull(answer.get("errors"), () -> "errors: " + answer.prettify());
        System.out.printf("%s over %d claims: %d SQL statements%n", document, expectedClaims, statements);
        assertEquals(expectedClaims, answer.getInt(list + ".size()"), () -> "claims returned: " + answer.prettify());
        return statements;
    }

    /** A synthetic article whose claims each involve four actors of {@code country} and answer one another. */
    private String ingest(String country, int claims) throws IOException {
        StringBuilder body = new StringBuilder();
        JsonArrayBuilder claimInputs = Json.createArrayBuilder();
        for (int i = 0; i < claims; i++) {
            String sentence = "Sentence number " + i + " accuses somebody. ";
            body.append(sentence);
            JsonObjectBuilder claim = Json.createObjectBuilder().add("key", "c" + i)
                    .add("claimant", "a" + (i % 4)).add("subject", "a" + ((i + 1) % 4)).add("counterparty", "a" + ((i + 2) % 4))
                    .add("place", "a" + ((i + 3) % 4)).add("stance", "ALLEGES").add("category", "OTHER")
                    .add("summary", "Claim " + i).add("quote", sentence.trim()).add("statedOn", "2022-01-" + (10 + i % 18));
            if (i > 0) {
                claim.add("respondsTo", "c" + (i - 1));
            }
            claimInputs.add(claim);
        }
        JsonArrayBuilder actors = Json.createArrayBuilder();
        for (int a = 0; a < 4; a++) {
            actors.add(Json.createObjectBuilder().add("key", "a" + a).add("name", country + " test actor " + a)
                    .add("kind", a == 0 ? "STATE" : "GOVERNMENT_BODY").add("country", country)
                    .add("aliases", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "alias " + a).add("language", "en"))));
        }
        JsonObject input = Json.createObjectBuilder()
                .add("url", "https://test.invalid/n-plus-one/" + UUID.randomUUID())
                .add("language", "en").add("body", body.toString()).add("actors", actors).add("claims", claimInputs).build();
        JsonPath answer = post("ingestArticle.graphql", Json.createObjectBuilder().add("input", input).build());
        assertNull(answer.get("errors"), () -> "errors: " + answer.prettify());
        return answer.getString("data.ingestArticle.id");
    }

    private void delete(String articleId) throws IOException {
        JsonPath answer = post("deleteArticle.graphql", Json.createObjectBuilder().add("id", articleId).build());
        assertNull(answer.get("errors"), () -> "errors: " + answer.prettify());
    }

    private static JsonPath post(String document, JsonObject variables) throws IOException {
        String request = Json.createObjectBuilder().add("query", document(document)).add("variables", variables).build().toString();
        // no-cache: execute every time, or a repeated query would be answered from the response cache without SQL
        return given().contentType("application/json").header("Cache-Control", "no-cache").body(request).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private static String document(String name) throws IOException {
        try (InputStream in = NoNPlusOneTest.class.getResourceAsStream("/nplusone/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
