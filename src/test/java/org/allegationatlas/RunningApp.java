package org.allegationatlas;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

/**
 * The packaged app running as a service on loopback, on free ports, for tests that need more than
 * one instance or a restart ({@link PackagedApp} starts it): waits until it is ready, and talks
 * to it over HTTP as a client would.
 */
public final class RunningApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private RunningApp(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the app on {@code dataDir} (its embedded database) with extra {@code -D} settings; ready when it returns. */
    public static RunningApp start(Path dataDir, String... settings) throws IOException, InterruptedException {
        return start(dataDir, Map.of(), settings);
    }

    /** As {@link #start(Path, String...)}, with environment variables added, e.g. QUARKUS_DATASOURCE_JDBC_URL. */
    public static RunningApp start(Path dataDir, Map<String, String> environment, String... settings)
            throws IOException, InterruptedException {
        RunningApp app = launch(dataDir, environment, settings);
        try {
            app.awaitReady();
        } catch (Throwable e) {
            app.close(); // never leave a process behind
            throw e;
        }
        return app;
    }

    /** Starts the app and returns at once, for a start that is expected to fail ({@link #awaitExit}). */
    public static RunningApp launch(Path dataDir, Map<String, String> environment, String... settings) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> all = new ArrayList<>(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1",
                "-Datlas.data-dir=" + dataDir.toAbsolutePath(),
                // about behaviour, not speed: a loaded test machine must not turn a slow answer into a failure
                "-Datlas.graphql.timeout=60s", "-Dquarkus.datasource.jdbc.acquisition-timeout=60s"));
        all.addAll(List.of(settings));
        Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
        return new RunningApp(PackagedApp.start(log, environment, all), log, port, managementPort);
    }

    /** Waits for the process to end by itself; its exit code, or null if it still runs after {@code seconds}. */
    public Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** SIGKILL (on Linux): no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app stopped while starting:\n" + log());
            }
            try {
                if (get(managementBase() + "/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app was not ready within 180 s:\n" + log());
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health and metrics are served (quarkus.management.port). */
    public String managementBase() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String token, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GraphQL request that must succeed: its {@code data}. */
    public JsonObject graphql(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
        String body = GraphQL.toJson(Map.of("query", query, "variables", variables == null ? Map.of() : variables));
        HttpResponse<String> response = post("/graphql", "application/json", token, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonObject answer = jakarta.json.Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200 || answer.containsKey("errors")) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return answer.getJsonObject("data");
    }

    /** SIGTERM, as an orchestrator stops it, and waits. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
