package org.allegationatlas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/**
 * A GraphQL client over WebSocket with the graphql-transport-ws protocol
 * (connection_init / connection_ack, subscribe, next / error / complete), on the JDK's client.
 */
public final class GraphQLWebSocket implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<Json> messages;
    private final Listener listener;

    private GraphQLWebSocket(WebSocket socket, BlockingQueue<Json> messages, Listener listener) {
        this.socket = socket;
        this.messages = messages;
        this.listener = listener;
    }

    /** Connects to /graphql of the application under test and completes the connection handshake. */
    public static GraphQLWebSocket connect() throws Exception {
        URI uri = URI.create(RestAssured.baseURI.replaceFirst("^http", "ws") + ":" + RestAssured.port + "/graphql");
        BlockingQueue<Json> queue = new LinkedBlockingQueue<>();
        Listener listener = new Listener(queue);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, listener)
                .get(10, TimeUnit.SECONDS);
        GraphQLWebSocket client = new GraphQLWebSocket(socket, queue, listener);
        client.send(Map.of("type", "connection_init", "payload", Map.of()));
        Json ack = client.next(10);
        if (ack == null || !"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("expected connection_ack, got " + ack);
        }
        return client;
    }

    /** Starts a subscription with the operation of {@code graphql/<document>.graphql}. */
    public void subscribe(String id, String document, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", GraphQL.document(document));
        payload.put("variables", variables);
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
    }

    /** Stops reading from the connection after the message being read, as a slow or stuck client would. */
    public void stopReading() {
        listener.reading = false;
    }

    /** Reads again. */
    public void resumeReading() {
        listener.reading = true;
        socket.request(1);
    }

    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /**
     * The next message (pings are answered and skipped), or null after {@code seconds}; a close frame from
     * the server comes as a message of type "close" with its code and reason.
     */
    public Json next(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            long left = deadline - System.nanoTime();
            Json message = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (message == null) {
                return null;
            }
            if ("ping".equals(message.getString("type"))) {
                send(Map.of("type", "pong"));
                continue;
            }
            return message;
        }
    }

    private void send(Map<String, Object> message) {
        socket.sendText(GraphQL.toJson(message), true).join();
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Json> queue;
        private final StringBuilder partial = new StringBuilder();
        volatile boolean reading = true;

        Listener(BlockingQueue<Json> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(Json.parse(partial.toString()));
                partial.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        /** The server's close frame, as a message of type "close" with its code and reason. */
        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            queue.add(Json.of(Map.of("type", "close", "code", statusCode, "reason", reason)));
            return null;
        }
    }
}
