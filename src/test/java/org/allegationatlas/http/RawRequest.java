package org.allegationatlas.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP request exactly as generated, with nothing added by a client library: headers may be
 * missing, repeated or malformed, the body may be any bytes. Also writes itself as a curl command
 * line, so that a failure can be reproduced by hand.
 */
record RawRequest(String method, String pathAndQuery, List<String[]> headers, byte[] body, boolean chunked) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static RawRequest post(String path, byte[] body, String... headerNamesAndValues) {
        return new RawRequest("POST", path, pairs(headerNamesAndValues), body, false);
    }

    static RawRequest get(String pathAndQuery, String... headerNamesAndValues) {
        return new RawRequest("GET", pathAndQuery, pairs(headerNamesAndValues), null, false);
    }

    RawRequest withHeader(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] { name, value });
        return new RawRequest(method, pathAndQuery, more, body, chunked);
    }

    RawRequest sentChunked() {
        return new RawRequest(method, pathAndQuery, headers, body, true);
    }

    /**
     * The answer: status and body; an exception when the server did not answer in time or closed
     * the connection twice. Once is forgiven, as HTTP clients do: after refusing a request (a URI or
     * header too long) the server closes the connection, which the client may already have taken
     * from its pool for the next request.
     */
    HttpResponse<byte[]> send(URI root) throws IOException, InterruptedException {
        try {
            return sendOnce(root);
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException closed) {
            return sendOnce(root);
        }
    }

    private HttpResponse<byte[]> sendOnce(URI root) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher;
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (chunked) {
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .method(method, publisher);
        for (String[] header : headers) {
            builder.header(header[0], header[1]);
        }
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The same request as a curl command; a body that is long or not printable is named as a file
     * ({@code bodyFile}), which the caller writes.
     */
    String curl(URI root, String bodyFile) {
        StringBuilder line = new StringBuilder("curl -sS -i -X ").append(method).append(' ')
                .append(quote(root.resolve(pathAndQuery).toString()));
        for (String[] header : headers) {
            line.append(" -H ").append(quote(header[0] + ": " + header[1]));
        }
        if (chunked) {
            line.append(" -H 'Transfer-Encoding: chunked'");
        }
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            boolean printable = body.length <= 400 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n')
                    && text.getBytes(StandardCharsets.UTF_8).length == body.length;
            line.append(printable ? " --data-binary " + quote(text) : " --data-binary @" + bodyFile);
        }
        return line.toString();
    }

    private static String quote(String text) {
        if (text.indexOf('\'') < 0 && text.indexOf('\n') < 0) {
            return "'" + text + "'";
        }
        return "$'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static List<String[]> pairs(String... namesAndValues) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new String[] { namesAndValues[i], namesAndValues[i + 1] });
        }
        return list;
    }
}
