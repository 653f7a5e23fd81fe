package org.allegationatlas.extract.nlp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderEvaluator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.postag.POSEvaluator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSSample;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerFactory;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the Indonesian part-of-speech and named-entity models that extraction ships
 * (src/main/resources/extract/nlp/id-pos.bin, id-ner.bin) with OpenNLP's own trainers on the
 * idner-news-2k corpus (CoNLL: token, UD tag, IOB entity), and prints their accuracy and F1 on the
 * corpus's dev and test splits. Deterministic: the same corpus gives the same models.
 * Run by tools/train-indonesian-models.sh.
 */
public final class IndonesianModels {

    /** One sentence of the corpus: tokens, UD tags, IOB entity tags. */
    public record Sentence(String[] tokens, String[] tags, String[] entities) {
    }

    public record Scores(double posAccuracy, double nerPrecision, double nerRecall, double nerF1) {
    }

    private IndonesianModels() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/nlp/idner-news-2k");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/extract/nlp");
        List<Sentence> train = read(corpus.resolve("train.txt"));
        POSModel pos = trainPos(train);
        TokenNameFinderModel ner = trainNer(train);
        Files.createDirectories(out);
        try (OutputStream o = Files.newOutputStream(out.resolve("id-pos.bin"))) {
            pos.serialize(o);
        }
        try (OutputStream o = Files.newOutputStream(out.resolve("id-ner.bin"))) {
            ner.serialize(o);
        }
        System.out.printf(Locale.ROOT, "trained on %d sentences of %s; models written to %s%n", train.size(), corpus, out);
        for (String split : new String[] { "dev", "test" }) {
            List<Sentence> sentences = read(corpus.resolve(split + ".txt"));
            Scores s = score(pos, ner, sentences);
            System.out.printf(Locale.ROOT, "%-4s (%d sentences): POS accuracy %.3f; NER precision %.3f recall %.3f F1 %.3f%n", split,
                    sentences.size(), s.posAccuracy(), s.nerPrecision(), s.nerRecall(), s.nerF1());
        }
    }

    public static POSModel trainPos(List<Sentence> sentences) throws IOException {
        List<POSSample> samples = new ArrayList<>();
        for (Sentence s : sentences) {
            samples.add(new POSSample(s.tokens(), s.tags()));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        return POSTaggerME.train("ind", new CollectionObjectStream<>(samples), params, new POSTaggerFactory());
    }

    public static TokenNameFinderModel trainNer(List<Sentence> sentences) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        for (Sentence s : sentences) {
            samples.add(new NameSample(s.tokens(), spans(s.entities()), true));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        return NameFinderME.train("ind", null, new CollectionObjectStream<>(samples), params,
                TokenNameFinderFactory.create(null, null, java.util.Map.of(), new BioCodec()));
    }

    public static Scores score(POSModel pos, TokenNameFinderModel ner, List<Sentence> sentences) {
        POSEvaluator posEvaluator = new POSEvaluator(new POSTaggerME(pos, POSTagFormat.CUSTOM));
        TokenNameFinderEvaluator nerEvaluator = new TokenNameFinderEvaluator(new NameFinderME(ner));
        for (Sentence s : sentences) {
            posEvaluator.evaluateSample(new POSSample(s.tokens(), s.tags()));
            nerEvaluator.evaluateSample(new NameSample(s.tokens(), spans(s.entities()), true));
        }
        var f = nerEvaluator.getFMeasure();
        return new Scores(posEvaluator.getWordAccuracy(), f.getPrecisionScore(), f.getRecallScore(), f.getFMeasure());
    }

    /** Entity spans from IOB tags ("B-PER I-PER O" -> PER over 0..2); an I- without its B- opens a span too. */
    static Span[] spans(String[] iob) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= iob.length; i++) {
            String tag = i < iob.length ? iob[i] : "O";
            boolean continues = tag.startsWith("I-") && type != null && tag.substring(2).equals(type);
            if (start >= 0 && !continues) {
                spans.add(new Span(start, i, type));
                start = -1;
                type = null;
            }
            if (tag.startsWith("B-") || tag.startsWith("I-") && start < 0) {
                start = i;
                type = tag.substring(2);
            }
        }
        return spans.toArray(Span[]::new);
    }

    public static List<Sentence> read(Path conll) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(conll, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                add(sentences, rows);
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 3) {
                rows.add(cells);
            }
        }
        add(sentences, rows);
        return sentences;
    }

    private static void add(List<Sentence> sentences, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[] tokens = new String[rows.size()];
        String[] tags = new String[rows.size()];
        String[] entities = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            tokens[i] = rows.get(i)[0];
            tags[i] = rows.get(i)[1];
            entities[i] = rows.get(i)[2];
        }
        sentences.add(new Sentence(tokens, tags, entities));
        rows.clear();
    }
}
