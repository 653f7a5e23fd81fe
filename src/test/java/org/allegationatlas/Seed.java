package org.allegationatlas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;



/**
 * The hand-annotated seed article as its JSON file says it, loaded at every start (also in
 * tests): what the API must serve, read from the same file so that tests follow the seed.
 */
public final class Seed {

    public static final String RESOURCE = "seed/000_671a98246944ff06.json";

    public record Actor(String key, String name, String kind, String country, String title, List<Map<String, String>> aliases) {
        public Set<String> aliasNames() {
            return aliases.stream().map(a -> a.get("name")).collect(Collectors.toSet());
        }
    }

    public record Claim(String key, Actor claimant, Actor subject, Actor counterparty, Actor place, String stance,
            String category, String summary, String quote, String statedOn, String respondsTo) {

        /** Countries of the parties, alpha-2, null when there is no such party or it has none. */
        public String claimantCountry() {
            return claimant.country();
        }

        public String subjectCountry() {
            return subject.country();
        }

        public String counterpartyCountry() {
            return counterparty == null ? null : counterparty.country();
        }

        public boolean isAllegation() {
            return "ALLEGES".equals(stance);
        }

        public Stream<Actor> parties() {
            return Stream.of(claimant, subject, counterparty, place).filter(Objects::nonNull);
        }
    }

    private static final Json JSON = Json.parse(read());
    private static final Map<String, Actor> ACTORS = readActors();
    private static final List<Claim> CLAIMS = readClaims();

    private Seed() {
    }

    public static String url() {
        return JSON.getString("url");
    }

    public static String publisher() {
        return JSON.getString("publisher");
    }

    public static String title() {
        return JSON.getString("title");
    }

    public static String language() {
        return JSON.getString("language");
    }

    public static String publishedOn() {
        return JSON.getString("publishedOn");
    }

    public static String dateline() {
        return JSON.getString("dateline");
    }

    public static String body() {
        return JSON.getString("body");
    }

    /** The id the API gives the seed article (looked up by its url). */
    public static String articleId() {
        Json data = GraphQL.ok("articles", "filter", Map.of("publisher", publisher(), "language", language()), "first", 100);
        List<Map<String, Object>> nodes = data.getList("articles.edges.node");
        List<Object> ids = nodes.stream().filter(n -> url().equals(n.get("url"))).map(n -> n.get("id")).toList();
        if (ids.size() != 1) {
            throw new AssertionError("the seed article " + url() + " must be stored once, found " + ids);
        }
        return (String) ids.get(0);
    }

    public static Map<String, Actor> actorsByKey() {
        return ACTORS;
    }

    public static Actor actor(String key) {
        return Objects.requireNonNull(ACTORS.get(key), key);
    }

    public static List<Claim> claims() {
        return CLAIMS;
    }

    public static Claim claim(String key) {
        return CLAIMS.stream().filter(c -> key.equals(c.key())).findFirst().orElseThrow();
    }

    /** Seed claims by summary (summaries are distinct in the seed). */
    public static Map<String, Claim> claimsBySummary() {
        return CLAIMS.stream().collect(Collectors.toMap(Claim::summary, c -> c));
    }

    private static Map<String, Actor> readActors() {
        Map<String, Actor> actors = new LinkedHashMap<>();
        List<Map<String, Object>> list = JSON.getList("actors");
        for (Map<String, Object> a : list) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> aliases = (List<Map<String, String>>) a.getOrDefault("aliases", List.of());
            actors.put((String) a.get("key"), new Actor((String) a.get("key"), (String) a.get("name"), (String) a.get("kind"),
                    (String) a.get("country"), (String) a.get("title"), aliases == null ? List.of() : aliases));
        }
        return actors;
    }

    private static List<Claim> readClaims() {
        List<Map<String, Object>> list = JSON.getList("claims");
        return list.stream().map(c -> new Claim((String) c.get("key"), ACTORS.get((String) c.get("claimant")),
                ACTORS.get((String) c.get("subject")), ACTORS.get((String) c.get("counterparty")),
                ACTORS.get((String) c.get("place")), (String) c.get("stance"), (String) c.get("category"),
                (String) c.get("summary"), (String) c.get("quote"), (String) c.get("statedOn"), (String) c.get("respondsTo")))
                .toList();
    }

    private static String read() {
        try (InputStream in = Seed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
