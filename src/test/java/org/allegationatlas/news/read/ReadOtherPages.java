package org.allegationatlas.news.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads every {@code DIR/<name>/source.html} and writes {@code {"<name>": {"articleBody": ...}}} to OUT: the page
 * reader on pages of another benchmark (bench/read-pages-other.sh), a check on pages nobody tuned the reader on.
 */
public final class ReadOtherPages {

    private ReadOtherPages() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        PageReader reader = PageReader.withFunctionWords();
        ObjectNode out = new ObjectMapper().createObjectNode();
        List<Path> pages;
        try (var list = Files.list(dir)) {
            pages = list.filter(p -> Files.exists(p.resolve("source.html"))).sorted().toList();
        }
        for (Path page : pages) {
            byte[] html = Files.readAllBytes(page.resolve("source.html"));
            out.putObject(page.getFileName().toString()).put("articleBody", reader.read(html, null, "http://fakehost/test/page.html").body());
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), out);
    }
}
