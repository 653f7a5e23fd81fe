package org.allegationatlas;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Ready-made GraphQL request bodies for tests that talk to a process over plain HTTP. */
public final class TestRequests {

    private TestRequests() {
    }

    /** ingestArticle of a two-sentence article (Fiji accuses Tuvalu) at {@code url}. */
    public static JsonObject ingest(String url) {
        String body = "Fiji accused Tuvalu of hiding boats. Tuvalu denied it.";
        JsonObject input = Json.createObjectBuilder().add("url", url).add("language", "en").add("body", body)
                .add("actors", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "fj").add("name", "Fiji").add("kind", "STATE").add("country", "FJ"))
                        .add(Json.createObjectBuilder().add("key", "tv").add("name", "Tuvalu").add("kind", "STATE").add("country", "TV")))
                .add("claims", Json.createArrayBuilder().add(Json.createObjectBuilder().add("claimant", "fj").add("subject", "tv")
                        .add("stance", "ALLEGES").add("category", "OTHER").add("summary", "Fiji accused Tuvalu of hiding boats.")
                        .add("quote", "Fiji accused Tuvalu of hiding boats.")))
                .build();
        return Json.createObjectBuilder()
                .add("query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }")
                .add("variables", Json.createObjectBuilder().add("input", input)).build();
    }

    /** A query without variables. */
    public static JsonObject query(String document) {
        return Json.createObjectBuilder().add("query", document).build();
    }
}
