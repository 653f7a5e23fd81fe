package org.allegationatlas.extract.roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.ActorNames;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.nlp.Taggers;
import org.allegationatlas.extract.text.SentenceSplitter.Sentence;
import org.allegationatlas.extract.text.Token;
import org.allegationatlas.extract.text.Tokenizer;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ClaimInput;

/**
 * Reads an article sentence by sentence into claims: the parties each sentence names
 * ({@link MentionFinder}), the tags of the words the rules look at ({@link Taggers}), who speaks
 * ({@link FrameReader}), about whom ({@link RoleReader}), with which stance, category and date
 * ({@link ClaimFinder}); at the end, denials linked to what they deny and one summary per claim.
 * One reader per article: it remembers who was named and who spoke.
 */
public final class ArticleReader {

    /** The actors and claims of the article, in the shape of ArticleInput's lists. */
    /** {@code toldNoAct}: the keys of the claims whose sentence tells of no act between parties (ClaimDraft#reportsAct). */
    public record Result(List<ActorInput> actors, List<ClaimInput> claims, Set<String> toldNoAct) {
    }

    private static final int MAX_CLAIMS = 2000;
    private static final int MAX_ACTORS = 500;

    private final Taggers taggers;
    private final ArticleContext ctx;
    private final MentionFinder mentionFinder;
    private final ClaimFinder claimFinder;
    private final LocalDate publishedOn;
    private final List<ClaimDraft> drafts = new ArrayList<>();

    /**
     * @param language "id" or "en": whose word lists and models read the text
     * @param stored actors known beyond the dictionaries (the database's), named as stored
     * @param datelineCountry the country of the dateline's city, if any: a titled speaker's likely country
     * @param outlet the news outlet that publishes the article (kind MEDIA), or null: the speaker of what the article
     *        reports in its own voice
     */
    public ArticleReader(Lexicon lexicon, Taggers taggers, String body, String language, ActorNames stored, String datelineCountry,
            LocalDate publishedOn, ActorDef outlet) {
        this.taggers = taggers;
        this.ctx = new ArticleContext(lexicon, body, language, stored, datelineCountry, publishedOn, outlet);
        this.mentionFinder = new MentionFinder(lexicon);
        this.claimFinder = new ClaimFinder(lexicon);
        this.publishedOn = publishedOn;
    }

    /** Reads the article's {@code index}-th sentence; false once the article has as many claims as one may hold. */
    public boolean read(Sentence sentence, int index) {
        if (drafts.size() >= MAX_CLAIMS) {
            return false;
        }
        List<Token> tokens = Tokenizer.tokenize(ctx.body, sentence.start(), sentence.end());
        ctx.startSentence(index);
        List<Mention> mentions = mentionFinder.find(tokens, ctx);
        if (!mentions.isEmpty()) {
            tokens = tagged(tokens); // the same tokens, with tags: mention offsets hold
        }
        for (Clause clause : clauses(sentence, tokens, mentions, ctx.language)) {
            drafts.addAll(claimFinder.find(clause.span(), index, clause.tokens(), clause.mentions(), ctx, publishedOn));
        }
        return drafts.size() < MAX_CLAIMS;
    }

    /** The claims found, denials linked to what they deny, with the actors they name. */
    public Result result() {
        List<ClaimDraft> claims = distinct(drafts);
        linkResponses(claims);
        return result(claims);
    }

    /**
     * The sentence's tokens, those around each cue word with their part of speech (and entity in
     * Indonesian): what the rules read of the tags is whether a cue is a verb and whether a name
     * next to it is a person's. Tagging is most of extraction's time, so only sentences that name a
     * party are tagged, and of them only the words within {@link #TAG_WINDOW} of a cue (the
     * taggers' features look two words either side, so near the cue the tags are in practice those
     * of the whole sentence; the evaluation's figures did not move).
     */
    private List<Token> tagged(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.size() > 300) {
            return tokens;
        }
        List<PhraseTable.Match<Lexicon.CueType>> cues = ctx.language.cues().findAll(tokens, 0, tokens.size());
        String[] pos = new String[tokens.size()];
        String[] entities = new String[tokens.size()];
        int from = -1;
        int to = -1;
        for (PhraseTable.Match<Lexicon.CueType> cue : cues) {
            if (cue.value() == Lexicon.CueType.NONE) {
                continue;
            }
            int start = Math.max(0, cue.start() - TAG_WINDOW);
            if (start > to) {
                tag(tokens, from, to, pos, entities); // the windows so far, as one run
                from = start;
            }
            to = Math.min(tokens.size(), cue.end() + TAG_WINDOW);
        }
        if (from < 0) {
            return tokens;
        }
        tag(tokens, from, to, pos, entities);
        List<Token> tagged = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            tagged.add(pos[i] == null ? tokens.get(i) : tokens.get(i).tagged(pos[i], entities[i]));
        }
        return tagged;
    }

    /** Words within this many of a cue are tagged: a name of up to four words before or after it, and context for the tagger. */
    private static final int TAG_WINDOW = 6;

    private void tag(List<Token> tokens, int from, int to, String[] pos, String[] entities) {
        if (from < 0) {
            return;
        }
        String[] words = new String[to - from];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.get(from + i).text();
        }
        Taggers.Tags tags = Lexicon.ENGLISH.equals(ctx.language.code()) ? taggers.english(words) : taggers.indonesian(words);
        System.arraycopy(tags.pos(), 0, pos, from, words.length);
        if (tags.entities() != null) {
            System.arraycopy(tags.entities(), 0, entities, from, words.length);
        }
    }

    /** Part of a sentence that is read on its own, with its tokens and the parties named in it (offsets within the part). */
    private record Clause(Sentence span, List<Token> tokens, List<Mention> mentions) {
    }

    /**
     * "Britain mobilized reservists ... while UN inspectors said ...": a sentence is read as two
     * clauses at "while" / "sementara" / ";" when a party of its own follows within three words.
     */
    private static List<Clause> clauses(Sentence sentence, List<Token> tokens, List<Mention> mentions, Lexicon.Language lang) {
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
            clauses.addAll(clauses(new Sentence(tokens.get(breakAt + 1).start(), sentence.end(), sentence.paragraph()),
                    tokens.subList(breakAt + 1, tokens.size()), shifted(mentions, breakAt + 1, tokens.size()), lang));
            return clauses;
        }
        return List.of(new Clause(sentence, tokens, new ArrayList<>(mentions)));
    }

    private static Clause clause(Sentence sentence, List<Token> tokens, List<Mention> mentions, int from, int to) {
        int end = to;
        while (end > from + 1 && !tokens.get(end - 1).isWord()) {
            end--; // no trailing comma in the quote
        }
        Sentence span = new Sentence(tokens.get(from).start(), tokens.get(end - 1).end(), sentence.paragraph());
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

    /** ClaimInputs (no claimant where no speaker was found) and the actors they name, up to MAX_ACTORS. */
    private Result result(List<ClaimDraft> drafts) {
        Summaries summaries = new Summaries(RuleFiles.SUMMARIES);
        Set<ArticleActors.Actor> used = new LinkedHashSet<>();
        List<ClaimDraft> kept = new ArrayList<>();
        for (ClaimDraft d : drafts) {
            Set<ArticleActors.Actor> parties = new LinkedHashSet<>(used);
            if (d.claimant != ctx.noSpeaker) {
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
        Set<String> toldNoAct = new java.util.HashSet<>();
        for (ClaimDraft d : kept) {
            if (!d.reportsAct) {
                toldNoAct.add(keys.get(d));
            }
            String claimant = d.claimant == ctx.noSpeaker ? null : d.claimant.key;
            claims.add(new ClaimInput(keys.get(d), claimant, d.subject.key, d.counterparty == null ? null : d.counterparty.key,
                    d.place == null ? null : d.place.key, d.stance, d.category, summaries.of(d, d.claimant == ctx.noSpeaker),
                    ctx.body.substring(d.quoteStart, d.quoteEnd), d.quoteStart, d.statedOn, d.statedOnPrecision,
                    d.respondsTo == null ? null : keys.get(d.respondsTo), d.confidence, d.explanation()));
        }
        return new Result(ctx.actors.inputs(used), claims, toldNoAct);
    }
}
