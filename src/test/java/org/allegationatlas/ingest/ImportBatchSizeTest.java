package org.allegationatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.allegationatlas.claim.ClaimTally;
import org.allegationatlas.ingest.BulkImport.Summary;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The command-line import into an embedded file of its own commits every 100 articles (BulkImport.EMBEDDED_BATCH_SIZE),
 * where H2 took ~20 % less time over its batches than at 500; every other import keeps 500 a transaction.
 */
@QuarkusTest
class ImportBatchSizeTest {

    private static final int ARTICLES = 250;

    @Inject
    BulkImport bulkImport;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** 0 or less would commit every article alone without a word; the start is stopped with what to set. */
    @Test
    void aBatchSizeUnderOneIsRefusedWithWhatToSet() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BulkImport.checkBatchSize(java.util.Optional.of(0)));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().startsWith("atlas.import.batch-size (ATLAS_IMPORT_BATCH_SIZE) is 0: "
                + "it must be 1 or more"), refused.getMessage());
        BulkImport.checkBatchSize(java.util.Optional.of(1));
        BulkImport.checkBatchSize(java.util.Optional.empty());
    }

    @Test
    void theEmbeddedCommandLineImportCommitsEveryHundredArticles() {
        assumeFalse("postgresql".equals(dbKind), "the embedded database's import");
        List<Long> batches = new ArrayList<>();
        BulkImport.Session session = bulkImport.startEmbedded(doneAt(batches), new ClaimTally());
        assertEquals(ARTICLES, importInto(session).articles());
        assertEquals(List.of(100L, 200L, 250L), batches, "the articles stored after each batch");
    }

    @Test
    void otherImportsCommitEveryFiveHundredArticles() {
        List<Long> batches = new ArrayList<>();
        BulkImport.Session session = bulkImport.start(doneAt(batches));
        assertEquals(ARTICLES, importInto(session).articles());
        assertEquals(List.of(250L), batches, "one batch");
    }

    private static BulkImport.Listener doneAt(List<Long> batches) {
        return new BulkImport.Listener() {
            @Override
            public void batchDone(Summary soFar) {
                batches.add(soFar.articles());
            }
        };
    }

    private static Summary importInto(BulkImport.Session session) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < ARTICLES; i++) {
            session.accept(ImportTestData.line(run, i));
        }
        Summary summary = session.finish();
        assertEquals(0, summary.badLines(), summary.errors().toString());
        return summary;
    }
}
