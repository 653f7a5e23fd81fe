package org.allegationatlas.news.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The pages of saved files, one at a time whatever their size: {@code .html} and {@code .htm} files (also
 * gzipped: {@code .html.gz}), and the HTML pages of WARC web archives ({@code .warc}, {@code .warc.gz}, as Common
 * Crawl's CC-NEWS is distributed), read record by record with jwarc: response records with status 200 and an HTML
 * content type, and resource records of an HTML type. A folder is read file by file, in name order, its subfolders
 * too. Nothing but one page's bytes is held at a time.
 */
public final class SavedPages {

    /** Receives what is found, in order. */
    public interface Visitor {
        void page(SavedPage page);

        /** A record that is not an HTML page (a request, metadata, an image, a redirect): not counted as a page. */
        default void ignored(String source, String why) {
        }

        /** A file, or the rest of one, that could not be read. */
        void unreadable(String source, String why);
    }

    private static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz");
    private static final List<String> WARC_SUFFIXES = List.of(".warc", ".warc.gz");

    private final long maxPageSize;

    public SavedPages(long maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    /** Whether a file's name says it holds pages this reads. */
    public static boolean readable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return PAGE_SUFFIXES.stream().anyMatch(name::endsWith) || WARC_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The files {@link #read} reads under {@code path}: itself, or a folder's, in name order. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> all = Files.walk(path)) {
            return all.filter(Files::isRegularFile).filter(SavedPages::readable).sorted().toList();
        }
    }

    /** Reads one file's pages. */
    public void read(Path file, Visitor visitor) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (WARC_SUFFIXES.stream().anyMatch(name::endsWith)) {
            readWarc(file, visitor);
        } else {
            readPage(file, name.endsWith(".gz"), visitor);
        }
    }

    private void readPage(Path file, boolean gzipped, Visitor visitor) {
        try (InputStream in = gzipped ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file)) {
            Limited body = readLimited(in);
            visitor.page(new SavedPage(file.toString(), file.toAbsolutePath().toUri().toString(), false, null, body.bytes(),
                    body.truncated()));
        } catch (IOException | UncheckedIOException e) {
            visitor.unreadable(file.toString(), message(e));
        }
    }

    private void readWarc(Path file, Visitor visitor) {
        long number = 0;
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(true); // CC-NEWS and other crawls write a few headers loosely
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                number++;
                String source = file + " record " + number;
                WarcRecord record = next.get();
                try {
                    if (record instanceof WarcResponse response) {
                        response(response, source, visitor);
                    } else if (record instanceof WarcResource resource) {
                        resource(resource, source, visitor);
                    } else {
                        visitor.ignored(source, "a " + record.type() + " record");
                    }
                } catch (IOException | RuntimeException e) {
                    // one bad record (a broken HTTP header, a body that does not decode): the next may be fine
                    visitor.unreadable(source, message(e));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            visitor.unreadable(number == 0 ? file.toString() : file + " after record " + number, message(e));
        }
    }

    private void response(WarcResponse response, String source, Visitor visitor) throws IOException {
        if (!response.contentType().base().toString().equalsIgnoreCase("application/http")) {
            visitor.ignored(source, "a response that is not HTTP");
            return;
        }
        HttpResponse http = response.http();
        String type = http.headers().first("Content-Type").orElse(null);
        if (http.status() != 200 || !isHtml(type)) {
            visitor.ignored(source, http.status() != 200 ? "HTTP status " + http.status() : "content type " + type);
            return;
        }
        MessageBody body;
        try {
            body = http.bodyDecoded();
        } catch (IOException | RuntimeException undecodable) {
            body = http.body(); // an encoding it cannot decode (brotli without its decoder): try the bytes as they are
        }
        Limited bytes = readLimited(body.stream());
        visitor.page(new SavedPage(source, response.target(), true, type, bytes.bytes(), bytes.truncated()));
    }

    private void resource(WarcResource resource, String source, Visitor visitor) throws IOException {
        String type = resource.headers().first("Content-Type").orElse(null);
        if (!isHtml(type)) {
            visitor.ignored(source, "content type " + type);
            return;
        }
        Limited bytes = readLimited(resource.body().stream());
        visitor.page(new SavedPage(source, resource.target(), true, type, bytes.bytes(), bytes.truncated()));
    }

    private static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    private record Limited(byte[] bytes, boolean truncated) {
    }

    /** At most the page size limit, as the fetcher keeps of a page: a longer page is cut, the rest skipped unread. */
    private Limited readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(maxPageSize, Integer.MAX_VALUE - 16));
        boolean more = in.read() >= 0;
        return new Limited(bytes, more);
    }

    private static String message(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message == null ? "could not be read" : message.lines().findFirst().orElse(message);
    }
}
