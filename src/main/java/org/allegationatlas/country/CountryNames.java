package org.allegationatlas.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Country names in every language, read from the tables that {@code src/build/java/CountryNameTables.java}
 * makes from the build JDK's CLDR data when the app is built ({@code country/names/} in the classes), not
 * from the JDK's locale services at run time: a native image has no locale-provider services, and
 * gathering names from them took the JVM seconds of CPU.
 * <p>
 * A language's file holds sections by tag ({@code @sr-Latn-BA}), each with only the names that differ from
 * its fallback: the tags of {@link #fallbackTags}, then the root ({@code und.tsv}); see {@link Table}. A language's file is read
 * the first time it is asked for, in a native image too (the files are image resources: as objects in the
 * image heap they made the binary ~5 MB larger).
 */
public final class CountryNames {

    /** Where the build writes the tables, under the classes. */
    public static final String DIR = "country/names/";
    /** The root: names for a language without a table of its own (CLDR's, in English). */
    public static final String ROOT = "und";
    /** Every country's names in every language and region, normalized for search: {@code KP<TAB>korea utara<TAB>...}. */
    public static final String SEARCH_FILE = "search.tsv";
    /** The languages that have a file, one a line. */
    public static final String LANGUAGES_FILE = "languages.txt";

    /** The languages that have a table, read with the first one. */
    private static Set<String> languages;
    /** language -> tag -> its table; an empty map for a language without a file */
    private static final Map<String, Map<String, Table>> TABLES = new ConcurrentHashMap<>();
    private static Map<String, List<String>> searchNames;

    private CountryNames() {
    }

    /**
     * The tags whose tables answer for {@code locale}, most specific first, the root left out:
     * language-script-region, language-script, language-region, language. Variants and extensions
     * do not change country names, so they are ignored.
     */
    public static List<String> fallbackTags(Locale locale) {
        if (!locale.getVariant().isEmpty()) {
            // legacy forms such as no_NO_NY (Nynorsk) become what they mean: nn-NO
            locale = Locale.forLanguageTag(locale.toLanguageTag());
        }
        String language = locale.getLanguage();
        String script = locale.getScript();
        String region = locale.getCountry();
        Set<String> tags = new LinkedHashSet<>();
        if (language.isEmpty()) {
            return List.of();
        }
        if (!script.isEmpty() && !region.isEmpty()) {
            tags.add(language + "-" + script + "-" + region);
        }
        if (!script.isEmpty()) {
            tags.add(language + "-" + script);
        }
        if (!region.isEmpty()) {
            tags.add(language + "-" + region);
        }
        tags.add(language);
        return List.copyOf(tags);
    }

    /**
     * The names of one tag that differ from those of its fallback; {@code toRoot}: its fallback is the root
     * itself, not the next tag ({@code @hi-Latn>und} in a file: CLDR gives some scripts of a language the root as parent).
     */
    public record Table(Map<String, String> names, boolean toRoot) {
    }

    /** The name of the country {@code alpha2} in {@code locale}'s language, as the JDK's CLDR data has it. */
    public static String name(String alpha2, Locale locale) {
        Map<String, Table> language = table(locale.getLanguage());
        for (String tag : fallbackTags(locale)) {
            Table table = language.get(tag);
            if (table != null) {
                String name = table.names().get(alpha2);
                if (name != null) {
                    return name;
                }
                if (table.toRoot()) {
                    break;
                }
            }
        }
        Table root = table(ROOT).get(ROOT);
        String name = root == null ? null : root.names().get(alpha2);
        return name != null ? name : alpha2;
    }

    /** alpha-2 -> the normalized names of the country in every language and region (no aliases). */
    public static synchronized Map<String, List<String>> searchNames() {
        if (searchNames == null) {
            Map<String, List<String>> names = new HashMap<>();
            for (String line : lines(SEARCH_FILE)) {
                String[] parts = line.split("\t");
                names.put(parts[0], List.of(parts).subList(1, parts.length));
            }
            searchNames = names;
        }
        return searchNames;
    }

    private static synchronized Set<String> languages() {
        if (languages == null) {
            languages = Set.copyOf(lines(LANGUAGES_FILE));
        }
        return languages;
    }

    private static Map<String, Table> table(String language) {
        if (!ROOT.equals(language) && !languages().contains(language)) {
            return Map.of();
        }
        return TABLES.computeIfAbsent(language, CountryNames::read);
    }

    private static Map<String, Table> read(String language) {
        Map<String, Table> sections = new HashMap<>();
        Map<String, String> names = null;
        for (String line : lines(language + ".tsv")) {
            if (line.startsWith("@")) {
                boolean toRoot = line.endsWith(">" + ROOT);
                String tag = toRoot ? line.substring(1, line.length() - ROOT.length() - 1) : line.substring(1);
                names = new HashMap<>();
                sections.put(tag, new Table(names, toRoot));
            } else if (names != null) {
                int tab = line.indexOf('\t');
                names.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return sections;
    }

    /** The lines of a table, without comments and blank lines. */
    private static List<String> lines(String file) {
        String path = DIR + file;
        try (InputStream in = CountryNames.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath: the build makes it "
                        + "(./mvnw process-classes runs src/build/java/CountryNameTables.java)");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
