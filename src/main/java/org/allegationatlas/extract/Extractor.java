package org.allegationatlas.extract;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.common.Languages;
import org.allegationatlas.country.Countries;
import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.ActorNames;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.roles.ArticleReader;
import org.allegationatlas.extract.text.Dateline;
import org.allegationatlas.extract.text.SentenceSplitter;
import org.allegationatlas.ingest.ArticleInput;

/**
 * Turns an article's text into the ArticleInput a person would have annotated: its actors and
 * claims, each claim with its verbatim quote, stance, category, date, a confidence and an
 * explanation. The pipeline, one package per stage: {@code text} (dateline, sentences, tokens,
 * language), {@code lexicon} (dictionaries and word lists), {@code nlp} (part-of-speech and entity
 * models), {@code roles} (parties, speaker, subject, counterparty, stance); the dictionaries and
 * models are held by {@link ExtractionData}.
 */
@ApplicationScoped
public class Extractor {

    @Inject
    ExtractionData data;
    @Inject
    StoredActors storedActors;

    /** For CDI. */
    Extractor() {
    }

    /** An extractor outside a container (tests, tools); it knows no stored actors. */
    public static Extractor standalone(Countries countries) {
        Extractor extractor = new Extractor();
        extractor.data = ExtractionData.standalone(countries);
        return extractor;
    }

    /** The ArticleInput that extractArticle stores for {@code raw}, matching the actors already stored. */
    public Extraction extract(RawArticleInput raw) {
        return extract(raw, storedActors == null ? ActorNames.NONE : storedActors.current());
    }

    /** As {@link #extract(RawArticleInput)}, from the word lists alone: what evaluation measures. */
    public Extraction extractFromLexicon(RawArticleInput raw) {
        return extract(raw, ActorNames.NONE);
    }

    Extraction extract(RawArticleInput raw, ActorNames stored) {
        ExtractionData.Loaded loaded = data.get();
        Lexicon lex = loaded.lexicon();
        String body = raw.body();
        String language = raw.language() == null || raw.language().isBlank()
                ? lex.languageDetector().detect(body)
                : Languages.canonical(raw.language(), "input.language");
        String rulesLanguage = rulesLanguage(language, body, lex);

        Dateline dateline = Dateline.of(body, name -> lex.publisher(name) != null);
        String datelineText = raw.dateline() != null && !raw.dateline().isBlank() ? raw.dateline() : dateline.city();
        // the article's publisher: from the input or the dateline, else the outlet its url's domain is known as
        ActorDef outlet = outlet(raw, dateline, lex);
        String publisher = raw.publisher() != null && !raw.publisher().isBlank() ? raw.publisher().trim() : dateline.publisher();
        if (lex.publisher(publisher) != null) {
            publisher = lex.publisher(publisher).name(); // "KOMPAS.com" is Kompas
        } else if (publisher == null && outlet != null) {
            publisher = outlet.name();
        }

        ArticleReader reader = new ArticleReader(lex, loaded.taggers(), body, rulesLanguage, stored,
                countryOf(datelineText, lex), raw.publishedOn(), outlet);
        List<SentenceSplitter.Sentence> sentences = new SentenceSplitter(lex.abbreviations()).split(body, dateline.end());
        int index = 0;
        for (SentenceSplitter.Sentence sentence : sentences) {
            if (!reader.read(sentence, index++)) {
                break; // as many claims as an article may hold
            }
        }
        ArticleReader.Result result = reader.result();
        return new Extraction(new ArticleInput(raw.url().trim(), raw.title(), publisher, language, raw.publishedOn(),
                datelineText == null ? null : clip(datelineText, 200), body, result.actors(), result.claims()), result.toldNoAct());
    }

    /**
     * The outlet that states what the article reports in its own voice (an actor of kind MEDIA), or null when
     * none is known: the input's publisher, else the dateline's ("JAKARTA (Reuters) -"), else the outlet of the
     * url's domain in publishers.tsv. A name in that list gets its canonical name and country; another name is
     * taken as given (no country), but a host name only through the list: "example.org" is no outlet.
     */
    static ActorDef outlet(RawArticleInput raw, Dateline dateline, Lexicon lex) {
        String given = raw.publisher() != null && !raw.publisher().isBlank() ? raw.publisher().trim() : null;
        String from = "the input's publisher";
        if (given == null && dateline.publisher() != null) {
            given = dateline.publisher();
            from = "the dateline's publisher";
        }
        if (given != null) {
            Lexicon.Publisher known = lex.publisher(given);
            if (known == null && HOST.matcher(given).matches()) {
                known = lex.outletOfHost(given);
                if (known == null) {
                    return null; // a bare host name is nobody's name
                }
            }
            if (known != null) {
                return new ActorDef(known.name(), ActorKind.MEDIA, known.country(), null,
                        from + " \"" + given + "\", in publishers.tsv as " + known.name() + " [" + known.country() + "]");
            }
            return new ActorDef(clip(given, 200), ActorKind.MEDIA, null, null, from + ", not in publishers.tsv (no country)");
        }
        Lexicon.Publisher byDomain = lex.outletOfHost(raw.url());
        return byDomain == null ? null : new ActorDef(byDomain.name(), ActorKind.MEDIA, byDomain.country(), null,
                "the url's domain, in publishers.tsv as " + byDomain.name() + " [" + byDomain.country() + "]");
    }

    /** "example.org", "KOMPAS.com", "www.tempo.co": one word with a dot and a top-level domain, no spaces. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");

    /** The word lists to use: the article's language when it is Indonesian or English, else the detected one. */
    private static String rulesLanguage(String language, String body, Lexicon lex) {
        String primary = language.split("-")[0].toLowerCase(Locale.ROOT);
        if (primary.equals("in")) {
            primary = Lexicon.INDONESIAN; // the old ISO 639 code of Indonesian
        }
        return primary.equals(Lexicon.INDONESIAN) || primary.equals(Lexicon.ENGLISH) ? primary : lex.languageDetector().detect(body);
    }

    private static String countryOf(String place, Lexicon lex) {
        if (place == null || place.isBlank()) {
            return null;
        }
        Lexicon.Name name = lex.names().lookup(place);
        return name != null && name.type() == Lexicon.NameType.COUNTRY ? name.country() : null;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
