package org.allegationatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw quarkus:dev} is given (%dev in application.properties: a token everyone
 * knows, a database under target/) never reaches the packaged app, started as an operator would,
 * with nothing set: its database is ./data, the dev token opens nothing, there is no Dev UI. And the
 * ports are as documented: the API and GraphiQL on the main port, health and metrics only on the
 * management port.
 */
class DevModeConfigIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void thePackagedAppHasNoneOfDevModesSettings(@TempDir Path directory) throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("atlas.db-kind", "h2")), "about the embedded default's data directory");
        int port = freePort();
        int management = freePort();
        Path log = directory.resolve("app.log");
        Process app = PackagedApp.startIn(directory, log, List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management,
                "-Dquarkus.datasource.jdbc.acquisition-timeout=60s"));
        try {
            awaitReady(app, management, log);
            String base = "http://127.0.0.1:" + port;

            assertTrue(Files.exists(directory.resolve("data/atlas.mv.db")), "the database is ./data/atlas.mv.db");
            assertFalse(Files.exists(directory.resolve("target")), "not dev mode's target/dev-data");

            HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer dev")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"mutation { deleteArticle(id: \\\"1\\\") }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject answer = Json.createReader(new StringReader(write.body())).readObject();
            assertEquals("UNAUTHORIZED", answer.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"),
                    "dev mode's token must open nothing here: " + write.body());

            assertEquals(404, get(base + "/q/dev-ui/").statusCode(), "no Dev UI");
            assertEquals(200, get(base + "/q/graphql-ui/").statusCode(), "GraphiQL on the main port");
            assertEquals(404, get(base + "/q/health").statusCode(), "no health on the public port");
            assertEquals(404, get(base + "/q/metrics").statusCode(), "no metrics on the public port");
            assertEquals(200, get("http://127.0.0.1:" + management + "/q/metrics").statusCode(), "metrics on the management port");
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    private static void awaitReady(Process app, int management, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (get("http://127.0.0.1:" + management + "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 180 s:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
