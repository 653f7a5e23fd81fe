package org.allegationatlas.claim;

import static org.allegationatlas.GraphQL.postQuery;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.allegationatlas.Json;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A parent's page of claims is the same whichever way it is read: alone, among a few parents (each parent's page
 * from its index, in one statement) or among more than a hundred (the parents' claims ranked in one statement).
 * Two claims per parent, so the seed's parents with more are cut.
 */
@QuarkusTest
class ParentPagesTest {

    private static final String PAGE = "{ totalCount edges { cursor node { id statedOn } } pageInfo { hasNextPage endCursor } }";

    @Test
    void aCountrysAllegationsAreTheSameAloneAmongFewAndAmongAllCountries() {
        String list = "allegationsAgainst(first: 2) " + PAGE;
        List<Map<String, Object>> all = data("{ countries { code " + list + " } }").get("countries"); // 249 parents
        List<Map<String, Object>> involved = data("{ countries(involved: true) { code " + list + " } }").get("countries");
        assertThat("countries involved in the seed's claims", involved.size(), greaterThan(1));
        int cut = 0;
        for (Map<String, Object> few : involved) {
            Object code = few.get("code");
            Object alone = data("query($code: String!) { country(code: $code) { " + list + " } }", "code", code)
                    .get("country.allegationsAgainst");
            Object amongAll = all.stream().filter(c -> code.equals(c.get("code"))).findFirst().orElseThrow().get("allegationsAgainst");
            assertEquals(alone, few.get("allegationsAgainst"), "among few countries: " + code);
            assertEquals(alone, amongAll, "among all countries: " + code);
            cut += Boolean.TRUE.equals(Json.of(alone).get("pageInfo.hasNextPage")) ? 1 : 0;
        }
        assertThat("a country with more allegations than the page holds", cut, greaterThan(0));
    }

    @Test
    void anActorsClaimsAreTheSameAloneAndAmongOtherActors() {
        String lists = "claimsMade(first: 2) " + PAGE + " claimsAbout(first: 2) " + PAGE;
        List<Map<String, Object>> actors = data("{ actors(first: 50) { edges { node { id " + lists + " } } } }").get("actors.edges.node");
        assertThat("actors in the seed", actors.size(), greaterThan(1));
        int cut = 0;
        for (Map<String, Object> among : actors) {
            Json alone = data("query($id: ID!) { actor(id: $id) { " + lists + " } }", "id", among.get("id")).at("actor");
            assertEquals(alone.get("claimsMade"), among.get("claimsMade"), "claims made by " + among.get("id"));
            assertEquals(alone.get("claimsAbout"), among.get("claimsAbout"), "claims about " + among.get("id"));
            cut += Boolean.TRUE.equals(alone.get("claimsMade.pageInfo.hasNextPage")) ? 1 : 0;
        }
        assertThat("an actor with more claims than the page holds", cut, greaterThan(0));
    }

    /** A variable of the wrong type for a relation's argument: one clear error, not an internal one per parent. */
    @Test
    void aWronglyTypedArgumentOfEveryParentsListIsOneValidationError() {
        String query = "query($first: Int) { countries { code allegationsAgainst(first: $first) " + PAGE + " } }";
        Json answer = Json.parse(postQuery(query, vars("first", "many")).then().statusCode(200).extract().asString());
        assertEquals(1, answer.getList("errors").size(), answer::toString);
        assertEquals("VALIDATION", answer.getString("errors[0].extensions.code"), answer::toString);
        assertThat(answer.getString("errors[0].message"), containsString("allegationsAgainst"));
        assertThat(answer.getString("errors[0].message"), containsString("type the schema gives"));
    }

    private static Json data(String query, Object... variables) {
        Json answer = Json.parse(postQuery(query, vars(variables)).then().statusCode(200).extract().asString());
        assertThat(answer.toString(), answer.get("errors"), nullValue());
        return answer.at("data");
    }
}
