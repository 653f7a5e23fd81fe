package org.allegationatlas.extract.roles;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.extract.lexicon.Lexicon.CueType;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.text.SentenceSplitter;
import org.allegationatlas.extract.text.Token;

/**
 * The claims of one sentence: who speaks ({@link FrameReader}), about whom ({@link RoleReader}),
 * then for each claim its stance, category ({@link Categories}), date ({@link StatedDates}), quote
 * and confidence. A speaker who names no party goes on about the parties of the claim before (in
 * this paragraph or the one before); failing that the sentence is read in the publisher's voice.
 * <p>
 * Stance: an accusing verb ALLEGES; a denying one, "called it baseless" or "said it had not ..."
 * DENIES; a confirming one CONFIRMS; a reporting verb ALLEGES when the subject belongs to another
 * country than the claimant and the act is of a tracked category (rules.properties) or the speaker
 * only believes it, else STATES. A publisher only STATES: a sentence that reports an act with no
 * speaking verb (or whose speaker's words name no party) is the statement of the article's outlet, an
 * actor of kind MEDIA, when one is known; else it has no claimant.
 */
final class ClaimFinder {

    private final Lexicon lexicon;
    private final Set<ClaimCategory> alleging = EnumSet.noneOf(ClaimCategory.class);
    private final int tailMaxWords;
    private final int speakerMaxGap;
    private final int maxCounterparties;

    ClaimFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
        Properties rules = RuleFiles.RULES;
        for (String category : rules.getProperty("alleging.categories").split(",")) {
            alleging.add(ClaimCategory.valueOf(category.trim()));
        }
        tailMaxWords = Integer.parseInt(rules.getProperty("tail.max-words"));
        speakerMaxGap = Integer.parseInt(rules.getProperty("speaker.max-gap"));
        maxCounterparties = Integer.parseInt(rules.getProperty("counterparties.max"));
    }

    List<ClaimDraft> find(SentenceSplitter.Sentence sentence, int index, List<Token> tokens, List<Mention> mentions,
            ArticleContext ctx, LocalDate publishedOn) {
        if (mentions.isEmpty() || tokens.isEmpty()) {
            return List.of();
        }
        SentenceParts parts = new SentenceParts(tokens, mentions, ctx);
        FrameReader frames = new FrameReader(parts, tailMaxWords, speakerMaxGap);
        RoleReader roles = new RoleReader(parts, maxCounterparties);
        Frame frame = frames.frame();
        if (frame == null) {
            return List.of();
        }
        String stanceWhy = null;
        SentenceParts.Cue dismissal = parts.firstCue(frame.from, frame.to, EnumSet.of(CueType.DISMISS));
        if (frame.type == CueType.REPORT && dismissal != null) {
            frame.type = CueType.DENY; // "menyebut laporan itu tidak berdasar"
            frame.selfSubject |= true;
            stanceWhy = "the speaker calls it \"" + ctx.body.substring(tokens.get(dismissal.start()).start(),
                    tokens.get(dismissal.end() - 1).end()) + "\" (a dismissal)";
        }
        List<ClaimDraft> drafts = roles.claims(frame);
        boolean continued = false;
        if (drafts == null && frame.type != null && ctx.lastClaim != null && ctx.lastClaimParagraph >= sentence.paragraph() - 1
                && (frame.pronounSpeaker || sideOf(frame.speakerActor, ctx.lastClaim))) {
            // "... said the shipments had been disguised": the same parties as the claim before, when one of its sides
            // speaks (not "according to Box Office Mojo" after a ministry's accusation)
            ClaimDraft before = ctx.lastClaim;
            drafts = List.of(roles.draft(frame.speakerActor, before.subject, before.counterparty, before.place, false, false, false));
            drafts.get(0).publisherVoice = frame.speakerActor == ctx.noSpeaker;
            continued = true;
        }
        boolean toldAround = false;
        if (drafts == null && frame.type != null && ctx.noSpeaker != null) {
            // the speaker says nothing about a party ("... and said unrest there reflected old tensions"):
            // what the sentence itself tells, in the publisher's voice
            Mention speaker = frame.speaker;
            CueType said = frame.type;
            frame = frames.unattributed();
            // "... , Austria's interior minister said": whoever speaks is not what the sentence tells of
            frame.mutedSpeaker = speaker == null || actsBeforeSpeaking(parts, speaker, said) ? null : speaker;
            drafts = roles.claims(frame);
            toldAround = true;
        }
        if (drafts == null || drafts.isEmpty()) {
            return List.of();
        }
        if (frame.type != null && !frame.pronounSpeaker && frame.speaker != null) {
            ctx.spoke(frame.speakerActor);
        }
        if (frame.type == CueType.REPORT && roles.saysItDidNot(frame, drafts.get(0))) {
            frame.type = CueType.DENY; // "Iran said it had not sent any missiles"
            stanceWhy = "the speaker says that it (its side) did not or never did it: a denial without a denial verb";
        }
        if ((frame.type == CueType.REPORT || frame.type == CueType.BELIEF) && !frame.negated && !frame.ownAct) {
            // "menilai kekisruhan ... bukan karena gangguan dari Koalisi Merah Putih": it was not that party's doing
            SentenceParts.Cue exonerating = parts.firstCue(frame.from, frame.to, EnumSet.of(CueType.EXONERATE));
            Mention cleared = exonerating == null ? null : exonerated(parts, exonerating, frame.to);
            if (cleared != null) {
                ClaimDraft d = drafts.get(0);
                d.subject = cleared.actor();
                d.counterparty = null;
                d.counterpartyWhy = null;
                d.subjectWhy = "the party the speaker says did not cause it: " + ClaimDraft.describe(cleared.actor()) + " as \""
                        + ctx.body.substring(tokens.get(cleared.start()).start(), tokens.get(cleared.end() - 1).end()) + "\"";
                drafts = List.of(d);
                frame.type = CueType.DENY;
                stanceWhy = "the speaker says it was not that party's doing (\"" + ctx.body.substring(
                        tokens.get(exonerating.start()).start(), tokens.get(exonerating.end() - 1).end()) + "\"): a denial on its behalf";
            }
        }
        boolean hostile = hostileAct(tokens, frame.from, frame.to);
        String blame = blameWord(tokens, frame, ctx);
        ctx.lastClaim = drafts.get(drafts.size() - 1);
        ctx.lastClaimParagraph = sentence.paragraph();
        ClaimCategory category = Categories.of(tokens, frame.from, frame.to, ctx.language);
        StatedDates.Stated stated = StatedDates.find(tokens, ctx.language, publishedOn);
        int[] quote = roles.quote(frame, sentence);
        for (ClaimDraft d : drafts) {
            d.sentence = index;
            d.category = category;
            d.stance = stance(frame, d, category, hostile, blame);
            d.cue = frame.cueText == null ? null : "\"" + frame.cueText + "\" (" + cueKind(frame.type) + ")";
            d.claimantWhy = d.claimant == ctx.noSpeaker ? null
                    : ClaimDraft.describe(d.claimant) + (frame.speaker == null ? "" : " as \"" + ctx.body.substring(
                            tokens.get(frame.speaker.start()).start(), tokens.get(frame.speaker.end() - 1).end()) + "\"")
                            + (frame.speakerRule == null ? "" : "; " + frame.speakerRule);
            d.stanceWhy = stanceWhy != null ? stanceWhy : stanceReason(frame, d, category, hostile, blames(frame, d, blame));
            d.quoteStart = quote[0];
            d.quoteEnd = quote[1];
            if (stated != null) {
                d.statedOn = stated.date();
                d.statedOnPrecision = stated.precision();
            } else if (frame.type != null && publishedOn != null) {
                // said without a date: on the news day
                d.statedOn = publishedOn;
                d.statedOnPrecision = DatePrecision.DAY;
            }
            d.continued = continued;
            d.accusation = frame.type == CueType.ACCUSE;
            d.confidence = confidence(frame, d);
        }
        boolean reportsAct = category != ClaimCategory.OTHER || act(parts, frame.from, frame.to);
        for (ClaimDraft d : drafts) {
            d.reportsAct = reportsAct;
        }
        ArticleActors.Actor outlet = frame.type == null && (!parts.speaks() || toldAround) && !quoted(tokens) && reportsAct
                ? ctx.outlet() : null;
        if (outlet != null) {
            // "Turkish warplanes struck targets in northern Iraq.": no one in the text is said to speak, or what a speaker
            // says names no party and the sentence's parties are told around it; the outlet that publishes it states it
            // (never when a speaking verb's speaker was not found: that one is unknown). Only an act between parties
            // with a country among them: "Netflix has been a game changer" is no statement for the atlas, and every
            // sentence of a story naming someone would otherwise be stored
            for (ClaimDraft d : drafts) {
                if (d.claimant == ctx.noSpeaker && withCountry(d)) {
                    d.claimant = outlet;
                    d.claimantWhy = ClaimDraft.describe(outlet) + "; the publisher, who states what it reports: " + (toldAround
                            ? "what the speaker says names no party, the sentence tells the rest"
                            : "the sentence has no speaking verb and names no speaker");
                }
            }
        }
        return drafts;
    }

    /** The speaker is the claim's claimant or of the country of one of its parties: "Kyiv said ..." after Russia accused Ukraine. */
    private static boolean sideOf(ArticleActors.Actor speaker, ClaimDraft claim) {
        if (speaker == claim.claimant) {
            return true;
        }
        String country = speaker == null ? null : speaker.country();
        return country != null && (country.equals(claim.claimant.country()) || country.equals(claim.subject.country())
                || claim.counterparty != null && country.equals(claim.counterparty.country()));
    }

    /**
     * The speaker named before its verb is a party of what the sentence tells when it does something first ("The United
     * States defended the right of Russian troops ... and insisted ...") or speaks in no verb of its own ("Estonia
     * summoned Russia's chargé d'affaires to protest ...": the one before "to"/"untuk" and the cue).
     */
    private boolean actsBeforeSpeaking(SentenceParts parts, Mention speaker, CueType said) {
        for (SentenceParts.Cue cue : parts.cues) {
            if (cue.start() >= speaker.end() && cue.type() == said) {
                Token before = parts.tokens.get(cue.start() - 1);
                return before.is("to") || before.is("untuk") || act(parts, speaker.end(), cue.start())
                        || hostileAct(parts.tokens, speaker.end(), cue.start());
            }
        }
        return false;
    }

    /** The party right after an exonerating phrase, at most two words between ("bukan karena gangguan dari KMP"), or null. */
    private static Mention exonerated(SentenceParts parts, SentenceParts.Cue cue, int to) {
        for (int i = cue.end(); i < Math.min(to, cue.end() + 3); i++) {
            if (parts.mentionAt[i] >= 0) {
                Mention m = parts.mentions.get(parts.mentionAt[i]);
                return m.start() == i ? m : null;
            }
            if (!parts.tokens.get(i).isWord()) {
                return null;
            }
        }
        return null;
    }

    /** A sentence with quotation marks is someone's words (a quote's second sentence names no speaker), not the outlet's. */
    private static boolean quoted(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isQuote()) {
                return true;
            }
        }
        return false;
    }

    private static String cueKind(CueType type) {
        return switch (type) {
            case ACCUSE -> "accusing or criticising verb";
            case DENY -> "denying verb";
            case CONFIRM -> "confirming verb";
            case REPORT -> "reporting verb";
            case BELIEF -> "verb of belief";
            case ACCORDING -> "attribution";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String stanceReason(Frame frame, ClaimDraft d, ClaimCategory category, boolean hostile, String blame) {
        if (frame.type == null || d.publisherVoice) {
            return "no speaker in the text: told as a fact of the sentence (a publisher reporting it states it)";
        }
        return switch (d.stance) {
            case ALLEGES -> frame.type == CueType.ACCUSE ? "an accusing verb"
                    : blame != null ? "the speaker blames the subject: \"" + blame + "\" (a word of blame)"
                    : hostile ? "the speaker tells of another country's hostile act"
                    : frame.belief ? "the speaker believes another country did it" : "the speaker tells of another country's " + category;
            case DENIES -> "a denying verb";
            case CONFIRMS -> "a confirming verb";
            default -> frame.negated ? "the verb is negated" : "a statement, not about another country's wrongdoing";
        };
    }

    /** A word of an act between parties in what is said, outside the parties' names ("met", "imposed", "menyerang"). */
    private boolean act(SentenceParts parts, int from, int to) {
        for (int i = from; i < to && i < parts.tokens.size(); i++) {
            Token t = parts.tokens.get(i);
            if (parts.mentionAt[i] < 0 && lexicon.isAct(t.norm(), t.maybeVerb())) {
                return true;
            }
        }
        return false;
    }

    /** The claim is about a country's party: its subject's or its counterparty's. */
    private static boolean withCountry(ClaimDraft d) {
        return d.subject.country() != null || d.counterparty != null && d.counterparty.country() != null;
    }

    /** A word of a hostile or unlawful act in what is said ("menumbangkan", "violated", "attacked"). */
    private boolean hostileAct(List<Token> tokens, int from, int to) {
        for (int i = from; i < to && i < tokens.size(); i++) {
            if (lexicon.isHostileAct(tokens.get(i).norm(), tokens.get(i).maybeVerb())) {
                return true;
            }
        }
        return false;
    }

    private Stance stance(Frame frame, ClaimDraft d, ClaimCategory category, boolean hostile, String blame) {
        if (frame.type == null || d.publisherVoice) {
            return Stance.STATES; // a publisher reports, it does not allege
        }
        boolean blames = blames(frame, d, blame) != null;
        Stance stance = switch (frame.type) {
            case ACCUSE -> frame.negated ? Stance.STATES : Stance.ALLEGES;
            case DENY -> Stance.DENIES;
            case CONFIRM -> Stance.CONFIRMS;
            default -> !frame.negated && (blames || foreign(d) && (alleging.contains(category) || frame.belief || hostile))
                    ? Stance.ALLEGES : Stance.STATES;
        };
        return stance == Stance.ALLEGES && (d.subject == d.claimant || d.subject.country() != null
                && d.subject.country().equals(d.claimant.country()) && frame.type != CueType.ACCUSE && !blames) ? Stance.STATES : stance;
    }

    /**
     * The word of blame a speaker uses of the claim's subject ("menilai Menteri Hukum dan HAM keliru"), or null: none
     * of a speaking verb other than an accusing or denying one, or the subject is the speaker's own side.
     */
    private static String blames(Frame frame, ClaimDraft d, String blame) {
        boolean saying = frame.type == CueType.REPORT || frame.type == CueType.BELIEF || frame.type == CueType.ACCORDING;
        return blame != null && saying && !frame.negated && !frame.ownAct && !d.pronounSubject && d.subject != d.claimant ? blame : null;
    }

    /** The first word of blame in what is said, not negated right before it ("tidak melanggar"), or null. */
    private String blameWord(List<Token> tokens, Frame frame, ArticleContext ctx) {
        for (PhraseTable.Match<Boolean> m : lexicon.blameWords().findAll(tokens, frame.from, Math.min(frame.to, tokens.size()))) {
            boolean negated = false;
            for (int i = Math.max(frame.from, m.start() - 2); i < m.start(); i++) {
                negated |= ctx.language.role(tokens.get(i)) == Lexicon.Role.NEGATION;
            }
            if (!negated) {
                return ctx.body.substring(tokens.get(m.start()).start(), tokens.get(m.end() - 1).end());
            }
        }
        return null;
    }

    /** The subject belongs to another country than the claimant. */
    private static boolean foreign(ClaimDraft d) {
        return d.subject.country() != null && !Objects.equals(d.subject.country(), d.claimant.country());
    }

    private double confidence(Frame frame, ClaimDraft d) {
        Properties w = RuleFiles.CONFIDENCE;
        double c = weight(w, "base." + (frame.type == null ? "UNATTRIBUTED" : frame.type.name()));
        if (frame.type == CueType.REPORT || frame.type == CueType.BELIEF || frame.type == CueType.ACCORDING) {
            c -= d.stance == Stance.ALLEGES ? weight(w, "penalty.inferredAllegation") : 0;
        }
        c -= d.pronounSubject ? weight(w, "penalty.pronounSubject") : 0;
        c -= frame.speaker != null && frame.speaker.guessedCountry() ? weight(w, "penalty.contextCountry") : 0;
        c -= d.converse ? weight(w, "penalty.converse") : 0;
        c -= d.category == ClaimCategory.OTHER ? weight(w, "penalty.otherCategory") : 0;
        c -= frame.pronounSpeaker ? weight(w, "penalty.pronounSpeaker") : 0;
        c -= d.continued ? weight(w, "penalty.continued") : 0;
        c -= d.publisherVoice && frame.type != null ? weight(w, "penalty.noSpeaker") : 0;
        return Math.round(Math.max(0.05, Math.min(0.95, c)) * 100) / 100.0;
    }

    private static double weight(Properties w, String key) {
        return Double.parseDouble(w.getProperty(key, "0"));
    }
}
