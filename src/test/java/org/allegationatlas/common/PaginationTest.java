package org.allegationatlas.common;

import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.allegationatlas.Json;
import org.allegationatlas.Seed;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Relay connections: walking every page with first/after gives every item once, in the
 * order of a single page; page sizes are bounded; cursors are checked.
 */
@QuarkusTest
class PaginationTest {

    private final TestArticles articles = new TestArticles();

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    @Test
    void walkEveryClaimTwoAtATimeInBothOrders() {
        for (String order : List.of("STATED_ON_DESC", "STATED_ON_ASC")) {
            List<String> walked = walk(2, after -> ok("claims", vars("orderBy", order, "first", 2, "after", after)).at("claims"));
            List<String> onePage = ok("claims", "orderBy", order, "first", 100).getList("claims.edges.node.id");
            assertThat(walked.size(), greaterThanOrEqualTo(Seed.claims().size()));
            assertEquals(onePage, walked, order + ": walking pages gives the order of one page");
        }
    }

    @Test
    void walkAFilteredClaimList() {
        Map<String, Object> filter = Map.of("subjectCountry", "KP");
        List<String> walked = walk(2, after -> ok("claims", vars("filter", filter, "first", 2, "after", after)).at("claims"));
        assertThat(walked.size(), greaterThanOrEqualTo(5));
        assertEquals(ok("claims", "filter", filter, "first", 100).getList("claims.edges.node.id"), walked);
    }

    @Test
    void walkTheClaimsAnActorMade() {
        String republika = ok("actors", "search", "REPUBLIKA.CO.ID", "kind", "ORGANIZATION").getString("actors.edges[0].node.id");
        assertThat(republika, notNullValue());
        List<String> walked = walk(2, after -> ok("actor", vars("id", republika, "first", 2, "after", after)).at("actor.claimsMade"));
        assertThat(walked.size(), greaterThanOrEqualTo(5));
        assertEquals(Seed.claims().stream().filter(c -> c.claimant().key().equals("republika")).count(), (long) walked.size());
        assertEquals(ok("actor", "id", republika).getList("actor.claimsMade.edges.node.id"), walked);
    }

    @Test
    void walkTheAllegationsAgainstACountry() {
        List<String> walked = walk(1,
                after -> ok("countryAllegationsAgainst", vars("code", "KP", "first", 1, "after", after)).at("country.allegationsAgainst"));
        assertEquals(Seed.claims().stream().filter(c -> c.isAllegation() && "KP".equals(c.subjectCountry())).count(),
                (long) walked.size());
        assertEquals(ok("countryAllegationsAgainst", "code", "KP", "first", 100).getList("country.allegationsAgainst.edges.node.id"),
                walked);
    }

    @Test
    void walkActors() {
        List<String> walked = walk(2, after -> ok("actors", vars("country", "US", "first", 2, "after", after)).at("actors"));
        assertThat(walked.size(), greaterThanOrEqualTo(5));
        assertEquals(ok("actors", "country", "US", "first", 100).getList("actors.edges.node.id"), walked);
        List<String> all = walk(2, after -> ok("actors", vars("first", 2, "after", after)).at("actors"));
        assertThat(all.size(), greaterThanOrEqualTo(Seed.actorsByKey().size()));
    }

    @Test
    void walkArticlesNewestFirst() {
        String publisher = "Pagination Wire " + UUID.randomUUID();
        List<String> dates = new ArrayList<>(List.of("2021-03-04", "2023-01-02", "2022-06-30", "2022-06-30", "2020-12-31"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= dates.size(); i++) {
            Map<String, Object> input = TestArticles.article(TestArticles.uniqueUrl(), "Article " + i + " of a series.",
                    List.of(), List.of());
            input.put("publisher", publisher);
            if (i < dates.size()) {
                input.put("publishedOn", dates.get(i));
            }
            ids.add(articles.ingest(input).getString("id"));
        }
        Map<String, Object> filter = Map.of("publisher", publisher);
        List<String> walked = walk(2, after -> ok("articles", vars("filter", filter, "first", 2, "after", after)).at("articles"));
        assertEquals(ids.size(), walked.size());
        List<Map<String, Object>> page = ok("articles", "filter", filter, "first", 100).getList("articles.edges.node");
        assertEquals(page.stream().map(n -> n.get("id")).toList(), walked);
        List<Object> published = page.stream().map(n -> n.get("publishedOn")).toList();
        assertEquals(List.of("2023-01-02", "2022-06-30", "2022-06-30", "2021-03-04", "2020-12-31"), published.subList(0, 5));
        assertThat("undated last", published.get(5), nullValue());
        assertEquals(ids.get(ids.size() - 1), walked.get(walked.size() - 1));
    }

    @Test
    void firstZeroGivesOnlyTheCount() {
        Json claims = ok("claims", "first", 0).at("claims");
        assertEquals(List.of(), claims.getList("edges"));
        assertThat(claims.getInt("totalCount"), greaterThanOrEqualTo(Seed.claims().size()));
        assertEquals(true, claims.getBoolean("pageInfo.hasNextPage"));
        assertThat(claims.get("pageInfo.endCursor"), nullValue());
        Json none = ok("claims", "filter", Map.of("subjectCountry", "AQ"), "first", 0).at("claims");
        assertEquals(0, none.getInt("totalCount"));
        assertEquals(false, none.getBoolean("pageInfo.hasNextPage"));
    }

    @Test
    void theLargestPageIsAHundred() {
        Json claims = ok("claims", "first", 100).at("claims");
        assertThat(claims.getList("edges").size(), lessThanOrEqualTo(100));
        error("claims", vars("first", 101), "VALIDATION", "101");
        error("actors", vars("first", 101), "VALIDATION", "101");
        error("articles", vars("first", 1000), "VALIDATION", "1000");
        error("countryAllegationsAgainst", vars("code", "KP", "first", 101), "VALIDATION", "101");
        error("actor", vars("id", anyActorId(), "first", 101), "VALIDATION", "101");
        error("claims", vars("first", -1), "VALIDATION", "-1");
    }

    @Test
    void aGarbageCursorIsAValidationError() {
        for (String garbage : List.of("garbage", "djE6eHl6", "!!!", "dj")) {
            error("claims", vars("first", 2, "after", garbage), "VALIDATION", garbage);
            error("actors", vars("first", 2, "after", garbage), "VALIDATION", garbage);
            error("articles", vars("first", 2, "after", garbage), "VALIDATION", garbage);
            error("countryAllegationsAgainst", vars("code", "KP", "first", 2, "after", garbage), "VALIDATION", garbage);
        }
    }

    @Test
    void aCursorOfAnotherListIsAValidationError() {
        String actorCursor = ok("actors", "search", "kirby", "first", 1).getString("actors.pageInfo.endCursor");
        assertThat(actorCursor, notNullValue());
        error("claims", vars("first", 2, "after", actorCursor), "VALIDATION", "cursor");
    }

    /** Walks a connection page by page; checks each page and returns the ids in order. */
    static List<String> walk(int first, Function<String, Json> page) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        Integer total = null;
        for (int pages = 0; pages < 1000; pages++) {
            Json connection = page.apply(after);
            List<String> pageIds = connection.getList("edges.node.id");
            List<String> pageCursors = connection.getList("edges.cursor");
            assertThat(pageIds.size(), lessThanOrEqualTo(first));
            if (total == null) {
                total = connection.getInt("totalCount");
            }
            assertEquals(total, connection.getInt("totalCount"), "totalCount is the same on every page");
            for (String cursor : pageCursors) {
                assertTrue(cursors.add(cursor), "cursor " + cursor + " twice");
            }
            ids.addAll(pageIds);
            boolean more = connection.getBoolean("pageInfo.hasNextPage");
            if (!pageIds.isEmpty()) {
                assertEquals(pageCursors.get(pageCursors.size() - 1), connection.getString("pageInfo.endCursor"));
            }
            if (!more) {
                break;
            }
            assertEquals(first, pageIds.size(), "a page before the last is full");
            after = connection.getString("pageInfo.endCursor");
            assertThat(after, notNullValue());
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no item twice: " + ids);
        assertEquals(total.intValue(), ids.size(), "totalCount is the number of items walked");
        assertFalse(ids.isEmpty());
        return ids;
    }

    private static String anyActorId() {
        return ok("actors", "first", 1).getString("actors.edges[0].node.id");
    }
}
