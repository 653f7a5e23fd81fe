package org.allegationatlas.extract;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.data.JdbcReads;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.IngestService;
import org.allegationatlas.ingest.IngestService.CheckedArticle;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code reextract}: runs extraction again over the stored articles' text (after the extractor improved), replacing
 * their extracted claims, and says what changed. Articles with curated claims, or stored by hand (ingestArticle, import),
 * are left alone: a person's reading is worth more than a guess. Articles whose extraction gives the same claims are
 * not written. Reads the articles by id, a hundred at a time; each hundred's changes in one transaction.
 */
@ApplicationScoped
public class ReextractCommand {

    private static final Logger LOG = Logger.getLogger(ReextractCommand.class);
    private static final int BATCH = 100;
    private static final int BATCH_TIMEOUT_SECONDS = 24 * 3600;

    @Inject
    Extractor extractor;
    @Inject
    IngestService ingest;
    @Inject
    JdbcReads reads;

    private record Stored(long id, RawArticleInput raw, String contentHash, int claims) {
    }

    private record Change(String url, int before, int after, CheckedArticle checked) {
    }

    public int run(PrintStream out) {
        long started = System.nanoTime();
        boolean terminal = System.console() != null;
        String eol = terminal ? "\r\033[K" : "";
        long read = 0;
        long changed = 0;
        long claimsBefore = 0;
        long claimsAfter = 0;
        long conflicts = 0;
        long failed = 0;
        long lastShown = 0;
        long after = Long.MIN_VALUE;
        for (List<Stored> batch = next(after); !batch.isEmpty(); batch = next(after)) {
            after = batch.get(batch.size() - 1).id();
            List<Change> changes = new ArrayList<>();
            for (Stored article : batch) {
                read++;
                try {
                    ArticleInput input = extractor.extract(article.raw()).storable();
                    CheckedArticle checked = ingest.check(input);
                    if (!(checked.contentHash() + ":" + ClaimOrigin.EXTRACTED).equals(article.contentHash())) {
                        changes.add(new Change(article.raw().url(), article.claims(), input.claims().size(), checked));
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warnf(e, "reextract: %s", article.raw().url());
                    out.printf("%s%s: not extracted: %s%n", eol, article.raw().url(), e.getMessage());
                }
            }
            for (Change change : changes) {
                try {
                    // the curated-claims rule again, under the write lock: a curator may have stored some meanwhile
                    QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                            .run(() -> ingest.ingest(change.checked().input(), ClaimOrigin.EXTRACTED, false));
                    changed++;
                    claimsBefore += change.before();
                    claimsAfter += change.after();
                    out.printf("%s%s: %d claim%s -> %d%n", eol, change.url(), change.before(), change.before() == 1 ? "" : "s",
                            change.after());
                } catch (ApiException e) {
                    conflicts++;
                    out.printf("%s%s: left alone: %s%n", eol, change.url(), e.getMessage());
                }
            }
            long now = System.nanoTime();
            if (now - lastShown > (terminal ? 500_000_000L : 2_000_000_000L)) {
                lastShown = now;
                out.printf("%s%,d articles read again, %,d changed%s", eol, read, changed, terminal ? "" : System.lineSeparator());
            }
        }
        long curated = ((Number) reads.list("select count(*) from article a where " + HAND_MADE, List.of(), 1, row -> row.getLong(1))
                .get(0)).longValue();
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        out.printf("%sRe-extracted %,d articles in %.1f s: %,d changed (%,d claims before, %,d after), %,d unchanged%s; "
                + "%,d with curated claims left alone%n", eol, read, seconds, changed, claimsBefore, claimsAfter,
                read - changed - failed - conflicts, failed + conflicts == 0 ? "" : String.format(", %,d not re-extracted", failed + conflicts),
                curated + conflicts);
        return failed == 0 ? 0 : 1;
    }

    /** Stored by hand (its last store's origin) or holding a curated claim. */
    private static final String HAND_MADE = "(a.content_hash like '%:" + ClaimOrigin.CURATED + "' or exists (select 1 from claim c"
            + " where c.article_id = a.id and c.origin = '" + ClaimOrigin.CURATED + "'))";

    private List<Stored> next(long after) {
        return reads.list("select a.id, a.url, a.title, a.publisher, a.language, a.published_on, a.dateline, a.body, a.content_hash,"
                + " (select count(*) from claim c where c.article_id = a.id) from article a where a.id > ? and not " + HAND_MADE
                + " order by a.id", List.of(after), BATCH,
                row -> new Stored(row.getLong(1), new RawArticleInput(row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getObject(6, LocalDate.class), row.getString(7), row.getString(8)),
                        row.getString(9), row.getInt(10)));
    }
}
