package org.allegationatlas.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/**
 * The extraction's evaluation ({@link Evaluation}), run in CI: its table is printed, and the figures
 * on the test splits may not fall below those reported in docs/extraction.md (tuning looked at the
 * dev splits only). The seed article keeps allegation precision and recall of at least 0.8, and its claims in the
 * publisher's voice stay proposed; what extractArticle stores of PLOVER sentences keeps its figures, at most two
 * claims per sentence on average.
 */
class ExtractionQualityTest {

    /** The test-split figures reported in docs/extraction.md (to two places, rounded down): a floor, not a target. */
    static final double EN_FULL_TEST = 0.92; // 23 of 25
    static final double EN_PAIR_TEST = 1.00; // 14 of 14
    static final double ID_FULL_TEST = 0.81; // 18 of 22 (0.818), rounded down
    static final double ID_ACCUSATIONS_TEST = 0.78; // 11 of 14 (0.786)
    static final double PLOVER_PAIR_TEST = 0.78; // 45 of 57 (0.789), rounded down
    /** What extractArticle stores of PLOVER sentences sent with a publisher (issue 21's measure). */
    // 41 and 22 since an outlet states only acts between parties (docs/extraction.md, "Unseen general news"): one
    // reported act fewer stored, for half as many statements of nothing on unseen general news
    static final double PLOVER_STORED_TEST = 0.71; // 41 of 57 (0.719)
    static final double PLOVER_STORED_STATEMENTS_TEST = 0.82; // 19 of 23 (0.826)
    static final double PLOVER_STORED_ACTS_TEST = 0.64; // 22 of 34 (0.647)
    /** Real Indonesian news sentences (news-id.tsv, idner-news-2k), fully right in what extractArticle stores: 3 of 5. */
    static final double ID_NEWS_TEST = 0.60;
    /** No spraying of role permutations: at most this many stored claims per sentence on average. */
    static final double STORED_CLAIMS_PER_SENTENCE_MAX = 2.0;
    static final double OWN_ALLEGATIONS_P = 0.84; // 11 of 13 (0.846)
    static final double OWN_ALLEGATIONS_R = 0.68; // 11 of 16 (0.688)
    /** The seed's claims in the publisher's own voice (Republika, MEDIA) that are proposed: 8 of its 12. */
    static final double SEED_PUBLISHER_R = 0.66;

    private static Evaluation.Report report;

    @Test
    void seedAllegationsAreFound() {
        Evaluation.Row seed = report().row(Evaluation.SEED_ALLEGATIONS, "dev");
        assertTrue(seed.precision() >= 0.8 && seed.rate() >= 0.8, "seed allegations: " + seed);
        Evaluation.Row publisher = report().row(Evaluation.SEED_PUBLISHER, "dev");
        assertTrue(publisher.rate() >= SEED_PUBLISHER_R - 1e-9, "the seed's claims in its publisher's voice: " + publisher);
    }

    @Test
    void annotatedSentencesHoldTheirReportedFigures() {
        assertAtLeast(Evaluation.EN_FULL, EN_FULL_TEST);
        assertAtLeast(Evaluation.EN_PAIR, EN_PAIR_TEST);
        assertAtLeast(Evaluation.ID_FULL, ID_FULL_TEST);
        assertAtLeast(Evaluation.ID_ACCUSATIONS, ID_ACCUSATIONS_TEST);
        assertAtLeast(Evaluation.ID_NEWS, ID_NEWS_TEST);
        Evaluation.Row own = report().row(Evaluation.OWN_ALLEGATIONS, "test");
        assertTrue(own.precision() >= OWN_ALLEGATIONS_P && own.rate() >= OWN_ALLEGATIONS_R, "own articles: " + own);
    }

    @Test
    void ploverPairsHoldTheirReportedFigure() {
        assumeTrue(Files.isRegularFile(Evaluation.PLOVER), "PLOVER data not found at " + Evaluation.PLOVER.toAbsolutePath());
        assertAtLeast(Evaluation.PLOVER_PAIR, PLOVER_PAIR_TEST);
    }

    @Test
    void whatIsStoredOfPloverHoldsItsReportedFiguresWithoutSpraying() {
        assumeTrue(Files.isRegularFile(Evaluation.PLOVER), "PLOVER data not found at " + Evaluation.PLOVER.toAbsolutePath());
        assertAtLeast(Evaluation.PLOVER_STORED, PLOVER_STORED_TEST);
        assertAtLeast(Evaluation.PLOVER_STORED_STATEMENTS, PLOVER_STORED_STATEMENTS_TEST);
        assertAtLeast(Evaluation.PLOVER_STORED_ACTS, PLOVER_STORED_ACTS_TEST);
        for (String split : new String[] { "dev", "test" }) {
            Evaluation.Row perSentence = report().row(Evaluation.PLOVER_STORED_PER_SENTENCE, split);
            assertTrue(perSentence.rate() <= STORED_CLAIMS_PER_SENTENCE_MAX, "stored claims per sentence: " + perSentence);
        }
    }

    private static void assertAtLeast(String dataset, double floor) {
        Evaluation.Row row = report().row(dataset, "test");
        assertTrue(row.rate() >= floor - 1e-9, dataset + " on the test split fell below " + floor + ": " + row);
    }

    private static synchronized Evaluation.Report report() {
        if (report == null) {
            Evaluation evaluation = Evaluation.standalone();
            report = evaluation.evaluate(false);
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            evaluation.print(report, new PrintStream(table, true, StandardCharsets.UTF_8));
            System.out.println(table.toString(StandardCharsets.UTF_8));
        }
        return report;
    }
}
