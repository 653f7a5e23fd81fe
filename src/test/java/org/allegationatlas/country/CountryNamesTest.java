package org.allegationatlas.country;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.allegationatlas.common.Text;
import org.junit.jupiter.api.Test;

/**
 * The tables made at build time give the names the JDK's locale services give, on a JVM that has them:
 * for every locale the JDK has, and for languages combined with regions and scripts it has no table for.
 */
class CountryNamesTest {

    private static final List<String> CODES = List.of(Locale.getISOCountries());

    @Test
    void theJdksNamesForEveryLocaleItHas() {
        Set<Locale> locales = new LinkedHashSet<>();
        for (Locale available : Locale.getAvailableLocales()) {
            Locale canonical = Locale.forLanguageTag(available.toLanguageTag());
            locales.add(new Locale.Builder().setLanguage(canonical.getLanguage()).setScript(canonical.getScript())
                    .setRegion(canonical.getCountry()).build());
        }
        assertTrue(locales.size() > 700, "the JDK's CLDR locales: " + locales.size());
        assertSameAsJdk(locales);
    }

    @Test
    void theJdksNamesForRegionsAndScriptsWithoutATable() {
        Set<Locale> locales = new LinkedHashSet<>();
        for (Locale available : Locale.getAvailableLocales()) {
            String language = available.getLanguage();
            for (String tag : List.of("-US", "-BR", "-CN", "-TW", "-419", "-AQ", "-Latn", "-Cyrl", "-Hant", "-Latn-ZZ")) {
                locales.add(Locale.forLanguageTag(language + tag));
            }
        }
        locales.add(Locale.forLanguageTag("xx"));
        locales.add(Locale.forLanguageTag("in"));
        locales.add(Locale.forLanguageTag("iw-IL"));
        locales.add(Locale.forLanguageTag("no-NO-u-nu-latn"));
        assertSameAsJdk(locales);
    }

    @Test
    void searchHasEveryNameNormalized() {
        List<String> kp = CountryNames.searchNames().get("KP");
        for (String language : List.of("en", "id", "de", "fr", "ru", "ja", "zh-Hant")) {
            String name = new Locale.Builder().setRegion("KP").build().getDisplayCountry(Locale.forLanguageTag(language));
            assertTrue(kp.contains(Text.normalize(name)), language + ": " + name);
        }
        assertEquals(CODES.size(), CountryNames.searchNames().size());
    }

    private static void assertSameAsJdk(Set<Locale> locales) {
        List<String> wrong = new ArrayList<>();
        for (Locale locale : locales) {
            for (String code : CODES) {
                String jdk = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
                String ours = CountryNames.name(code, locale);
                if (!jdk.equals(ours)) {
                    wrong.add(locale.toLanguageTag() + " " + code + ": JDK '" + jdk + "', tables '" + ours + "'");
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " names differ: " + wrong.subList(0, Math.min(20, wrong.size())));
    }
}
