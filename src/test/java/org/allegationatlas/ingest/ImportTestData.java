package org.allegationatlas.ingest;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Small synthetic ArticleInput lines for the import tests. */
final class ImportTestData {

    private ImportTestData() {
    }

    /** One valid article as a JSON line; {@code run} makes its url and names unique to a test run. */
    static String line(String run, int n) {
        String body = "Report " + run + " number " + n + ". Palau accused Nauru of dumping waste. Nauru denied it.";
        JsonObject article = Json.createObjectBuilder()
                .add("url", "https://test.invalid/import/" + run + "/" + n)
                .add("language", "en").add("publishedOn", "2023-03-" + String.format("%02d", 1 + n % 28)).add("body", body)
                .add("actors", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "pw").add("name", "Palau Ministry " + run)
                                .add("kind", "GOVERNMENT_BODY").add("country", "PW"))
                        .add(Json.createObjectBuilder().add("key", "nr").add("name", "Nauru").add("kind", "STATE").add("country", "NR")))
                .add("claims", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "a").add("claimant", "pw").add("subject", "nr")
                                .add("stance", "ALLEGES").add("category", "OTHER").add("summary", "Palau accused Nauru of dumping waste.")
                                .add("quote", "Palau accused Nauru of dumping waste."))
                        .add(Json.createObjectBuilder().add("claimant", "nr").add("subject", "nr").add("respondsTo", "a")
                                .add("stance", "DENIES").add("category", "OTHER").add("summary", "Nauru denied it.")
                                .add("quote", "Nauru denied it.")))
                .build();
        return article.toString();
    }
}
