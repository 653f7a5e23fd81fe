package org.allegationatlas.extract.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The rule and lexicon files under src/main/resources/extract: TSV (with # comments) and properties. */
public final class ResourceFiles {

    private ResourceFiles() {
    }

    /** The rows of a TSV resource, cells trimmed; blank lines and lines starting with # are skipped. */
    public static List<String[]> tsv(String path) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(path).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            rows.add(cells);
        }
        return rows;
    }

    public static Properties properties(String path) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(open(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = ResourceFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the classpath");
        }
        return in;
    }
}
