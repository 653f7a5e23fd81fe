package org.allegationatlas.export;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * Writes the whole database as JSON Lines, one ArticleInput per line: the shape {@code import}
 * and {@code ingestArticle} read, so that importing an export into an empty database gives back
 * every article, actor, alias and claim (ids aside). Each line names the actors of its claims
 * with all their aliases, quotes with their offsets, claims with their origin, confidence and explanation,
 * and answers through claim keys. Actors that no claim names (their articles were deleted) ride
 * along with the first line.
 * <p>
 * Read page by page in article-id order, all from one snapshot (a read-only repeatable-read
 * transaction), so a write during the export is either wholly in it or not at all, and memory
 * holds one page.
 */
@ApplicationScoped
public class ArticleExport {

    private static final int IN_LIST = 500;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "atlas.export.page-size", defaultValue = "200")
    int pageSize;

    /** Receives the lines, each a complete JSON object without its line break. */
    @FunctionalInterface
    public interface Lines {
        void write(String line) throws IOException;
    }

    public record Summary(long articles, long claims, long actors, long droppedResponses, long nanos) {

        public String describe() {
            double s = Math.max(nanos / 1e9, 1e-9);
            return String.format("%,d articles (%,d claims, %,d actors) in %.1f s: %,.0f articles/s", articles, claims, actors, s,
                    articles / s) + (droppedResponses == 0 ? ""
                            : String.format("; %,d answers to claims of another article are not expressible and were left out",
                                    droppedResponses));
        }
    }

    private record ArticleRow(long id, String url, String title, String publisher, String language, LocalDate publishedOn,
            String dateline, String body) {
    }

    private record ActorRow(long id, String name, String kind, String country, String title, List<String[]> aliases) {
    }

    private record ClaimRow(long id, long articleId, long claimant, long subject, Long counterparty, Long place, String stance,
            String category, String summary, String quote, int quoteStart, LocalDate statedOn, String precision, Long respondsTo,
            String origin, Double confidence, String explanation) {

        void addActorsTo(Set<Long> ids) {
            ids.add(claimant);
            ids.add(subject);
            if (counterparty != null) {
                ids.add(counterparty);
            }
            if (place != null) {
                ids.add(place);
            }
        }
    }

    public Summary writeAll(Lines out) throws SQLException, IOException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Summary summary = export(connection, out, started);
                connection.rollback();
                return summary;
            } finally {
                if (!connection.isClosed()) {
                    connection.rollback();
                    connection.setTransactionIsolation(isolation);
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
    }

    private Summary export(Connection connection, Lines out, long started) throws SQLException, IOException {
        Set<Long> actorsWritten = new TreeSet<>();
        Set<Long> orphans = orphanActors(connection);
        long articles = 0;
        long claims = 0;
        long dropped = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement page = connection.prepareStatement("select id, url, title, publisher, language, published_on, dateline, body"
                + " from article where id > ? order by id fetch first " + pageSize + " rows only")) {
            while (true) {
                page.setLong(1, after);
                List<ArticleRow> rows = new ArrayList<>();
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        rows.add(new ArticleRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getObject(6, LocalDate.class), r.getString(7), r.getString(8)));
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                long first = rows.get(0).id();
                after = rows.get(rows.size() - 1).id();
                Map<Long, List<ClaimRow>> claimsByArticle = claimsOf(connection, first, after);
                Set<Long> actorIds = new LinkedHashSet<>();
                claimsByArticle.values().forEach(list -> list.forEach(c -> c.addActorsTo(actorIds)));
                if (articles == 0) {
                    actorIds.addAll(orphans);
                }
                Map<Long, ActorRow> actors = actors(connection, actorIds);
                for (ArticleRow article : rows) {
                    List<ClaimRow> own = claimsByArticle.getOrDefault(article.id(), List.of());
                    Set<Long> named = new TreeSet<>(); // in id order: an import creates them in the order they were created
                    own.forEach(c -> c.addActorsTo(named));
                    if (articles == 0) {
                        named.addAll(orphans);
                    }
                    Set<Long> ownIds = own.stream().map(ClaimRow::id).collect(Collectors.toSet());
                    dropped += own.stream().filter(c -> c.respondsTo() != null && !ownIds.contains(c.respondsTo())).count();
                    out.write(line(article, named.stream().map(actors::get).toList(), own, ownIds));
                    actorsWritten.addAll(named);
                    articles++;
                    claims += own.size();
                }
            }
        }
        return new Summary(articles, claims, actorsWritten.size(), dropped, System.nanoTime() - started);
    }

    /** Actors that no claim names: their articles were deleted, but they are still found by search. */
    private static Set<Long> orphanActors(Connection connection) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet r = statement.executeQuery("select a.id from actor a where"
                        + " not exists (select 1 from claim c where c.claimant_id = a.id)"
                        + " and not exists (select 1 from claim c where c.subject_id = a.id)"
                        + " and not exists (select 1 from claim c where c.counterparty_id = a.id)"
                        + " and not exists (select 1 from claim c where c.place_id = a.id) order by a.id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static Map<Long, List<ClaimRow>> claimsOf(Connection connection, long firstArticle, long lastArticle) throws SQLException {
        Map<Long, List<ClaimRow>> claims = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select id, article_id, claimant_id, subject_id, counterparty_id,"
                + " place_id, stance, category, summary, quote, quote_start, stated_on, stated_on_precision, responds_to_id, origin,"
                + " confidence, explanation from claim where article_id between ? and ? order by article_id, id")) {
            statement.setLong(1, firstArticle);
            statement.setLong(2, lastArticle);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    ClaimRow claim = new ClaimRow(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getObject(5, Long.class),
                            r.getObject(6, Long.class), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getInt(11),
                            r.getObject(12, LocalDate.class), r.getString(13), r.getObject(14, Long.class), r.getString(15), r.getObject(16, Double.class), r.getString(17));
                    claims.computeIfAbsent(claim.articleId(), k -> new ArrayList<>()).add(claim);
                }
            }
        }
        return claims;
    }

    private static Map<Long, ActorRow> actors(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, ActorRow> actors = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            String in = all.subList(from, Math.min(all.size(), from + IN_LIST)).stream().map(String::valueOf)
                    .collect(Collectors.joining(",", "(", ")"));
            Map<Long, List<String[]>> aliases = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet r = statement.executeQuery("select actor_id, name, language from actor_alias where actor_id in " + in
                            + " order by actor_id, id")) {
                while (r.next()) {
                    aliases.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new String[] { r.getString(2), r.getString(3) });
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet r = statement.executeQuery("select id, name, kind, country_code, title from actor where id in " + in)) {
                while (r.next()) {
                    long id = r.getLong(1);
                    String country = r.getString(4);
                    actors.put(id, new ActorRow(id, r.getString(2), r.getString(3), country == null ? null : country.trim(),
                            r.getString(5), aliases.getOrDefault(id, List.of())));
                }
            }
        }
        return actors;
    }

    /** One ArticleInput as JSON, in the contract's field order; absent values are left out. */
    private static String line(ArticleRow article, List<ActorRow> actors, List<ClaimRow> claims, Set<Long> claimIds) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(text)) {
            json.writeStartObject();
            json.write("url", article.url());
            optional(json, "title", article.title());
            optional(json, "publisher", article.publisher());
            json.write("language", article.language());
            if (article.publishedOn() != null) {
                json.write("publishedOn", article.publishedOn().toString());
            }
            optional(json, "dateline", article.dateline());
            json.write("body", article.body());
            json.writeStartArray("actors");
            for (ActorRow actor : actors) {
                json.writeStartObject();
                json.write("key", "a" + actor.id());
                json.write("name", actor.name());
                json.write("kind", actor.kind());
                optional(json, "country", actor.country());
                optional(json, "title", actor.title());
                if (!actor.aliases().isEmpty()) {
                    json.writeStartArray("aliases");
                    for (String[] alias : actor.aliases()) {
                        json.writeStartObject();
                        json.write("name", alias[0]);
                        optional(json, "language", alias[1]);
                        json.writeEnd();
                    }
                    json.writeEnd();
                }
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("claims");
            for (ClaimRow claim : claims) {
                json.writeStartObject();
                json.write("key", "c" + claim.id());
                json.write("claimant", "a" + claim.claimant());
                json.write("subject", "a" + claim.subject());
                if (claim.counterparty() != null) {
                    json.write("counterparty", "a" + claim.counterparty());
                }
                if (claim.place() != null) {
                    json.write("place", "a" + claim.place());
                }
                json.write("stance", claim.stance());
                json.write("category", claim.category());
                json.write("summary", claim.summary());
                json.write("quote", claim.quote());
                json.write("quoteStart", claim.quoteStart());
                if (claim.statedOn() != null) {
                    json.write("statedOn", claim.statedOn().toString());
                    optional(json, "statedOnPrecision", claim.precision());
                }
                if (claim.respondsTo() != null && claimIds.contains(claim.respondsTo())) {
                    json.write("respondsTo", "c" + claim.respondsTo());
                }
                if (claim.confidence() != null) {
                    json.write("confidence", claim.confidence());
                }
                optional(json, "explanation", claim.explanation());
                json.write("origin", claim.origin());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
        }
        return text.toString();
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }
}
