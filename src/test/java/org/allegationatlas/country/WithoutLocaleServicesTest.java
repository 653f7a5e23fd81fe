package org.allegationatlas.country;

import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.allegationatlas.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Country names where the JDK cannot localize, as in a native image (which has no locale-provider
 * services): the surefire execution {@code without-locale-services} runs this class, and CountryApiTest,
 * with {@code -Djava.locale.providers=HOST}, which leaves the JDK only its root, English names.
 * The names come from the tables made at build time, so every language still answers.
 */
@QuarkusTest
class WithoutLocaleServicesTest {

    /** Set by that surefire execution: there, the JDK must really be unable to localize. */
    static final String EXECUTION = "atlas.test.without-locale-services";

    @BeforeAll
    static void theJdkCannotLocalizeHere() {
        String jdk = new Locale.Builder().setRegion("KP").build().getDisplayCountry(Locale.forLanguageTag("id"));
        if (Boolean.getBoolean(EXECUTION)) {
            assertEquals("North Korea", jdk, "run with -Djava.locale.providers=HOST: the JDK has only English names");
        } else {
            assumeTrue("North Korea".equals(jdk), "this JVM has the JDK's locale services; ./mvnw test runs this class without them");
        }
    }

    @Test
    void localNameInEveryLanguage() {
        Map<String, String> expected = Map.of("id", "Korea Utara", "de", "Nordkorea", "fr", "Corée du Nord", "ru", "КНДР",
                "ja", "北朝鮮", "en", "North Korea");
        expected.forEach((language, name) ->
                assertEquals(name, ok("country", "code", "KP", "language", language).getString("country.localName"), language));
        assertEquals("Amerika Serikat", ok("country", "code", "US", "language", "id").getString("country.localName"));
        assertEquals("北韓", ok("country", "code", "KP", "language", "zh-TW").getString("country.localName"), "a region's own names");
    }

    @Test
    void searchInEveryLanguage() {
        for (String search : List.of("Nordkorea", "Corée du Nord", "Korea Utara", "北朝鮮")) {
            assertThat(search, ok("countries", "search", search).getList("countries.code"), hasItem("KP"));
        }
    }

    @Test
    void theExtractorKnowsIndonesianCountryNames() {
        // "Korea Selatan" is in no word list of the extractor: only CLDR's Indonesian names have it
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("url", "https://test.invalid/without-locale-services/" + UUID.randomUUID());
        input.put("language", "id");
        input.put("body", "Pemerintah Korea Selatan pada Kamis menuduh Korea Utara mengirim ribuan pekerja ke Rusia.");
        Json article = ok("extractArticle", vars("input", input)).at("extractArticle");
        try {
            assertThat(article.toString(), article.getList("actors.country.code"), hasItem("KR"));
        } finally {
            ok("extractDeleteArticle", "id", article.getString("id"));
        }
    }
}
