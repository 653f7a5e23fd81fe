package org.allegationatlas.ingest;

import static org.allegationatlas.GraphQL.assertStrictlyNoLeak;
import static org.allegationatlas.GraphQL.error;
import static org.allegationatlas.GraphQL.ok;
import static org.allegationatlas.GraphQL.vars;
import static org.allegationatlas.TestArticles.actor;
import static org.allegationatlas.TestArticles.article;
import static org.allegationatlas.TestArticles.claim;
import static org.allegationatlas.TestArticles.uniqueUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.allegationatlas.GraphQL;
import org.allegationatlas.Json;
import org.allegationatlas.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input gets a clear error (extensions.code, a message naming the offending value, no
 * internals) and changes nothing: after each rejected mutation the totals, and the article
 * a rejected re-ingest would have replaced, are as before.
 */
@QuarkusTest
class BadInputTest {

    private static final String QUOTE = "Vanuatu's ministry accused Fiji of hiding the boats.";

    private final TestArticles articles = new TestArticles();
    private String token;

    @BeforeEach
    void newToken() {
        token = "tok" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void deleteIngested() {
        articles.deleteAll();
    }

    // ---- queries

    @Test
    void unknownCountryCodeInAFilter() {
        error("claims", vars("filter", Map.of("subjectCountry", "XX")), "VALIDATION", "XX");
        error("claims", vars("filter", Map.of("claimantCountry", "ZZZ")), "VALIDATION", "ZZZ");
        error("claims", vars("filter", Map.of("counterpartyCountry", "Korea")), "VALIDATION", "Korea");
        error("allegationMatrix", vars("filter", Map.of("subjectCountry", "XY")), "VALIDATION", "XY");
        error("countryRelations", vars("code", "KP", "filter", Map.of("claimantCountry", "QQ")), "VALIDATION", "QQ");
        error("actors", vars("country", "Narnia"), "VALIDATION", "Narnia");
    }

    @Test
    void malformedIds() {
        error("claim", vars("id", "one"), "VALIDATION", "one");
        error("actor", vars("id", "1.5"), "VALIDATION", "1.5");
        error("article", vars("id", "--"), "VALIDATION", "--");
    }

    @Test
    void unknownEnumValueInTheDocument() {
        error("invalid/actorsOfUnknownKind", vars(), "VALIDATION", "PLANET");
        error("invalid/claimsOfUnknownStance", vars(), "VALIDATION", "ALLEGEZ");
    }

    @Test
    void unknownEnumValueInVariables() {
        error("actors", vars("kind", "PLANET"), "VALIDATION", "PLANET");
        error("claims", vars("orderBy", "NEWEST"), "VALIDATION", "NEWEST");
        error("claims", vars("filter", Map.of("category", List.of("ESPIONAGE"))), "VALIDATION", "ESPIONAGE");
    }

    @Test
    void malformedLanguageTagInAFilter() {
        error("claims", vars("filter", Map.of("language", "english!")), "VALIDATION", "english!");
    }

    @Test
    void invalidDateInAFilter() {
        error("claims", vars("filter", Map.of("statedFrom", "2022-13-45")), "VALIDATION", "2022-13-45");
    }

    // ---- mutations: each rejected, nothing changed

    @Test
    void unknownCountryCodeInAnInput() {
        rejected(input -> actors(input).get(0).put("country", "QQ"), "VALIDATION", "QQ");
        rejected(input -> actors(input).get(0).put("country", "FJX"), "VALIDATION", "FJX");
    }

    @Test
    void aQuoteThatIsNotInTheBody() {
        rejected(input -> claims(input).get(0).put("quote", "Fiji accused Vanuatu"), "VALIDATION", "Fiji accused Vanuatu");
        // almost: one space more
        rejected(input -> claims(input).get(0).put("quote", QUOTE.replace(" the ", "  the ")), "VALIDATION", "quote");
    }

    @Test
    void aQuoteStartWhereTheQuoteIsNot() {
        rejected(input -> claims(input).get(0).put("quoteStart", 3), "VALIDATION", "3");
        rejected(input -> claims(input).get(0).put("quoteStart", 100_000), "VALIDATION", "100000");
        rejected(input -> claims(input).get(0).put("quoteStart", -1), "VALIDATION", "quoteStart");
    }

    @Test
    void aKeyThatNamesNoActor() {
        for (String role : List.of("claimant", "subject", "counterparty", "place")) {
            rejected(input -> claims(input).get(0).put(role, "nobody_" + role), "NOT_FOUND", "nobody_" + role);
        }
    }

    @Test
    void aKeyThatNamesNoClaim() {
        rejected(input -> claims(input).get(0).put("respondsTo", "no_such_claim"), "NOT_FOUND", "no_such_claim");
    }

    @Test
    void inconsistentKeys() {
        rejected(input -> actors(input).add(actor("vu", "Vanuatu again", "STATE", "VU")), "VALIDATION", "vu");
        rejected(input -> {
            claims(input).get(0).put("key", "c1");
            claims(input).get(0).put("respondsTo", "c1");
        }, "VALIDATION", "respondsTo");
        rejected(input -> {
            claims(input).get(0).put("key", "twice");
            Map<String, Object> other = claim("vu", "fj", null, "ALLEGES", "OTHER", QUOTE);
            other.put("key", "twice");
            claims(input).add(other);
        }, "VALIDATION", "twice");
    }

    @Test
    void aStateWithoutItsCountry() {
        rejected(input -> actors(input).get(0).remove("country"), "VALIDATION", "Vanuatu");
    }

    @Test
    void anEmptyBody() {
        rejected(input -> input.put("body", ""), "VALIDATION", "body");
        rejected(input -> input.put("body", "   "), "VALIDATION", "body");
    }

    @Test
    void emptyRequiredStrings() {
        rejected(input -> input.put("url", " "), "VALIDATION", "url");
        rejected(input -> claims(input).get(0).put("summary", ""), "VALIDATION", "summary");
        rejected(input -> actors(input).get(0).put("name", ""), "VALIDATION", "name");
    }

    @Test
    void anUnknownEnumValueInAnInput() {
        rejected(input -> claims(input).get(0).put("stance", "ALLEGEZ"), "VALIDATION", "ALLEGEZ");
        rejected(input -> actors(input).get(0).put("kind", "PLANET"), "VALIDATION", "PLANET");
        rejected(input -> claims(input).get(0).put("category", "ESPIONAGE"), "VALIDATION", "ESPIONAGE");
    }

    @Test
    void aMissingRequiredField() {
        rejected(input -> actors(input).get(0).remove("kind"), "VALIDATION", "kind");
        rejected(input -> input.remove("claims"), "VALIDATION", "claims");
    }

    @Test
    void overLongFields() {
        rejected(input -> claims(input).get(0).put("summary", "s".repeat(2001)), "VALIDATION", "summary");
        rejected(input -> input.put("url", "https://test.example/" + "u".repeat(2048)), "VALIDATION", "url");
        rejected(input -> input.put("title", "t".repeat(1001)), "VALIDATION", "title");
        rejected(input -> input.put("publisher", "p".repeat(201)), "VALIDATION", "publisher");
        rejected(input -> actors(input).get(0).put("name", "n".repeat(301)), "VALIDATION", "name");
    }

    @Test
    void aMalformedLanguageTag() {
        rejected(input -> input.put("language", "12345"), "VALIDATION", "12345");
    }

    @Test
    void anInvalidDate() {
        rejected(input -> input.put("publishedOn", "2022-02-30"), "VALIDATION", "2022-02-30");
    }

    @Test
    void aNameThatGrowsWhenNormalizedIsStoredAndFound() {
        // within the 300-character limit, but 450 characters once "Ⅻ" is normalized to "xii"
        Map<String, Object> input = deepCopy(validInput(uniqueUrl()));
        actors(input).get(0).put("name", "\u216B".repeat(150));
        String id = ok("ingestArticle", vars("input", input)).getString("ingestArticle.id");
        Json found = ok("actors", vars("search", "xiixiixii"));
        assertThat(found.toString(), containsString("\u216B\u216B\u216B"));
        assertEquals(true, ok("deleteArticle", "id", id).getBoolean("deleteArticle"));
    }

    @Test
    void deletingWhatDoesNotExist() {
        error("deleteArticle", vars("id", "987654321"), "NOT_FOUND", "987654321");
        error("deleteArticle", vars("id", "abc"), "VALIDATION", "abc");
    }

    @Test
    void everyErrorExtensionIsFreeOfExceptionNamesExceptClassification() {
        // the general check used everywhere above, on one error of each kind
        GraphQL.assertNoLeak(error("claims", vars("first", 101), "VALIDATION", "101"));
        GraphQL.assertNoLeak(error("invalid/actorsOfUnknownKind", vars(), "VALIDATION", "PLANET"));
    }

    @Test
    void noErrorExtensionNamesAnException() {
        assertStrictlyNoLeak(error("claims", vars("first", 101), "VALIDATION", "101"));
        assertStrictlyNoLeak(error("deleteArticle", vars("id", "987654321"), "NOT_FOUND", "987654321"));
    }

    @Test
    void messagesShowNoParserObjects() {
        Json answer = error("invalid/actorsOfUnknownKind", vars(), "VALIDATION", "PLANET");
        String message = answer.getString("errors[0].message");
        assertFalse(Pattern.compile("[A-Z][A-Za-z]*Value\\{").matcher(message).find(), message);
    }

    // ---- helpers

    /** A valid input about Vanuatu and Fiji; each test breaks it in one way. */
    private Map<String, Object> validInput(String url) {
        String body = "PORT VILA (" + token + ") - " + QUOTE + " Fiji denied it.";
        List<Map<String, Object>> actors = new ArrayList<>(List.of(actor("vu", "Vanuatu", "STATE", "VU"),
                actor("fj", "Fiji", "STATE", "FJ"), actor("fj_navy", "Fiji Navy", "GOVERNMENT_BODY", "FJ"),
                actor("suva", "Suva", "TERRITORY", "FJ")));
        Map<String, Object> claim = claim("vu", "fj", "fj_navy", "ALLEGES", "CONCEALMENT", QUOTE);
        claim.put("place", "suva");
        List<Map<String, Object>> claims = new ArrayList<>();
        claims.add(claim);
        Map<String, Object> input = article(url, body, actors, claims);
        return new LinkedHashMap<>(input);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actors(Map<String, Object> input) {
        return (List<Map<String, Object>>) input.get("actors");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> claims(Map<String, Object> input) {
        return (List<Map<String, Object>>) input.get("claims");
    }

    /**
     * The input, broken by {@code breaking}, is rejected both as a new article and as a
     * re-ingest of a stored one; neither changes anything.
     */
    private void rejected(Consumer<Map<String, Object>> breaking, String code, String mentioned) {
        // as a new article
        Map<String, Object> fresh = deepCopy(validInput(uniqueUrl()));
        breaking.accept(fresh);
        Json before = totals();
        error("ingestArticle", vars("input", fresh), code, mentioned);
        assertEquals(before.toString(), totals().toString(), "a rejected new article changes nothing");

        // as a replacement of a stored article
        String url = uniqueUrl();
        String id = articles.ingest(validInput(url)).getString("id");
        Json stored = ok("article", "id", id);
        Json beforeReplace = totals();
        Map<String, Object> replacement = deepCopy(validInput(url));
        replacement.put("body", replacement.get("body") + " A later paragraph.");
        breaking.accept(replacement);
        error("ingestArticle", vars("input", replacement), code, mentioned);
        assertEquals(stored.toString(), ok("article", "id", id).toString(), "a rejected re-ingest leaves the article as it was");
        assertEquals(beforeReplace.toString(), totals().toString(), "a rejected re-ingest changes nothing");
        assertEquals(true, ok("deleteArticle", "id", id).getBoolean("deleteArticle"));
    }

    private Json totals() {
        Json totals = ok("totals", "text", token);
        assertThat(totals.toString(), containsString("totalCount"));
        return totals;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
