package org.allegationatlas.news.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A web site on 127.0.0.1 for the tests of news in: handlers by exact path (else 404), every request recorded. */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it, recorded as it arrives; times are System.nanoTime (end: once answered). */
    public static final class Seen {
        private final String path;
        private final Headers headers;
        private final long start;
        private volatile long end;

        Seen(String path, Headers headers, long start) {
            this.path = path;
            this.headers = headers;
            this.start = start;
        }

        public String path() {
            return path;
        }

        public Headers headers() {
            return headers;
        }

        public long start() {
            return start;
        }

        public long end() {
            return end;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::dispatch);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:port + path */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public LoopbackServer on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    public LoopbackServer page(String path, String contentType, String body) {
        return on(path, exchange -> send(exchange, 200, contentType, body));
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    public int mostInFlight() {
        return mostInFlight.get();
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        Seen request = new Seen(exchange.getRequestURI().toString(), exchange.getRequestHeaders(), System.nanoTime());
        seen.add(request);
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            HttpHandler handler = handlers.get(exchange.getRequestURI().getPath());
            if (handler == null) {
                send(exchange, 404, "text/plain", "not here");
            } else {
                handler.handle(exchange);
            }
        } finally {
            request.end = System.nanoTime();
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
