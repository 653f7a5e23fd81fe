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
 * The packaged app ({@link PackagedApp}) as a server on a free loopback port: started, awaited until
 * ready, asked GraphQL over HTTP, killed. For tests whose point is the process itself (a SIGKILL, a
 * start that must fail).
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private AppProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the app with these environment variables and system properties; does not wait. */
    public static AppProcess launch(Path logDir, Map<String, String> environment, List<String> settings) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> all = new ArrayList<>(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1"));
        all.addAll(settings);
        Path log = logDir.resolve("app-" + System.nanoTime() + ".log");
        return new AppProcess(PackagedApp.start(log, environment, all), log, port, managementPort);
    }

    /** Starts the app and waits until it is ready, at most 180 s (a loaded machine). */
    public static AppProcess start(Path logDir, Map<String, String> environment, List<String> settings) throws Exception {
        AppProcess app = launch(logDir, environment, settings);
        app.awaitReady();
        return app;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app stopped while starting:\n" + log());
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
        throw new AssertionError("the app was not ready within 180 s:\n" + log());
    }

    /** Waits for the process to end by itself; its exit code, or null if it still runs after {@code seconds}. */
    public Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** POSTs a GraphQL request (query, variables) with these headers; the parsed answer. */
    public JsonObject post(JsonObject request, String... headerNamesAndValues) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            builder.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return jakarta.json.Json.createReader(new StringReader(response.body())).readObject();
    }

    /** SIGKILL (on Linux): no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
