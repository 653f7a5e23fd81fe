package org.allegationatlas.article;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** article, articles(filter) and the fields of Article, on the seed article. */
@QuarkusTest
class ArticleApiTest {

    @Test
    void theSeedArticleAsItsFileSays() {
        Json article = ok("article", "id", Seed.articleId()).at("article");
        assertEquals(Seed.url(), article.getString("url"));
        assertEquals(Seed.title(), article.getString("title"));
        assertEquals(Seed.publisher(), article.getString("publisher"));
        assertEquals("id", article.getString("language"));
        assertEquals(Seed.publishedOn(), article.getString("publishedOn"));
        assertEquals(Seed.dateline(), article.getString("dateline"));
        assertEquals(Seed.body(), article.getString("body"));
    }

    @Test
    void claimsOfAnArticleInTheOrderOfItsBody() {
        Json article = ok("article", "id", Seed.articleId()).at("article");
        List<Map<String, Object>> claims = article.getList("claims");
        assertThat(article.getList("claims.summary"), containsInAnyOrder(Seed.claims().stream().map(Seed.Claim::summary).toArray()));
        assertThat(article.getList("claims.article.id"), everyItem(is(article.getString("id"))));
        assertThat(article.getList("claims.origin"), everyItem(is("CURATED")));
        List<Integer> starts = claims.stream().map(c -> (Integer) c.get("quoteStart")).toList();
        assertEquals(starts.stream().sorted().toList(), starts, "claims in the order they appear in the body");
        Map<String, Seed.Claim> seed = Seed.claimsBySummary();
        for (Map<String, Object> claim : claims) {
            Seed.Claim expected = seed.get((String) claim.get("summary"));
            assertEquals(expected.quote(), claim.get("quote"));
            assertEquals(expected.stance(), claim.get("stance"));
            assertEquals(expected.category(), claim.get("category"));
            assertEquals(expected.statedOn(), claim.get("statedOn"));
        }
    }

    @Test
    void actorsOfAnArticleAreThoseThatTakePartInItsClaims() {
        Json article = ok("article", "id", Seed.articleId()).at("article");
        Set<String> expected = Seed.claims().stream().flatMap(Seed.Claim::parties).map(Seed.Actor::name).collect(Collectors.toSet());
        List<String> names = article.getList("actors.name");
        assertThat(names, containsInAnyOrder(expected.toArray()));
        assertEquals(names.size(), Set.copyOf(article.getList("actors.id")).size(), "each actor once");
        assertEquals(names.stream().sorted(Comparator.comparing(String::toLowerCase)).toList(), names, "by name");
        Map<String, Object> kirby = article.<Map<String, Object>>getList("actors").stream().filter(a -> a.get("name").equals("John Kirby"))
                .findFirst().orElseThrow();
        assertEquals("PERSON", kirby.get("kind"));
        assertEquals("US", Json.of(kirby).getString("country.code"));
    }

    @Test
    void unknownArticleIsNull() {
        assertThat(ok("article", "id", "987654321").get("article"), nullValue());
        error("article", vars("id", "x1"), "VALIDATION", "x1");
    }

    @Test
    void articlesFilteredByEachFieldAndAll() {
        List<Map<String, Object>> finding = List.of(
                Map.of("language", "id"),
                Map.of("language", "ID"),
                Map.of("publisher", "Republika"),
                Map.of("publisher", "republika"),
                Map.of("publishedFrom", "2022-11-02"),
                Map.of("publishedTo", "2022-11-02"),
                Map.of("publishedFrom", "2022-11-01", "publishedTo", "2022-11-30"),
                Map.of("text", "Gedung Putih"),
                Map.of("text", "KIRBY"),
                Map.of("language", "id", "publisher", "Republika", "publishedFrom", "2022-01-01", "publishedTo", "2022-12-31",
                        "text", "peluru artileri"));
        for (Map<String, Object> filter : finding) {
            Json articles = ok("articles", "filter", filter, "first", 100).at("articles");
            assertThat(filter.toString(), articles.getList("edges.node.url"), hasItem(Seed.url()));
            assertEquals(articles.getList("edges").size(), articles.getInt("totalCount"));
        }
        List<Map<String, Object>> missing = List.of(
                Map.of("language", "en"),
                Map.of("publisher", "Republik"),
                Map.of("publishedFrom", "2022-11-03"),
                Map.of("publishedTo", "2022-11-01"),
                Map.of("text", "no such words in any article"),
                Map.of("language", "id", "publisher", "Republika", "text", "Gedung Putih", "publishedTo", "2021-12-31"));
        for (Map<String, Object> filter : missing) {
            Json articles = ok("articles", "filter", filter, "first", 100).at("articles");
            assertThat(filter.toString(), articles.getList("edges.node.url"), not(hasItem(Seed.url())));
        }
        Json english = ok("articles", "filter", Map.of("language", "en"), "first", 100).at("articles");
        assertThat(english.getList("edges.node.language"), everyItem(is("en")));
    }

    @Test
    void articlesWithoutFilter() {
        Json articles = ok("articles", "first", 100).at("articles");
        assertThat(articles.getList("edges.node.url"), hasItem(Seed.url()));
        Json seed = articles.first("edges.node", "url", Seed.url());
        assertEquals(Seed.articleId(), seed.getString("id"));
        assertEquals("Republika", seed.getString("publisher"));
        assertEquals("Washington", seed.getString("dateline"));
    }

    @Test
    void aMalformedLanguageTagInAFilterIsAValidationError() {
        error("articles", vars("filter", Map.of("language", "not a tag!")), "VALIDATION", "not a tag!");
    }
}
