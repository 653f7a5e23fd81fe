package org.allegationatlas.extract.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.postag.POSModel;

import org.junit.jupiter.api.Test;

/**
 * The Indonesian models shipped in src/main/resources/extract/nlp keep the figures reported in
 * docs/extraction.md on the idner-news-2k test split (the corpus is read from ../shared, or
 * -Datlas.shared-dir; skipped without it). Retraining with tools/train-indonesian-models.sh must do as well.
 */
class IndonesianModelsTest {

    static final Path CORPUS = Path.of(System.getProperty("atlas.shared-dir", "../shared"), "nlp/idner-news-2k/test.txt");

    @Test
    void theShippedModelsKeepTheirAccuracyOnTheTestSplit() throws IOException {
        assumeTrue(Files.isRegularFile(CORPUS), "idner-news-2k not found at " + CORPUS.toAbsolutePath());
        POSModel pos;
        TokenNameFinderModel ner;
        try (InputStream p = resource("extract/nlp/id-pos.bin"); InputStream n = resource("extract/nlp/id-ner.bin")) {
            pos = new POSModel(p);
            ner = new TokenNameFinderModel(n);
        }
        IndonesianModels.Scores scores = IndonesianModels.score(pos, ner, IndonesianModels.read(CORPUS));
        System.out.printf("idner-news-2k test: POS accuracy %.3f, NER F1 %.3f%n", scores.posAccuracy(), scores.nerF1());
        assertTrue(scores.posAccuracy() >= 0.935, "POS accuracy: " + scores);
        assertTrue(scores.nerF1() >= 0.71, "NER F1: " + scores);
    }

    @Test
    void theTaggersReadEnglishAndIndonesian() {
        Taggers taggers = new Taggers();
        Taggers.Tags english = taggers.english("The State Department on Friday accused Iran of supplying drones to Russia".split(" "));
        // Penn tags: "accused" a verb, "Iran" a proper noun
        assertTrue(english.pos()[5].startsWith("VB"), String.join(" ", english.pos()));
        assertTrue(english.pos()[6].equals("NNP"), String.join(" ", english.pos()));
        Taggers.Tags noun = taggers.english("The charge was rejected".split(" "));
        assertTrue(noun.pos()[1].startsWith("NN"), "\"the charge\" is a noun: " + String.join(" ", noun.pos()));
        Taggers.Tags indonesian = taggers.indonesian("Presiden Joko Widodo menuduh Malaysia di Jakarta".split(" "));
        assertTrue(indonesian.pos()[3].equals("VERB"), String.join(" ", indonesian.pos()));
        assertTrue(indonesian.entities()[1].equals("B-PER") || indonesian.entities()[1].equals("I-PER"),
                String.join(" ", indonesian.entities()));
    }

    private static InputStream resource(String path) {
        return IndonesianModelsTest.class.getClassLoader().getResourceAsStream(path);
    }
}
