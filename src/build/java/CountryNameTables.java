import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.allegationatlas.common.Text;
import org.allegationatlas.country.CountryNames;

/**
 * Writes the country-name tables that {@link CountryNames} serves, from this JDK's CLDR data, into the
 * compiled classes. Maven runs it after compiling (process-classes, exec-maven-plugin) as a source file
 * program with the classes on its class path:
 * {@code java -cp target/classes src/build/java/CountryNameTables.java target/classes}.
 * <p>
 * For every locale the JDK has, and every tag it falls back through, a table keeps the names that differ
 * from its fallback (or from the root, where the JDK falls back to it); so does every language combined
 * with every script and a few regions where the JDK answers differently from that fallback. Then it checks that the tables give every available locale exactly the JDK's names,
 * and fails the build if not. It does nothing when the tables were made by the same JDK from the same
 * generator and normalization.
 */
public final class CountryNameTables {

    /** Regions probed with every language: CLDR gives some their own names or parent (es-419, en-001). */
    private static final List<String> PROBED_REGIONS = List.of("001", "150", "419", "US", "GB", "CN", "TW", "HK", "MO", "BR", "IN", "AQ");
    /** How many countries tell, cheaply, whether a probed tag needs a table of its own. */
    private static final int TELLTALES = 5;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).resolve(CountryNames.DIR);
        String stamp = stamp(args.length > 1 ? Path.of(args[1]) : null, Path.of(args[0]));
        Path stampFile = out.resolve("stamp.txt");
        if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
            System.out.println("[country-names] tables are current: " + out);
            return;
        }
        long start = System.nanoTime();
        List<String> codes = List.of(Locale.getISOCountries());

        // tag -> table; parents (fewer subtags) before children
        Map<String, CountryNames.Table> tables = new LinkedHashMap<>();
        tables.put(CountryNames.ROOT, new CountryNames.Table(names(Locale.ROOT, codes), false));
        for (Map.Entry<String, Locale> tag : ordered(availableTags()).entrySet()) {
            tables.put(tag.getKey(), table(tables, tag.getValue(), codes));
        }
        // tags the JDK has no locale for, but answers differently from their fallback (hi-Latn: the root's names)
        for (Map.Entry<String, Locale> probe : ordered(probedTags(tables.keySet())).entrySet()) {
            List<String> fallback = CountryNames.fallbackTags(probe.getValue());
            if (telltales(tables, probe.getValue().getLanguage(), codes).stream()
                    .anyMatch(code -> !name(probe.getValue(), code).equals(resolve(tables, fallback, code)))) {
                tables.put(probe.getKey(), table(tables, probe.getValue(), codes));
            }
        }
        check(tables, codes);
        write(out, tables, codes, stamp, stampFile);
        System.out.printf("[country-names] %d tags, %d countries, from %s %s, in %d ms: %s%n", tables.size(), codes.size(),
                System.getProperty("java.vendor"), System.getProperty("java.version"), (System.nanoTime() - start) / 1_000_000, out);
    }

    /** The names of {@code locale} that differ from its fallback, or from the root where that is fewer. */
    private static CountryNames.Table table(Map<String, CountryNames.Table> tables, Locale locale, List<String> codes) {
        List<String> parents = CountryNames.fallbackTags(locale);
        parents = parents.subList(1, parents.size());
        Map<String, String> fromParents = new TreeMap<>();
        Map<String, String> fromRoot = new TreeMap<>();
        for (Map.Entry<String, String> name : names(locale, codes).entrySet()) {
            if (!name.getValue().equals(resolve(tables, parents, name.getKey()))) {
                fromParents.put(name.getKey(), name.getValue());
            }
            if (!name.getValue().equals(resolve(tables, List.of(), name.getKey()))) {
                fromRoot.put(name.getKey(), name.getValue());
            }
        }
        return fromRoot.size() < fromParents.size() ? new CountryNames.Table(fromRoot, true) : new CountryNames.Table(fromParents, false);
    }

    /** Countries the language names otherwise than the root, where a tag falling back to either shows it. */
    private static List<String> telltales(Map<String, CountryNames.Table> tables, String language, List<String> codes) {
        List<String> telltales = codes.stream()
                .filter(code -> !resolve(tables, List.of(language), code).equals(resolve(tables, List.of(), code)))
                .limit(TELLTALES).toList();
        return telltales.isEmpty() ? List.of("KP") : telltales;
    }

    /** Every available locale's fallback tags. */
    private static Map<String, Locale> availableTags() {
        Map<String, Locale> byTag = new TreeMap<>();
        for (Locale available : Locale.getAvailableLocales()) {
            for (String tag : CountryNames.fallbackTags(available)) {
                byTag.putIfAbsent(tag, Locale.forLanguageTag(tag));
            }
        }
        return byTag;
    }

    /** Every language with every script and a few regions, where it has no tag yet. */
    private static Map<String, Locale> probedTags(Set<String> known) {
        Set<String> languages = new TreeSet<>();
        Set<String> subtags = new TreeSet<>(PROBED_REGIONS);
        for (Locale available : Locale.getAvailableLocales()) {
            if (!available.getLanguage().isEmpty()) {
                languages.add(available.getLanguage());
            }
            if (!available.getScript().isEmpty()) {
                subtags.add(available.getScript());
            }
        }
        Map<String, Locale> probes = new TreeMap<>();
        for (String language : languages) {
            for (String subtag : subtags) {
                String tag = language + "-" + subtag;
                if (!known.contains(tag)) {
                    probes.put(tag, Locale.forLanguageTag(tag));
                }
            }
        }
        return probes;
    }

    private static Map<String, Locale> ordered(Map<String, Locale> byTag) {
        Map<String, Locale> ordered = new LinkedHashMap<>();
        byTag.keySet().stream().sorted(Comparator.comparingInt((String t) -> t.split("-").length).thenComparing(t -> t))
                .forEach(tag -> ordered.put(tag, byTag.get(tag)));
        return ordered;
    }

    private static Map<String, String> names(Locale locale, List<String> codes) {
        Map<String, String> names = new TreeMap<>();
        for (String code : codes) {
            names.put(code, name(locale, code));
        }
        return names;
    }

    private static String name(Locale locale, String code) {
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
        if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.isBlank()) {
            throw new IllegalStateException("unusable name for " + code + " in " + locale + ": '" + name + "'");
        }
        return name;
    }

    /** What CountryNames.name answers from the tables made so far. */
    private static String resolve(Map<String, CountryNames.Table> tables, List<String> tags, String code) {
        for (String tag : tags) {
            CountryNames.Table table = tables.get(tag);
            if (table != null) {
                String name = table.names().get(code);
                if (name != null) {
                    return name;
                }
                if (table.toRoot()) {
                    break;
                }
            }
        }
        return tables.get(CountryNames.ROOT).names().get(code);
    }

    /**
     * Every locale the JDK has gets exactly the JDK's names from the tables. Variants are left out, as
     * CountryNames ignores them: the JDK gives the legacy th_TH_TH (Thai digits) old, partly English names.
     */
    private static void check(Map<String, CountryNames.Table> tables, List<String> codes) {
        List<String> wrong = new ArrayList<>();
        for (Locale available : Locale.getAvailableLocales()) {
            Locale canonical = Locale.forLanguageTag(available.toLanguageTag());
            Locale locale = new Locale.Builder().setLanguage(canonical.getLanguage()).setScript(canonical.getScript())
                    .setRegion(canonical.getCountry()).build();
            names(locale, codes).forEach((code, name) -> {
                String ours = resolve(tables, CountryNames.fallbackTags(locale), code);
                if (!name.equals(ours)) {
                    wrong.add(locale + " " + code + ": JDK '" + name + "', tables '" + ours + "'");
                }
            });
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(wrong.size() + " names differ from the JDK's, e.g. " + wrong.subList(0, Math.min(10, wrong.size())));
        }
    }

    private static void write(Path out, Map<String, CountryNames.Table> tables, List<String> codes, String stamp, Path stampFile)
            throws IOException {
        String header = "# Country names made when the app was built, from the CLDR data of " + System.getProperty("java.vendor")
                + " " + System.getProperty("java.version") + ", by src/build/java/CountryNameTables.java. Do not edit.\n";
        Files.createDirectories(out);
        Map<String, StringBuilder> files = new TreeMap<>();
        Map<String, Set<String>> search = new TreeMap<>();
        tables.forEach((tag, table) -> {
            String language = tag.split("-")[0];
            StringBuilder file = files.computeIfAbsent(language, l -> new StringBuilder(header));
            file.append('@').append(tag).append(table.toRoot() ? ">" + CountryNames.ROOT : "").append('\n');
            table.names().forEach((code, name) -> {
                file.append(code).append('\t').append(name).append('\n');
                search.computeIfAbsent(code, c -> new TreeSet<>()).add(Text.normalize(name));
            });
        });
        try (var old = Files.list(out)) {
            old.forEach(CountryNameTables::delete);
        }
        for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
            Files.writeString(out.resolve(file.getKey() + ".tsv"), file.getValue(), StandardCharsets.UTF_8);
        }
        StringBuilder languages = new StringBuilder(header);
        files.keySet().stream().filter(l -> !l.equals(CountryNames.ROOT)).forEach(l -> languages.append(l).append('\n'));
        Files.writeString(out.resolve(CountryNames.LANGUAGES_FILE), languages, StandardCharsets.UTF_8);
        StringBuilder searchFile = new StringBuilder(header);
        for (String code : codes) {
            searchFile.append(code);
            search.get(code).forEach(name -> searchFile.append('\t').append(name));
            searchFile.append('\n');
        }
        Files.writeString(out.resolve(CountryNames.SEARCH_FILE), searchFile, StandardCharsets.UTF_8);
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK, this generator's source and the compiled classes it uses: what the tables depend on. */
    private static String stamp(Path source, Path classes) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n").getBytes(StandardCharsets.UTF_8));
        if (source != null) {
            digest.update(Files.readAllBytes(source));
        }
        for (String used : new String[] { "org/allegationatlas/common/Text.class", "org/allegationatlas/country/CountryNames.class" }) {
            digest.update(Files.readAllBytes(classes.resolve(used)));
        }
        return HexFormat.of().formatHex(digest.digest()) + "\n";
    }
}
