package org.allegationatlas.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The extractor meets its quality targets, measured by {@link Evaluation} and printed as a table:
 * on the seed article's curated allegations (claimant country, subject country, stance) precision
 * and recall of at least 0.8; on the PLOVER sentences whose source and target are countries, the
 * source -> target pair found for at least 70% (skipped when the third-party file is absent).
 */
@QuarkusTest
class ExtractionQualityTest {

    static final Path PLOVER = Path.of("../shared/eval/plover-gsr-part.json");
    static final Path OWN_ARTICLES = Path.of("src/test/resources/extract/articles");

    private static Evaluation.Report report;

    @Inject
    Evaluation evaluation;

    @Test
    void seedAllegationsAreFound() {
        Evaluation.Row seed = report().row(Evaluation.SEED_ALLEGATIONS);
        assertTrue(seed.precision() >= Evaluation.SEED_TARGET, "precision on the seed's allegations: " + seed);
        assertTrue(seed.recall() >= Evaluation.SEED_TARGET, "recall on the seed's allegations: " + seed);
    }

    @Test
    void ploverCountryPairsAreFound() {
        assumeTrue(Files.isRegularFile(PLOVER), "PLOVER evaluation data not found at " + PLOVER.toAbsolutePath() + "; skipped");
        Evaluation.Row plover = report().row(Evaluation.PLOVER_PAIRS);
        assertTrue(plover.pairsFound() >= Evaluation.PLOVER_TARGET, "PLOVER source->target pairs found: " + plover);
    }

    @Test
    void ownArticlesAreEvaluatedToo() {
        assertTrue(report().row(Evaluation.OWN_ALLEGATIONS).n() > 0, "the annotated articles of " + OWN_ARTICLES + " are read");
    }

    private synchronized Evaluation.Report report() {
        if (report == null) {
            report = evaluation.evaluate(PLOVER, OWN_ARTICLES);
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            evaluation.print(report, new PrintStream(table, true, StandardCharsets.UTF_8));
            System.out.println(table.toString(StandardCharsets.UTF_8));
        }
        return report;
    }
}
