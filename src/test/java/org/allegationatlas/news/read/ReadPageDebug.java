package org.allegationatlas.news.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Why the reader chose what it chose on one page: the best-scoring containers and the parts taken.
 * {@code java ... ReadPageDebug DATA_DIR SHA256_PREFIX [names|nonames]} (a tool for tuning on dev pages).
 */
public final class ReadPageDebug {

    private ReadPageDebug() {
    }

    public static void main(String[] args) throws IOException {
        Path html;
        try (var files = Files.list(Path.of(args[0]).resolve("html"))) {
            html = files.filter(p -> p.getFileName().toString().startsWith(args[1])).findFirst().orElseThrow();
        }
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
            bytes = in.readAllBytes();
        }
        Document document = Jsoup.parse(PageCharset.decode(bytes, null), "");
        ArticleBody.removeJunk(document.body());
        TextStats stats = new TextStats(document.body());
        ArticleBody reader = new ArticleBody(stats, args.length < 3 || args[2].equals("names"));
        List<Element> parts = reader.container(document.body(), List.of(document.title()));
        List<Element> all = new ArrayList<>(document.body().getAllElements());
        all.removeIf(e -> reader.score(e) == 0);
        all.sort((a, b) -> Double.compare(reader.score(b), reader.score(a)));
        for (Element e : all.subList(0, Math.min(12, all.size()))) {
            System.out.printf("%8.1f text %6d links %.2f  %s%n", reader.score(e), stats.text(e), stats.linkDensity(e), path(e));
        }
        if (args.length > 3) {
            tree(document.body(), stats, 0, Integer.parseInt(args[3]));
        }
        System.out.println("parts:");
        for (Element e : parts) {
            System.out.printf("         text %6d links %.2f  %s%n", stats.text(e), stats.linkDensity(e), path(e));
        }
    }

    /** Elements holding at least minText characters, indented, with their flags. */
    static void tree(Element e, TextStats stats, int depth, int minText) {
        if (stats.text(e) < minText) {
            return;
        }
        String flags = (Boilerplate.namedFurniture(e) ? " FURNITURE" : Boilerplate.namedMinor(e) ? " MINOR" : "") + (Boilerplate.namedContent(e) ? " CONTENT" : "");
        String names = Boilerplate.names(e);
        System.out.printf("%s%s[%s] text %d own %d links %.2f%s%n", "  ".repeat(depth), e.tagName(),
                names.length() > 60 ? names.substring(0, 60) : names, stats.text(e), stats.ownText(e), stats.linkDensity(e), flags);
        for (Element child : e.children()) {
            tree(child, stats, depth + 1, minText);
        }
    }

    static String path(Element e) {
        List<String> steps = new ArrayList<>();
        for (Element p = e; p != null && !p.tagName().equals("#root"); p = p.parent()) {
            String names = Boilerplate.names(p);
            steps.add(0, p.tagName() + (names.isEmpty() ? "" : "[" + (names.length() > 40 ? names.substring(0, 40) : names) + "]"));
        }
        return String.join(" > ", steps.subList(Math.max(0, steps.size() - 6), steps.size()));
    }
}
