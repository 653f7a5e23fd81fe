package org.allegationatlas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Synthetic articles for tests that ingest: each with its own url, removed again after the
 * test (deleteArticle), so tests sharing the database do not see each other's data.
 * Synthetic articles use countries the seed does not (FJ, TV, NR, PW, ...).
 */
public final class TestArticles {

    private final List<String> ingested = Collections.synchronizedList(new ArrayList<>());

    /** A url no other test uses. */
    public static String uniqueUrl() {
        return "https://test.example/" + UUID.randomUUID();
    }

    public static Map<String, Object> article(String url, String body, List<Map<String, Object>> actors,
            List<Map<String, Object>> claims) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("url", url);
        input.put("title", "Test article");
        input.put("publisher", "Test Wire");
        input.put("language", "en");
        input.put("body", body);
        input.put("actors", actors);
        input.put("claims", claims);
        return input;
    }

    public static Map<String, Object> actor(String key, String name, String kind, String country, String... aliases) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("key", key);
        actor.put("name", name);
        actor.put("kind", kind);
        if (country != null) {
            actor.put("country", country);
        }
        if (aliases.length > 0) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (String alias : aliases) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("name", alias);
                a.put("language", "en");
                list.add(a);
            }
            actor.put("aliases", list);
        }
        return actor;
    }

    public static Map<String, Object> claim(String claimant, String subject, String counterparty, String stance,
            String category, String quote) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("claimant", claimant);
        claim.put("subject", subject);
        if (counterparty != null) {
            claim.put("counterparty", counterparty);
        }
        claim.put("stance", stance);
        claim.put("category", category);
        claim.put("summary", "Test: " + quote);
        claim.put("quote", quote);
        return claim;
    }

    /** Ingests an article that must be accepted; its {@code ingestArticle} answer. */
    public Json ingest(Map<String, Object> input) {
        return ingest("ingestArticle", input);
    }

    /**
     * As {@link #ingest(Map)}, asking for the article's id only: the answer then reads nothing after the write, for tests
     * of the write itself under a read timeout made short on purpose (StatementTimeoutTest).
     */
    public Json ingestForId(Map<String, Object> input) {
        return ingest("ingestArticleId", input);
    }

    /** Stores an article through a document of its own (graphql/DOCUMENT.graphql, variables input and more); deleted by deleteAll. */
    public Json ingest(String document, Map<String, Object> input, Object... moreNamesAndValues) {
        List<Object> variables = new ArrayList<>(List.of("input", input));
        variables.addAll(List.of(moreNamesAndValues));
        Json answer = GraphQL.ok(document, variables.toArray()).at("ingestArticle");
        String id = answer.getString("id");
        if (!ingested.contains(id)) {
            ingested.add(id);
        }
        return answer;
    }

    /** Deletes what this test ingested and has not deleted itself. */
    public void deleteAll() {
        for (String id : ingested) {
            GraphQL.post("deleteArticle", GraphQL.vars("id", id));
        }
        ingested.clear();
    }
}
