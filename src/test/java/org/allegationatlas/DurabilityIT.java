package org.allegationatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability does not hang on a URL parameter. The packaged app on an H2 file database placed the
 * standard way, {@code QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:DIR/atlas} with no {@code ;WRITE_DELAY=0},
 * is killed with SIGKILL right after each confirmed write, and restarted: every write is there.
 */
class DurabilityIT {

    private static final String EDITOR_TOKEN = "durability-it-editor";
    private static final int KILLS = 3; // with a write delay, one kill would lose its write: three leave no doubt

    @TempDir Path dataDir;

    @BeforeEach
    void embeddedH2Only() throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")), "about embedded H2 in file mode");
    }

    @Test
    void everyConfirmedWriteSurvivesASigkillRightAfterItsAnswer() throws Exception {
        Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dataDir.resolve("atlas"));
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            try (RunningApp app = RunningApp.start(dataDir, environment, settings())) {
                String url = "https://test.invalid/durability/" + i;
                JsonObject answer = post(app, TestRequests.ingest(url), EDITOR_TOKEN);
                assertNull(answer.get("errors"), answer::toString);
                confirmed.add(url);
                app.kill();
            }
        }
        try (RunningApp app = RunningApp.start(dataDir, environment, settings())) {
            JsonObject answer = post(app, TestRequests.query("{ articles(first: 100) { edges { node { url } } } }"), null);
            assertNull(answer.get("errors"), answer::toString);
            Set<String> stored = new TreeSet<>();
            for (JsonValue edge : answer.getJsonObject("data").getJsonObject("articles").getJsonArray("edges")) {
                stored.add(edge.asJsonObject().getJsonObject("node").getString("url"));
            }
            assertTrue(stored.containsAll(confirmed), () -> "confirmed " + confirmed + ", found after the kills " + stored);
        }
    }

    @Test
    void refusesToStartWhereH2KeepsAWriteDelay() throws Exception {
        // a database whose admin is someone else: the app's user may not turn the delay off
        String url = "jdbc:h2:file:" + dataDir.resolve("atlas");
        try (Connection admin = DriverManager.getConnection(url, "owner", "owner-password");
                Statement statement = admin.createStatement()) {
            statement.execute("SET WRITE_DELAY 500");
            statement.execute("CREATE USER atlas PASSWORD 'atlas-password'");
            statement.execute("GRANT ALTER ANY SCHEMA TO atlas");
        }
        Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_USERNAME", "atlas",
                "QUARKUS_DATASOURCE_PASSWORD", "atlas-password");
        try (RunningApp app = RunningApp.launch(dataDir, environment, settings())) {
            Integer exit = app.awaitExit(60);
            String log = app.log();
            assertNotNull(exit, () -> "the app must refuse to start:\n" + log);
            assertTrue(exit != 0, () -> "exit code " + exit + ":\n" + log);
            assertTrue(log.contains("add ;WRITE_DELAY=0 to QUARKUS_DATASOURCE_JDBC_URL"), () -> "the log must name the fix:\n" + log);
            assertEquals(-1, log.indexOf("atlas-password"), "the log must not show the password");
        }
    }

    private static String settings() {
        return "-Datlas.auth.tokens=editor:" + EDITOR_TOKEN;
    }

    private static JsonObject post(RunningApp app, JsonObject request, String token) throws Exception {
        String body = app.post("/graphql", "application/json", token, request.toString().getBytes(StandardCharsets.UTF_8)).body();
        return jakarta.json.Json.createReader(new StringReader(body)).readObject();
    }
}
