package org.allegationatlas.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Text;

import io.quarkus.runtime.StartupEvent;

/**
 * ISO 3166-1 reference data: every country's codes (from the JDK), its English name and its names
 * in every language the build JDK's CLDR data has ({@link CountryNames}, tables made at build time),
 * and the aliases in {@code country/aliases.tsv}. Held in memory: it is small and never changes at run time.
 */
@ApplicationScoped
public class Countries {

    private final Map<String, Country> byAlpha2 = Codes.BY_ALPHA2;
    private final Map<String, Country> byAlpha3 = Codes.BY_ALPHA3;
    /** alpha-2 -> normalized aliases */
    private final Map<String, Set<String>> aliases = new HashMap<>();

    public Countries() {
        loadAliases();
    }

    /**
     * The country of a stored alpha-2 code (null for null), where no bean is at hand: an actor read from
     * the database carries its country, so that a client asking for it costs no batch of its own.
     */
    public static Country ofCode(String alpha2) {
        return alpha2 == null ? null : Codes.BY_ALPHA2.get(alpha2);
    }

    /** The codes and English names of every country, shared by all: they never change at run time. */
    private static final class Codes {
        static final Map<String, Country> BY_ALPHA2 = new LinkedHashMap<>();
        static final Map<String, Country> BY_ALPHA3 = new HashMap<>();

        static {
            List<Country> all = new ArrayList<>();
            for (String alpha2 : Locale.getISOCountries()) {
                Locale region = new Locale.Builder().setRegion(alpha2).build();
                all.add(new Country(alpha2, region.getISO3Country(), CountryNames.name(alpha2, Locale.ENGLISH)));
            }
            all.sort(Comparator.comparing(Country::name));
            for (Country country : all) {
                BY_ALPHA2.put(country.code(), country);
                BY_ALPHA3.put(country.alpha3(), country);
            }
        }
    }

    /** Every country, in English name order. */
    public Collection<Country> all() {
        return byAlpha2.values();
    }

    /** The country of an alpha-2 or alpha-3 code in any case; empty when there is none. */
    public Optional<Country> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(upper.length() == 3 ? byAlpha3.get(upper) : byAlpha2.get(upper));
    }

    /** The alpha-2 code of a code given in {@code field}; a VALIDATION error naming it when unknown. */
    public String requireCode(String code, String field) {
        if (code == null) {
            return null;
        }
        return find(code).map(Country::code).orElseThrow(() -> ApiException.validation(field + ": \"" + code
                + "\" is not an ISO 3166-1 country code; use alpha-2 or alpha-3, e.g. \"KP\" or \"PRK\""));
    }

    /** The country of a stored alpha-2 code (null for null). */
    public Country byCode(String alpha2) {
        return ofCode(alpha2);
    }

    /** The name in the language of a BCP-47 tag, or null when the tag names no language. */
    public String localName(Country country, String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag == null ? "" : languageTag.trim());
        if (locale.getLanguage().isEmpty()) {
            return null;
        }
        return CountryNames.name(country.code(), locale);
    }

    /**
     * Codes of the countries whose code is {@code search}, or one of whose names in any
     * language or aliases contains it (case- and accent-insensitive).
     */
    public Set<String> matching(String search) {
        String wanted = Text.normalize(search);
        Set<String> codes = new TreeSet<>();
        if (wanted.length() == 2 || wanted.length() == 3) {
            find(wanted).ifPresent(c -> codes.add(c.code()));
        }
        for (Map<String, ? extends Collection<String>> names : List.of(CountryNames.searchNames(), aliases)) {
            names.forEach((code, forCountry) -> {
                if (forCountry.stream().anyMatch(name -> name.contains(wanted))) {
                    codes.add(code);
                }
            });
        }
        return codes;
    }

    /** The names in every language are a table of their own, read in the background as the app starts. */
    void prepareSearch(@Observes StartupEvent event) {
        Thread reading = new Thread(CountryNames::searchNames, "country-names");
        reading.setDaemon(true);
        reading.start();
    }

    private void loadAliases() {
        try (InputStream in = Countries.class.getResourceAsStream("/country/aliases.tsv")) {
            if (in == null) {
                throw new IllegalStateException("country/aliases.tsv is missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2))
                    .forEach(parts -> aliases.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(Text.normalize(parts[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
