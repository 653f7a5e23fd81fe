package org.allegationatlas.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * An HTTP request exactly as generated, written to a socket as it is: headers may be missing,
 * repeated or malformed, the body may be any bytes. (An HTTP client library adds and checks
 * headers, and does not read an answer until it has sent the whole body, so it would wait
 * forever for a server that answers early and reads no further.) Also writes itself as a curl
 * command line, so that a failure can be reproduced by hand.
 */
record RawRequest(String method, String pathAndQuery, List<String[]> headers, byte[] body, boolean chunked) {

    private static final int TIMEOUT_MILLIS = 10_000;

    /** The status, the headers (lower-case names, the first value of each) and the body of an answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

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
     * Sends the request on a connection of its own and reads the answer, while the body is still
     * being written if the server answers early. An exception when the server did not answer
     * within 10 s or closed the connection without an answer.
     */
    Answer send(URI root) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            OutputStream out = socket.getOutputStream();
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            // written beside the reader: a server may answer (414, 413, 415) and close before it has read all we send
            Thread writer = new Thread(() -> writeRequest(out, headBytes), "raw-request-writer");
            writer.setDaemon(true);
            writer.start();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private void writeRequest(OutputStream out, byte[] headBytes) {
        try {
            out.write(headBytes);
            if (body != null && !chunked) {
                out.write(body);
            } else if (body != null) {
                for (int at = 0; at < body.length; at += 8192) {
                    int length = Math.min(8192, body.length - at);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, length);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException answeredEarly) {
            // the server stopped reading (it answered, or closed the connection): the reader tells which
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0; size = Integer
                    .parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, decoded(headers.get("content-encoding"), body.toByteArray()));
    }

    /** The body as the server meant it: answers are compressed for clients that accept it, as browsers do. */
    private static byte[] decoded(String contentEncoding, byte[] body) throws IOException {
        if (contentEncoding == null || body.length == 0) {
            return body;
        }
        return switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body)).readAllBytes();
            default -> body; // identity, or one the checks will show they cannot read
        };
    }

    /** A line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
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
