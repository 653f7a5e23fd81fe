package org.allegationatlas.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.allegationatlas.actor.ActorRef;
import org.allegationatlas.actor.BulkActors;
import org.allegationatlas.article.ArticleEntity;
import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.ClaimEntity;
import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.claim.ClaimTally;
import org.allegationatlas.claim.ClaimsStored;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.common.WriteLock;
import org.allegationatlas.common.data.SequenceIds;
import org.allegationatlas.country.Countries;
import org.allegationatlas.ingest.IngestService.CheckedArticle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * {@link IngestService#store} for a batch of a bulk import: the same rows with the same ids, written with JDBC
 * batches (a statement per table and batch, not per row, and no persistence context), the batch's stored articles
 * read with one query and its actors resolved with one ({@link BulkActors}). Through Hibernate, a 200,000-article
 * import spent more time in flushes and per-actor queries than H2 spent storing rows.
 */
@ApplicationScoped
public class BulkStore {

    private static final String INSERT_ARTICLE = "insert into article (id, url, title, publisher, language, published_on, dateline,"
            + " body, body_hash, content_hash, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_ARTICLE = "update article set url = ?, title = ?, publisher = ?, language = ?,"
            + " published_on = ?, dateline = ?, body = ?, body_hash = ?, content_hash = ?, ingested_at = ? where id = ?";
    private static final String INSERT_CLAIM = "insert into claim (id, article_id, claimant_id, subject_id, counterparty_id,"
            + " place_id, claimant_country, subject_country, counterparty_country, place_country, stance, category, summary,"
            + " quote, quote_start, quote_end, stated_on, stated_on_precision, responds_to_id, origin, confidence, explanation)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;
    @Inject
    Countries countries;
    @Inject
    BulkActors actors;
    @Inject
    Event<ClaimsStored> claimsStored;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** What a batch wrote: its claims for the counts ({@link ClaimTally}) once it commits; replaced articles if any. */
    public static final class Written {
        private final List<ClaimEntity> claims = new ArrayList<>();
        private final List<String> languages = new ArrayList<>();
        private final BitSet leftToTally = new BitSet(); // claims that no trigger counted: the import's tally counts them
        private final List<DeletedClaim> deletedUncounted = new ArrayList<>(); // replaced articles' claims, likewise
        private boolean replaced;

        /** Whether an article was replaced: its old claims left the counts, which a tally cannot follow. */
        public boolean replaced() {
            return replaced;
        }

        /** Adds the claims that the batch left to the import's tally (see {@link BulkStore#store}), and takes out those it deleted. */
        public void countInto(ClaimTally tally) {
            countInto(tally, leftToTally);
            for (DeletedClaim c : deletedUncounted) {
                tally.remove(c.stance(), c.category(), c.statedOn(), c.subjectCountry(), c.claimantCountry(), c.language());
            }
        }

        private void countInto(ClaimTally tally, BitSet which) {
            for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
                ClaimEntity c = claims.get(i);
                tally.add(c.stance, c.category, c.statedOn, c.subjectCountry, c.claimantCountry, languages.get(i));
            }
        }
    }

    private record Existing(long id, String contentHash) {
    }

    /**
     * A checked article with what storing it needs that depends on it alone: its actors as {@link BulkActors} takes them
     * (countries as codes, names normalized) and its body's hash. {@link #prepare} makes it; the bulk import does so on
     * its reading thread, so that the thread that stores the batches (the import's slower half) does not.
     */
    public record Prepared(CheckedArticle article, List<BulkActors.Named> actors, String bodyHash) {
    }

    /** The article prepared for {@link #store}: touches no database, so any thread may call it. */
    public Prepared prepare(CheckedArticle article) {
        List<BulkActors.Named> named = new ArrayList<>();
        article.actorsByKey().forEach((key, a) -> named.add(new BulkActors.Named(a.name(), a.kind(),
                countries.requireCode(a.country(), "actor " + key + ".country"), a.title(), IngestService.aliasesOf(a))));
        return new Prepared(article, List.copyOf(named), ContentHash.ofBody(article.input().body()));
    }

    /** A claim of a replaced article, as it was counted (its article's language then). */
    private record DeletedClaim(Stance stance, ClaimCategory category, LocalDate statedOn, String subjectCountry,
            String claimantCountry, String language) {
    }

    /**
     * Stores the checked articles in order, in the caller's transaction, as {@link IngestService#store} would one by one.
     * With {@code tallied}, the caller counts the claims for the map itself ({@link Written#countInto}, then
     * ClaimCountsRefill or UncountedImports): on H2 the command-line import has deferred the counts, so every claim is
     * left to it; on PostgreSQL too (V11 tells the triggers), with the claims of the articles it replaces read before
     * they are deleted, to be taken out of the tally. Without it, on PostgreSQL each part that replaces no article adds
     * its own tally before it commits, and the triggers count a part that does; on H2 the triggers count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written store(List<Prepared> batch, ClaimOrigin origin, boolean tallied) {
        WriteLock.acquire(em);
        Written written = new Written();
        em.unwrap(Session.class).doWork(connection -> {
            // an url twice in a batch: the second replaces the first, as one by one; so each part holds an url once
            Map<String, Prepared> part = new LinkedHashMap<>();
            for (Prepared article : batch) {
                String url = article.article().input().url().trim();
                if (part.containsKey(url)) {
                    store(connection, List.copyOf(part.values()), origin, tallied, written);
                    part.clear();
                }
                part.put(url, article);
            }
            store(connection, List.copyOf(part.values()), origin, tallied, written);
        });
        claimsStored.fire(new ClaimsStored(written.claims));
        return written;
    }

    private void store(Connection connection, List<Prepared> batch, ClaimOrigin origin, boolean tallied, Written written)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Existing> existing = existing(connection, batch);
        List<Prepared> changed = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Long> replaced = new ArrayList<>();
        SequenceIds articleIds = SequenceIds.of(em, ArticleEntity.class);
        for (Prepared article : batch) {
            Existing stored = existing.get(article.article().input().url().trim());
            if (stored != null && IngestService.storedHash(article.article(), origin).equals(stored.contentHash())) {
                continue; // the very same input again: nothing to change
            }
            changed.add(article);
            ids.add(stored == null ? articleIds.next() : stored.id());
            if (stored != null) {
                replaced.add(stored.id());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        boolean postgresql = "postgresql".equals(dbKind);
        // PostgreSQL: the writer counts its own claims, with a statement per count row rather than V8's triggers'
        // statements per claim; other writers' triggers go on counting theirs (V11). Outside a tallied import, a part
        // that replaces articles leaves it to the triggers, which follow the claims it deletes.
        boolean countedByWriter = postgresql && (tallied || replaced.isEmpty());
        if (countedByWriter) {
            countedByWriter(connection, true);
        }
        if (!replaced.isEmpty()) {
            written.replaced = true;
            if (countedByWriter) {
                written.deletedUncounted.addAll(claimsOf(connection, replaced));
            }
            deleteClaimsOf(connection, replaced);
        }

        List<BulkActors.Named> named = new ArrayList<>();
        for (Prepared article : changed) {
            named.addAll(article.actors());
        }
        List<ActorRef> refs = actors.findOrCreateAll(connection, named);

        int firstClaim = written.claims.size();
        writeArticles(connection, changed, ids, replaced, origin);
        writeClaims(connection, changed, ids, refs, origin, written);
        BitSet ours = new BitSet();
        ours.set(firstClaim, written.claims.size());
        if (tallied) {
            written.leftToTally.or(ours); // counted by the caller once the import ends
            if (countedByWriter) {
                countedByWriter(connection, false);
            }
        } else if (countedByWriter) {
            ClaimTally tally = new ClaimTally();
            written.countInto(tally, ours);
            if (tally.usable()) {
                tally.addTo(connection);
            } else {
                countOneByOne(connection, written.claims.subList(firstClaim, written.claims.size()));
            }
            countedByWriter(connection, false);
        }
    }

    /** Tells V11's triggers, for the rest of this transaction or until called again, that this writer counts its claims. */
    private static void countedByWriter(Connection connection, boolean on) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('atlas.claims_counted_by_writer', ?, true)")) {
            statement.setString(1, on ? "on" : "off");
            statement.executeQuery().close();
        }
    }

    /** Claims a tally cannot hold (see ClaimTally), counted as V8's trigger counts them. */
    private static void countOneByOne(Connection connection, List<ClaimEntity> claims) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(atlas_count_claim(c, (select a.language"
                + " from article a where a.id = c.article_id), 1)) from claim c where c.id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("BIGINT", claims.stream().map(c -> c.id).toArray()));
            statement.executeQuery().close();
        }
    }

    /** The stored articles of the batch's urls, with one query. */
    private static Map<String, Existing> existing(Connection connection, List<Prepared> batch) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select id, url, content_hash from article where url = any(?)")) {
            query.setArray(1, connection.createArrayOf("VARCHAR", batch.stream().map(a -> a.article().input().url().trim()).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(2), new Existing(rows.getLong(1), rows.getString(3)));
                }
            }
        }
        return found;
    }

    /** The claims of these articles, as the counts hold them. */
    private static List<DeletedClaim> claimsOf(Connection connection, List<Long> articleIds) throws SQLException {
        List<DeletedClaim> claims = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select c.stance, c.category, c.stated_on, c.subject_country,"
                + " c.claimant_country, a.language from claim c join article a on a.id = c.article_id where c.article_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("BIGINT", articleIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    claims.add(new DeletedClaim(Stance.valueOf(rows.getString(1)), ClaimCategory.valueOf(rows.getString(2)),
                            rows.getObject(3, LocalDate.class), rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        return claims;
    }

    private static void deleteClaimsOf(Connection connection, List<Long> articleIds) throws SQLException {
        java.sql.Array ids = connection.createArrayOf("BIGINT", articleIds.toArray());
        // the answers among them loosened first, so that no reference dangles (ArticleService.deleteClaimsOf)
        for (String sql : new String[] { "update claim set responds_to_id = null where article_id = any(?)",
                "delete from claim where article_id = any(?)" }) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, ids);
                statement.executeUpdate();
            }
        }
    }

    private static void writeArticles(Connection connection, List<Prepared> changed, List<Long> ids, List<Long> replaced,
            ClaimOrigin origin) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ARTICLE);
                PreparedStatement update = connection.prepareStatement(UPDATE_ARTICLE)) {
            boolean inserts = false;
            boolean updates = false;
            for (int i = 0; i < changed.size(); i++) {
                CheckedArticle article = changed.get(i).article();
                ArticleInput input = article.input();
                boolean isNew = !replaced.contains(ids.get(i));
                PreparedStatement statement = isNew ? insert : update;
                int at = 1;
                if (isNew) {
                    statement.setLong(at++, ids.get(i));
                }
                statement.setString(at++, input.url().trim());
                statement.setString(at++, input.title());
                statement.setString(at++, input.publisher());
                statement.setString(at++, article.language());
                statement.setObject(at++, input.publishedOn(), Types.DATE);
                statement.setString(at++, input.dateline());
                statement.setString(at++, input.body());
                statement.setString(at++, changed.get(i).bodyHash());
                statement.setString(at++, IngestService.storedHash(article, origin));
                statement.setObject(at++, now);
                if (!isNew) {
                    statement.setLong(at, ids.get(i));
                }
                statement.addBatch();
                inserts |= isNew;
                updates |= !isNew;
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
        }
    }

    private void writeClaims(Connection connection, List<Prepared> changed, List<Long> articleIds, List<ActorRef> refs,
            ClaimOrigin origin, Written written) throws SQLException {
        SequenceIds claimIds = SequenceIds.of(em, ClaimEntity.class);
        List<long[]> answersLater = new ArrayList<>(); // a claim that answers one stored after it: set once both are in
        int actor = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CLAIM)) {
            for (int a = 0; a < changed.size(); a++) {
                CheckedArticle article = changed.get(a).article();
                ArticleInput input = article.input();
                Map<String, ActorRef> stored = new HashMap<>();
                for (String key : article.actorsByKey().keySet()) {
                    stored.put(key, refs.get(actor++));
                }
                Map<String, Integer> indexByKey = new HashMap<>();
                for (int i = 0; i < input.claims().size(); i++) {
                    if (input.claims().get(i).key() != null) {
                        indexByKey.put(input.claims().get(i).key(), i);
                    }
                }
                List<ClaimEntity> claims = new ArrayList<>();
                for (int i = 0; i < input.claims().size(); i++) {
                    ClaimEntity claim = IngestService.newClaim(input.claims().get(i), article.quoteStarts().get(i), articleIds.get(a),
                            stored, origin);
                    claim.id = claimIds.next();
                    claims.add(claim);
                }
                for (int i = 0; i < claims.size(); i++) {
                    ClaimEntity claim = claims.get(i);
                    String respondsTo = input.claims().get(i).respondsTo();
                    if (respondsTo != null) {
                        int target = indexByKey.get(respondsTo);
                        if (target < i) {
                            claim.respondsToId = claims.get(target).id;
                        } else {
                            answersLater.add(new long[] { claim.id, claims.get(target).id });
                        }
                    }
                    bind(insert, claim);
                    insert.addBatch();
                    written.claims.add(claim);
                    written.languages.add(article.language());
                }
            }
            insert.executeBatch();
        }
        if (!answersLater.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("update claim set responds_to_id = ? where id = ?")) {
                for (long[] answer : answersLater) {
                    update.setLong(1, answer[1]);
                    update.setLong(2, answer[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement insert, ClaimEntity claim) throws SQLException {
        insert.setLong(1, claim.id);
        insert.setLong(2, claim.articleId);
        insert.setLong(3, claim.claimantId);
        insert.setLong(4, claim.subjectId);
        insert.setObject(5, claim.counterpartyId, Types.BIGINT);
        insert.setObject(6, claim.placeId, Types.BIGINT);
        insert.setString(7, claim.claimantCountry);
        insert.setString(8, claim.subjectCountry);
        insert.setString(9, claim.counterpartyCountry);
        insert.setString(10, claim.placeCountry);
        insert.setString(11, claim.stance.name());
        insert.setString(12, claim.category.name());
        insert.setString(13, claim.summary);
        insert.setString(14, claim.quote);
        insert.setInt(15, claim.quoteStart);
        insert.setInt(16, claim.quoteEnd);
        insert.setObject(17, claim.statedOn, Types.DATE);
        insert.setString(18, claim.statedOnPrecision == null ? null : claim.statedOnPrecision.name());
        insert.setObject(19, claim.respondsToId, Types.BIGINT);
        insert.setString(20, claim.origin.name());
        insert.setObject(21, claim.confidence, Types.DOUBLE);
        insert.setString(22, claim.explanation);
    }
}
