package org.allegationatlas.extract.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.TagDictionary;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.Span;

/**
 * The statistical models of extraction, loaded once (the models are thread-safe; the taggers that
 * use them are not, so each thread keeps its own):
 * <ul>
 * <li>English: OpenNLP's 1.5 maxent part-of-speech tagger (Apache 2.0, from the knowitall model
 * jar), keeping Penn Treebank tags ({@link POSTagFormat#PENN}).</li>
 * <li>Indonesian: part-of-speech (UD tags) and named-entity (PER, ORG, LOC) models trained with
 * OpenNLP's trainers on idner-news-2k (tools/train-indonesian-models.sh).</li>
 * </ul>
 * No chunker: no rule reads chunks, and its model alone held 20 MB of heap.
 */
public final class Taggers {

    /** The tags of a run of words; {@code entities} (Indonesian only) may be null. */
    public record Tags(String[] pos, String[] entities) {
    }

    private final POSModel englishPos;
    private final POSModel indonesianPos;
    private final TokenNameFinderModel indonesianNer;
    private final ThreadLocal<POSTaggerME> englishTagger;
    private final ThreadLocal<POSTaggerME> indonesianTagger;
    private final ThreadLocal<NameFinderME> nameFinder;

    public Taggers() {
        englishPos = load("en-pos-maxent.bin", POSModel::new);
        indonesianPos = load("extract/nlp/id-pos.bin", POSModel::new);
        indonesianNer = load("extract/nlp/id-ner.bin", TokenNameFinderModel::new);
        englishTagger = ThreadLocal.withInitial(() -> new POSTaggerME(englishPos, POSTagFormat.PENN));
        indonesianTagger = ThreadLocal.withInitial(() -> new POSTaggerME(indonesianPos, POSTagFormat.CUSTOM));
        nameFinder = ThreadLocal.withInitial(() -> new NameFinderME(indonesianNer));
    }

    /**
     * An ordinary English word: the English model's tag dictionary holds it in lower case ("wild", "ward", "show"),
     * as it holds no family name ("mugabe") and no given name ("andrew" only as "Andrew").
     */
    public boolean isEnglishWord(String lowerCase) {
        TagDictionary words = englishPos.getFactory().getTagDictionary();
        return words != null && words.getTags(lowerCase) != null;
    }

    /** Penn tags of English words. */
    public Tags english(String[] words) {
        return new Tags(englishTagger.get().tag(words), null);
    }

    /** UD tags and IOB entity tags (B-PER, I-ORG, O ...) of Indonesian words. */
    public Tags indonesian(String[] words) {
        String[] pos = indonesianTagger.get().tag(words);
        NameFinderME finder = nameFinder.get();
        Span[] spans = finder.find(words);
        finder.clearAdaptiveData(); // sentences are independent: no memory of earlier names
        String[] entities = new String[words.length];
        Arrays.fill(entities, "O");
        for (Span s : spans) {
            for (int i = s.getStart(); i < s.getEnd(); i++) {
                entities[i] = (i == s.getStart() ? "B-" : "I-") + s.getType();
            }
        }
        return new Tags(pos, entities);
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Reader<T> reader) {
        try (InputStream in = Taggers.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + resource, e);
        }
    }
}
