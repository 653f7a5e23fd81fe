package org.allegationatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application (the JVM jar, or the native binary when one was built) on its
 * embedded H2 default in file mode: what it stored survives a restart, a SIGKILL right
 * after the answer, and the seed article is loaded once, never twice.
 */
class PersistenceIT {

    private static final String EDITOR_TOKEN = "persistence-it-editor";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path dataDir;
    private Process app;
    private int port;
    private int managementPort;

    @BeforeEach
    void newDataDirectory() throws IOException {
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void dataSurvivesRestartAndSigkillAndTheSeedLoadsOnce() throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")),
                "about the embedded H2 default: its data directory");
        start();
        int seedClaims = count("{ claims { totalCount } }", "claims");
        assertTrue(seedClaims > 0, "the seed article's claims are there on first start");
        assertEquals(1, count("{ articles { totalCount } }", "articles"));

        assertNull(post(TestRequests.ingest("https://test.invalid/persistence/graceful")).get("errors"));
        app.destroy(); // SIGTERM: a normal stop
        app.waitFor();

        start();
        assertEquals(2, count("{ articles { totalCount } }", "articles"), "the ingested article and the seed, once");
        assertEquals(seedClaims + 1, count("{ claims { totalCount } }", "claims"));

        JsonObject answer = post(TestRequests.ingest("https://test.invalid/persistence/killed"));
        assertNull(answer.get("errors"), () -> answer.toString());
        app.destroyForcibly(); // SIGKILL right after the answer: no shutdown hook runs
        app.waitFor();

        start();
        assertEquals(3, count("{ articles { totalCount } }", "articles"), "a confirmed write survives SIGKILL");
        assertEquals(seedClaims + 2, count("{ claims { totalCount } }", "claims"));
    }

    private void start() throws Exception {
        port = freePort();
        managementPort = freePort();
        List<String> settings = List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1",
                "-Datlas.data-dir=" + dataDir.toAbsolutePath(), "-Datlas.auth.tokens=editor:" + EDITOR_TOKEN);
        Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
        app = PackagedApp.start(log, settings);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app was not ready within 60 s:\n" + Files.readString(log));
    }

    private int count(String query, String field) throws Exception {
        JsonObject answer = post(Json.createObjectBuilder().add("query", query).build());
        assertNull(answer.get("errors"), () -> answer.toString());
        return answer.getJsonObject("data").getJsonObject(field).getInt("totalCount");
    }

    private JsonObject post(JsonObject request) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + EDITOR_TOKEN).POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new java.io.StringReader(response.body())).readObject();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
