package org.allegationatlas.actor;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** actor, actors(search, kind, country) and the fields of Actor, on the seed. */
@QuarkusTest
class ActorApiTest {

    @Test
    void searchFindsAnActorByPartOfItsName() {
        Json kirby = ok("actors", "search", "kirby").at("actors");
        assertThat(kirby.getList("edges.node.name"), hasItem("John Kirby"));
        Json node = kirby.first("edges.node", "name", "John Kirby");
        assertEquals("PERSON", node.getString("kind"));
        assertEquals("US", node.getString("country.code"));
        assertEquals(Seed.actor("kirby").title(), node.getString("title"));
    }

    @Test
    void searchMatchesAliasesInAnyLanguageIgnoringCaseAndAccents() {
        for (String search : List.of("gedung putih", "Gedung Putih", "GEDUNG PÚTIH", "gédung  putih", "white house")) {
            List<String> names = ok("actors", "search", search).getList("actors.edges.node.name");
            assertEquals(List.of("White House"), names, search);
        }
        assertThat(ok("actors", "search", "Kementerian Pertahanan").getList("actors.edges.node.name"),
                hasItem("Russian Ministry of Defence"));
        assertThat(ok("actors", "search", "korea utara").getList("actors.edges.node.name"), hasItem("North Korea"));
        assertEquals(0, ok("actors", "search", "no such actor anywhere").getInt("actors.totalCount"));
    }

    @Test
    void searchTreatsLikeWildcardsAsText() {
        assertEquals(0, ok("actors", "search", "%").getInt("actors.totalCount"));
        assertEquals(0, ok("actors", "search", "_ohn Kirby").getInt("actors.totalCount"));
    }

    @Test
    void filterByKindAndCountry() {
        Json states = ok("actors", "kind", "STATE", "first", 100).at("actors");
        assertThat(states.getList("edges.node.kind"), everyItem(is("STATE")));
        List<String> seedStates = Seed.actorsByKey().values().stream().filter(a -> a.kind().equals("STATE")).map(Seed.Actor::name).toList();
        assertThat(states.getList("edges.node.name"), hasItems(seedStates.toArray(String[]::new)));

        for (String code : List.of("RU", "rus", "Ru")) {
            Json russian = ok("actors", "country", code, "first", 100).at("actors");
            assertThat(russian.getList("edges.node.country.code"), everyItem(is("RU")));
            List<String> seedRussian = Seed.actorsByKey().values().stream().filter(a -> "RU".equals(a.country())).map(Seed.Actor::name)
                    .toList();
            assertThat(code, russian.getList("edges.node.name"), containsInAnyOrder(seedRussian.toArray()));
        }

        Json all = ok("actors", vars("search", "korea utara", "kind", "STATE", "country", "PRK")).at("actors");
        assertEquals(List.of("North Korea"), all.getList("edges.node.name"));
        assertEquals(1, all.getInt("totalCount"));
        assertEquals(0, ok("actors", "search", "korea utara", "kind", "GOVERNMENT_BODY", "country", "KP").getInt("actors.totalCount"));
        // "Duta Besar Korea Utara untuk Moskow" is an alias of the ambassador
        assertEquals(List.of("North Korean ambassador to Russia"),
                ok("actors", "search", "korea utara", "kind", "PERSON", "country", "KP").getList("actors.edges.node.name"));
        assertEquals(0, ok("actors", "search", "kirby", "country", "RU").getInt("actors.totalCount"));
    }

    @Test
    void unknownCountryInActorsIsAValidationError() {
        error("actors", vars("country", "XQ"), "VALIDATION", "XQ");
    }

    @Test
    void actorByIdWithAliasesCountryAndClaims() {
        for (Seed.Actor seed : Seed.actorsByKey().values()) {
            String id = idOf(seed);
            Json actor = ok("actor", "id", id).at("actor");
            assertEquals(id, actor.getString("id"));
            assertEquals(seed.name(), actor.getString("name"));
            assertEquals(seed.kind(), actor.getString("kind"));
            assertEquals(seed.title(), actor.getString("title"), seed.key());
            assertEquals(seed.country(), actor.getString("country.code"), seed.key());
            // every surface form the seed gives, in one of the languages the seed gives it in
            List<Map<String, Object>> aliases = actor.getList("aliases");
            for (Map<String, String> alias : seed.aliases()) {
                List<String> languages = seed.aliases().stream().filter(a -> a.get("name").equals(alias.get("name")))
                        .map(a -> a.get("language")).toList();
                boolean found = aliases.stream().anyMatch(a -> a.get("name").equals(alias.get("name")) && languages.contains(a.get("language")));
                assertThat(seed.key() + " has alias " + alias + ": " + aliases, found, is(true));
            }
            List<String> made = Seed.claims().stream().filter(c -> c.claimant() == seed).map(Seed.Claim::summary).toList();
            List<String> about = Seed.claims().stream().filter(c -> c.subject() == seed).map(Seed.Claim::summary).toList();
            assertThat(seed.key(), actor.getList("claimsMade.edges.node.summary"), containsInAnyOrder(made.toArray()));
            assertEquals(made.size(), actor.getInt("claimsMade.totalCount"));
            assertThat(actor.getList("claimsMade.edges.node.claimant.id"), everyItem(is(id)));
            assertThat(seed.key(), actor.getList("claimsAbout.edges.node.summary"), containsInAnyOrder(about.toArray()));
            assertEquals(about.size(), actor.getInt("claimsAbout.totalCount"));
            assertThat(actor.getList("claimsAbout.edges.node.subject.id"), everyItem(is(id)));
        }
    }

    @Test
    void gedungPutihIsAnAliasOfTheWhiteHouse() {
        Json actor = ok("actor", "id", idOf(Seed.actor("white_house"))).at("actor");
        assertEquals("id", actor.first("aliases", "name", "Gedung Putih").getString("language"));
        assertEquals("United States", actor.getString("country.name"));
    }

    @Test
    void aStateActorsCountryIsItself() {
        Json northKorea = ok("actor", "id", idOf(Seed.actor("north_korea"))).at("actor");
        assertEquals("KP", northKorea.getString("country.code"));
        assertEquals("North Korea", northKorea.getString("country.name"));
    }

    @Test
    void actorsAreNotDuplicatedByTheSeed() {
        for (Seed.Actor seed : Seed.actorsByKey().values()) {
            List<String> names = ok("actors", vars("search", seed.name(), "kind", seed.kind(), "country", seed.country(), "first", 100))
                    .getList("actors.edges.node.name");
            assertEquals(1, names.stream().filter(seed.name()::equals).count(), seed.name() + " once: " + names);
        }
    }

    @Test
    void unknownActorIsNull() {
        assertThat(ok("actor", "id", "987654321").get("actor"), nullValue());
        error("actor", vars("id", "not-a-number"), "VALIDATION", "not-a-number");
    }

    @Test
    void actorsAreOrderedByName() {
        List<String> names = ok("actors", "country", "US", "first", 100).getList("actors.edges.node.name");
        List<String> sorted = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(sorted, names);
        assertThat(names, not(hasItem("North Korea")));
    }

    /** The id of a seed actor, found by its name, kind and country. */
    static String idOf(Seed.Actor seed) {
        Json page = ok("actors", vars("search", seed.name(), "kind", seed.kind(), "country", seed.country(), "first", 100));
        return page.first("actors.edges.node", "name", seed.name()).getString("id");
    }
}
