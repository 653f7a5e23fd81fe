package org.allegationatlas.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.common.Languages;
import org.allegationatlas.country.Countries;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;

import io.quarkus.runtime.StartupEvent;

/**
 * Turns an article's text into the ArticleInput a person would have annotated: its actors and
 * claims, each claim with its verbatim quote, stance, category, date and a confidence. Rules and
 * word lists only (src/main/resources/extract), no model: every claim can be explained by the
 * words that made it. Steps: language, dateline and publisher; sentences; parties in each
 * sentence ({@link MentionFinder}); claims ({@link ClaimFinder}); denials linked to what they deny;
 * summaries.
 */
@ApplicationScoped
public class Extractor {

    private static final int MAX_CLAIMS = 2000;
    private static final int MAX_ACTORS = 500;
    /** "REPUBLIKA.CO.ID, WASHINGTON -- ", "JAKARTA, KOMPAS.com - " */
    private static final Pattern TWO_PART_DATELINE = Pattern.compile("^\\s*([^\\n,]{2,40}?)\\s*,\\s*([^\\n,]{2,40}?)\\s*(?:--|—|–|-)\\s+");
    /** "WASHINGTON (Reuters) - " */
    private static final Pattern WIRE_DATELINE = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu} .'-]{1,30}?)\\s*\\(([^)\\n]{2,30})\\)\\s*(?:--|—|–|-)\\s+");
    /** "WASHINGTON -- " */
    private static final Pattern CITY_DATELINE = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu} .'-]{1,30}?)\\s*(?:--|—|–)\\s+");

    @Inject
    Countries countries;
    @Inject
    StoredActors storedActors;

    private volatile Lexicon lexicon;

    /** For CDI. */
    Extractor() {
    }

    /** An extractor outside a container (tests, tools); it knows no stored actors. */
    public static Extractor standalone(Countries countries) {
        Extractor extractor = new Extractor();
        extractor.countries = countries;
        return extractor;
    }

    /** The word lists take a moment to read: do it in the background as the app starts. */
    void prepare(@Observes StartupEvent event) {
        Thread reading = new Thread(this::lexicon, "extract-lexicon");
        reading.setDaemon(true);
        reading.start();
    }

    /** The ArticleInput that extractArticle stores for {@code raw}, matching the actors already stored. */
    public Extraction extract(RawArticleInput raw) {
        return extract(raw, storedActors == null ? StoredActors.Snapshot.EMPTY : storedActors.current());
    }

    /** As {@link #extract(RawArticleInput)}, from the word lists alone: what evaluation measures. */
    public Extraction extractFromLexicon(RawArticleInput raw) {
        return extract(raw, StoredActors.Snapshot.EMPTY);
    }

    Extraction extract(RawArticleInput raw, StoredActors.Snapshot stored) {
        Lexicon lex = lexicon();
        String body = raw.body();
        String language = raw.language() == null || raw.language().isBlank()
                ? new LanguageDetector(lex).detect(body)
                : Languages.canonical(raw.language(), "input.language");
        String rulesLanguage = rulesLanguage(language, body, lex);

        Dateline dateline = dateline(body);
        String datelineText = raw.dateline() != null && !raw.dateline().isBlank() ? raw.dateline() : dateline.city();
        String datelineCountry = countryOf(datelineText, lex);
        // the article's publisher (from the input or the dateline, never the url's host): metadata, never a claimant
        String publisher = raw.publisher() != null && !raw.publisher().isBlank() ? raw.publisher().trim() : dateline.publisher();
        if (publisher != null && lex.publishers.containsKey(Tokenizer.norm(publisher))) {
            publisher = lex.publishers.get(Tokenizer.norm(publisher)).name(); // "KOMPAS.com" is Kompas
        }
        ArticleContext ctx = new ArticleContext(lex, body, rulesLanguage, stored, datelineCountry, raw.publishedOn());

        MentionFinder mentionFinder = new MentionFinder(lex);
        ClaimFinder claimFinder = new ClaimFinder(lex);
        List<ClaimDraft> drafts = new ArrayList<>();
        List<SentenceSplitter.Sentence> sentences = new SentenceSplitter(lex.abbreviations).split(body, dateline.end());
        for (int i = 0; i < sentences.size() && drafts.size() < MAX_CLAIMS; i++) {
            SentenceSplitter.Sentence sentence = sentences.get(i);
            List<Token> tokens = Tokenizer.tokenize(body, sentence.start(), sentence.end());
            ctx.namedBeforeSentence = ctx.named.size();
            List<Mention> mentions = mentionFinder.find(tokens, ctx);
            if (!mentions.isEmpty()) {
                tokens = tagged(tokens, ctx, lex); // the same tokens, with tags: mention offsets hold
            }
            for (Clause clause : clauses(sentence, tokens, mentions, ctx.language)) {
                drafts.addAll(claimFinder.find(clause.span(), i, clause.tokens(), clause.mentions(), ctx, raw.publishedOn()));
            }
        }
        List<ClaimDraft> claims = distinct(drafts);
        linkResponses(claims);
        return new Extraction(articleInput(raw, language, datelineText, publisher, body, claims, ctx, lex));
    }

    /**
     * The sentence's tokens with their part of speech (and chunks in English, entities in
     * Indonesian) when it names a party and has a cue word, the only sentences the claim rules
     * read closely; the others are left untagged (tagging is most of extraction's time).
     */
    private static List<Token> tagged(List<Token> tokens, ArticleContext ctx, Lexicon lex) {
        if (tokens.isEmpty() || tokens.size() > 300 || ctx.language.cues().findAll(tokens, 0, tokens.size()).isEmpty()) {
            return tokens;
        }
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.get(i).text();
        }
        boolean english = Lexicon.ENGLISH.equals(ctx.language.code());
        var tags = english ? lex.taggers.english(words) : lex.taggers.indonesian(words);
        List<Token> tagged = new ArrayList<>(tokens.size());
        for (int i = 0; i < words.length; i++) {
            tagged.add(tokens.get(i).tagged(tags.pos()[i], tags.chunks() == null ? null : tags.chunks()[i],
                    tags.entities() == null ? null : tags.entities()[i]));
        }
        return tagged;
    }

    private Lexicon lexicon() {
        Lexicon lex = lexicon;
        if (lex == null) {
            synchronized (this) {
                if (lexicon == null) {
                    lexicon = new Lexicon(countries);
                }
                lex = lexicon;
            }
        }
        return lex;
    }

    /** The word lists to use: the article's language when it is Indonesian or English, else the detected one. */
    private static String rulesLanguage(String language, String body, Lexicon lex) {
        String primary = language.split("-")[0].toLowerCase(Locale.ROOT);
        if (primary.equals("in")) {
            primary = Lexicon.INDONESIAN; // the old ISO 639 code of Indonesian
        }
        return primary.equals(Lexicon.INDONESIAN) || primary.equals(Lexicon.ENGLISH) ? primary : new LanguageDetector(lex).detect(body);
    }

    // ---- dateline and publisher ----

    /** The "CITY (Publisher) -" opening of a body: where the text proper starts. */
    record Dateline(int end, String publisher, String city) {
        static final Dateline NONE = new Dateline(0, null, null);
    }

    private Dateline dateline(String body) {
        Lexicon lex = lexicon();
        String head = body.substring(0, Math.min(body.length(), 120));
        Matcher m = WIRE_DATELINE.matcher(head);
        if (m.find()) {
            return new Dateline(m.end(), m.group(2).trim(), m.group(1).trim());
        }
        m = TWO_PART_DATELINE.matcher(head);
        if (m.find()) {
            String first = m.group(1).trim();
            String second = m.group(2).trim();
            boolean firstIsPublisher = lex.publishers.containsKey(Tokenizer.norm(first)) || first.contains(".");
            boolean secondIsPublisher = lex.publishers.containsKey(Tokenizer.norm(second)) || second.contains(".");
            if (firstIsPublisher && isCapitals(second)) {
                return new Dateline(m.end(), first, second);
            }
            if (secondIsPublisher && isCapitals(first)) {
                return new Dateline(m.end(), second, first);
            }
        }
        m = CITY_DATELINE.matcher(head);
        if (m.find() && isCapitals(m.group(1).trim())) {
            return new Dateline(m.end(), null, m.group(1).trim());
        }
        return Dateline.NONE;
    }

    private static boolean isCapitals(String text) {
        return text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && text.codePoints().anyMatch(Character::isLetter);
    }

    private static String countryOf(String place, Lexicon lex) {
        if (place == null || place.isBlank()) {
            return null;
        }
        Lexicon.Name name = lex.names.lookup(place);
        return name != null && name.type() == Lexicon.NameType.COUNTRY ? name.country() : null;
    }

    // ---- claims ----

    /** Part of a sentence that is read on its own, with its tokens and the parties named in it (offsets within the part). */
    private record Clause(SentenceSplitter.Sentence span, List<Token> tokens, List<Mention> mentions) {
    }

    /**
     * "Britain mobilized reservists ... while UN inspectors said ...": a sentence is read as two
     * clauses at "while" / "sementara" / ";" when a party of its own follows within three words.
     */
    private static List<Clause> clauses(SentenceSplitter.Sentence sentence, List<Token> tokens, List<Mention> mentions,
            Lexicon.Language lang) {
        for (int k = 3; k < tokens.size() - 1; k++) {
            if (lang.role(tokens.get(k)) != Lexicon.Role.CLAUSE_BREAK) {
                continue;
            }
            int breakAt = k;
            boolean partyFollows = mentions.stream().anyMatch(m -> m.start() > breakAt && m.start() <= breakAt + 3);
            boolean partyBefore = mentions.stream().anyMatch(m -> m.end() <= breakAt);
            if (!partyFollows || !partyBefore) {
                continue;
            }
            List<Clause> clauses = new ArrayList<>();
            clauses.add(clause(sentence, tokens, mentions, 0, breakAt));
            clauses.addAll(clauses(new SentenceSplitter.Sentence(tokens.get(breakAt + 1).start(), sentence.end(), sentence.paragraph()),
                    tokens.subList(breakAt + 1, tokens.size()), shifted(mentions, breakAt + 1, tokens.size()), lang));
            return clauses;
        }
        return List.of(new Clause(sentence, tokens, new ArrayList<>(mentions)));
    }

    private static Clause clause(SentenceSplitter.Sentence sentence, List<Token> tokens, List<Mention> mentions, int from, int to) {
        int end = to;
        while (end > from + 1 && !tokens.get(end - 1).isWord()) {
            end--; // no trailing comma in the quote
        }
        SentenceSplitter.Sentence span = new SentenceSplitter.Sentence(tokens.get(from).start(), tokens.get(end - 1).end(),
                sentence.paragraph());
        return new Clause(span, tokens.subList(from, to), shifted(mentions, from, to));
    }

    /** The mentions within tokens [from, to), counted from {@code from}. */
    private static List<Mention> shifted(List<Mention> mentions, int from, int to) {
        List<Mention> inside = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                inside.add(new Mention(m.actor(), m.start() - from, m.end() - from, m.origin(), m.guessedCountry()));
            }
        }
        return inside;
    }

    private static List<ClaimDraft> distinct(List<ClaimDraft> drafts) {
        Set<String> seen = new HashSet<>();
        List<ClaimDraft> kept = new ArrayList<>();
        for (ClaimDraft d : drafts) {
            if (seen.add(d.identity())) {
                kept.add(d);
            }
        }
        return kept;
    }

    /**
     * A denial or confirmation answers the latest earlier allegation about the same country (and
     * the same counterparty country when both name one), preferring one of the same category. A
     * bare one ("Kremlin membantah tuduhan tersebut", "rejected the accusation") may also answer an
     * allegation in which its country is the counterparty, preferably one made with an accusing verb,
     * and takes that allegation's category and other party: it denies what that allegation says.
     */
    private static void linkResponses(List<ClaimDraft> claims) {
        for (int i = 0; i < claims.size(); i++) {
            ClaimDraft response = claims.get(i);
            String country = response.subject.country();
            if (response.stance != Stance.DENIES && response.stance != Stance.CONFIRMS || country == null) {
                continue;
            }
            boolean bare = response.category == ClaimCategory.OTHER && response.counterparty == null;
            ClaimDraft sameCategory = null;
            ClaimDraft latest = null;
            ClaimDraft accusation = null;
            for (int j = 0; j < i; j++) {
                ClaimDraft a = claims.get(j);
                if (a.stance != Stance.ALLEGES || a.sentence >= response.sentence) {
                    continue;
                }
                boolean aboutIt = country.equals(a.subject.country())
                        && (response.counterparty == null || a.counterparty == null
                                || Objects.equals(response.counterparty.country(), a.counterparty.country()));
                boolean involvesIt = bare && a.counterparty != null && country.equals(a.counterparty.country());
                if (aboutIt || involvesIt) {
                    latest = a;
                    accusation = a.accusation ? a : accusation;
                    if (a.category == response.category) {
                        sameCategory = a;
                    }
                }
            }
            // "rejected the accusation": a bare denial answers the latest claim made with an accusing verb
            ClaimDraft bareAnswer = accusation != null ? accusation : latest;
            response.respondsTo = bare ? bareAnswer : sameCategory != null ? sameCategory : latest;
            if (bare && bareAnswer != null) {
                ClaimDraft answered = bareAnswer;
                response.category = answered.category;
                response.counterparty = country.equals(answered.subject.country()) ? answered.counterparty : answered.subject;
            }
        }
    }

    private static ArticleInput articleInput(RawArticleInput raw, String language, String dateline, String publisher, String body,
            List<ClaimDraft> drafts, ArticleContext ctx, Lexicon lex) {
        Summaries summaries = new Summaries(lex.summaries);
        Set<ArticleActors.Actor> used = new LinkedHashSet<>();
        List<ClaimDraft> kept = new ArrayList<>();
        for (ClaimDraft d : drafts) {
            Set<ArticleActors.Actor> parties = new LinkedHashSet<>(used);
            if (d.claimant != ctx.publisher) {
                parties.add(d.claimant);
            }
            parties.add(d.subject);
            if (d.counterparty != null) {
                parties.add(d.counterparty);
            }
            if (d.place != null) {
                parties.add(d.place);
            }
            if (parties.size() > MAX_ACTORS) {
                break;
            }
            used = parties;
            kept.add(d);
        }
        Map<ClaimDraft, String> keys = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            keys.put(kept.get(i), "c" + (i + 1));
        }
        List<ClaimInput> claims = new ArrayList<>();
        for (ClaimDraft d : kept) {
            String claimant = d.claimant == ctx.publisher ? null : d.claimant.key;
            claims.add(new ClaimInput(keys.get(d), claimant, d.subject.key, d.counterparty == null ? null : d.counterparty.key,
                    d.place == null ? null : d.place.key, d.stance, d.category, summaries.of(d, d.publisherVoice),
                    body.substring(d.quoteStart, d.quoteEnd), d.quoteStart, d.statedOn, d.statedOnPrecision,
                    d.respondsTo == null ? null : keys.get(d.respondsTo), d.confidence, d.explanation()));
        }
        LocalDate publishedOn = raw.publishedOn();
        return new ArticleInput(raw.url().trim(), raw.title(), publisher, language, publishedOn,
                dateline == null ? null : clip(dateline, 200), body, ctx.actors.inputs(used), claims);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
