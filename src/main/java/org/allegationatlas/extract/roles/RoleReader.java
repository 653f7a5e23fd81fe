package org.allegationatlas.extract.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.extract.lexicon.Lexicon.CueType;
import org.allegationatlas.extract.lexicon.Lexicon.Role;
import org.allegationatlas.extract.lexicon.Lexicon.TransferType;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.text.SentenceSplitter;
import org.allegationatlas.extract.text.Token;

/**
 * About whom a speaker speaks. The subject is the first party not behind a role word ("ke", "to",
 * "di", "from"...), or the claimant itself (its state, for "mereka"/"they" of a body) for a pronoun
 * or "threatened to ...", or the doer after "oleh"/"by" in a passive, or for a denial that names no
 * doer the denier's state. Counterparties are the parties behind "ke"/"to"/"dari"/"from"/"dengan"...
 * (else the next party, a direct object), coordinated ones ("Donetsk dan Luhansk") each in a claim
 * of its own; a territory behind a role word, or a party behind "di"/"in", is the place. Transfers:
 * "A membeli/buys ... dari/from B" also makes "B supplies A"; "A menerima/received ... buatan B",
 * "B-made" or "B's missiles" make a claim about B.
 */
final class RoleReader extends SentenceParts {

    private final int maxCounterparties;

    RoleReader(SentenceParts sentence, int maxCounterparties) {
        super(sentence);
        this.maxCounterparties = maxCounterparties;
    }

    /** The claims of what the frame says; null when it names no subject. */
    List<ClaimDraft> claims(Frame frame) {
        sufferer = null;
        List<Mention> said = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= frame.from && m.end() <= frame.to && m != frame.speaker && m != frame.mutedSpeaker) {
                said.add(m);
            }
        }
        ArticleActors.Actor claimant = frame.speakerActor;
        boolean speakerless = claimant == ctx.noSpeaker;
        Mention agent = passiveAgent(said, frame.from);
        Role pronoun = leadingPronoun(frame.from, frame.to);
        Mention subjectMention = null;
        ArticleActors.Actor subject;
        String subjectWhy;
        boolean denial = frame.type == CueType.DENY || frame.type == CueType.CONFIRM;
        if (frame.forcedSubject != null) {
            subjectMention = frame.forcedSubject;
            subject = subjectMention.actor();
            pronoun = null;
            subjectWhy = "the party before the passive verb";
        } else if (frame.selfSubject || denial && !speakerless && genericSubject(frame.from, frame.to)) {
            // "the charge, which Hanoi rejected"; "denied that the army had ...", "menyangkal laporan pesawatnya ...":
            // the denier speaks of itself (its state)
            subject = claimant.country() != null && claimant.kind() != ActorKind.STATE ? ctx.state(claimant.country(), null) : claimant;
            pronoun = Role.PRONOUN;
            subjectWhy = "the speaker's own state (the denial is of its own act)";
        } else if (agent != null) {
            subjectWhy = "the doer after \"by\"/\"oleh\" in a passive";
            subjectMention = agent;
            subject = agent.actor();
        } else if (pronoun == null && frame.type == CueType.REPORT && frame.from < frame.to
                && (frame.ownAct || tokens.get(frame.from).is("to"))) {
            // "Pakistan threatened to break off relations with Congo": the speaker does it
            subject = claimant;
            pronoun = Role.SELF;
            subjectWhy = "the speaker itself (\"threatened to ...\")";
        } else if (pronoun != null && frame.type != null && !speakerless
                && (pronoun == Role.PRONOUN || claimant.kind() == ActorKind.PERSON) && !holdsAView(frame.from, frame.to)) {
            subjectWhy = "a pronoun opening what is said: the speaker" + (pronoun == Role.PRONOUN ? " (its state)" : "");
            // "he" only ever means a person who speaks; "they", "we", "it" also a state or a body
            subject = pronoun == Role.PRONOUN && claimant.speaksForState && claimant.country() != null
                    && claimant.kind() != ActorKind.STATE ? ctx.state(claimant.country(), null) : claimant;
        } else {
            pronoun = null;
            subjectMention = subjectOf(said, !hostileIn(frame.from, frame.to), speakerless && Lexicon.ENGLISH.equals(lang.code()));
            subject = subjectMention == null ? null : subjectMention.actor();
            subjectWhy = speakerless ? "the first party of the sentence not introduced by a preposition"
                    : "the first party after the verb not introduced by a preposition";
            Mention doer = doerOfWhenClause(said, subjectMention);
            if (doer != null) {
                sufferer = subjectMention;
                subjectMention = doer;
                subject = doer.actor();
                subjectWhy = "the party of the clause of time after what the first party suffered (\"were killed when X ...\")";
            } else if (sufferedUnnamedAct(subjectMention)) {
                // "Two US service members have been killed in a helicopter crash in Afghanistan", "was besieged by police":
                // the party suffered an act whose doer is no party of the sentence (none after "by", no "when X ..."):
                // no party is said to have acted
                return null;
            }
        }
        if (denial && !speakerless && (subject == null || mark(subjectMention) != Mark.NONE || opensWithVerb(frame.from, frame.to))) {
            subjectWhy = "the speaker's own state (nothing else is said to have acted)";
            // "Iranian officials denied sending weapons to Yemen", "Kremlin membantah tuduhan tersebut": the denier's own state
            subject = claimant.country() != null && claimant.kind() != ActorKind.STATE ? ctx.state(claimant.country(), null) : claimant;
            subjectMention = null;
            pronoun = Role.PRONOUN;
        }
        if (subject == null && !speakerless && frame.type == CueType.REPORT && genericSubject(frame.from, frame.to)
                && negationNear(frame.from, frame.to)) {
            // "said his country was not behind the attack", "menegaskan negaranya tidak berniat ...": its own side did not
            subjectWhy = "the speaker's own side, which it says did not do it";
            subject = claimant.country() != null && claimant.kind() != ActorKind.STATE ? ctx.state(claimant.country(), null) : claimant;
            pronoun = Role.PRONOUN;
        }
        if (subject == null) {
            return null;
        }
        lastSubjectWhy = subjectWhy + ": " + ClaimDraft.describe(subject)
                + (subjectMention == null ? "" : " as \"" + surface(subjectMention) + "\"");
        List<Mention> counterparties = sufferer != null ? List.of(sufferer) : counterparties(said, subjectMention, agent, subject);
        if (subject == claimant && pronoun == Role.SELF && counterparties.stream().noneMatch(m -> foreignTo(m, claimant))) {
            // "mengancam akan menutup pangkalan Incirlik jika Amerika Serikat menjatuhkan sanksi", "threatened to ban voting
            // if Hamas ran": a threat's condition names whom it is aimed at
            Mention conditioned = conditionalParty(said, claimant);
            if (conditioned != null) {
                counterparties = List.of(conditioned);
            }
        }
        ArticleActors.Actor place = place(said, subject, counterparties);
        List<ClaimDraft> drafts = new ArrayList<>();
        Mention supplier = frame.selfSubject ? null : supplier(said, subject);
        TransferType transfer = transfer(frame.from, frame.to);
        if (supplier != null && transfer == TransferType.BUY) {
            drafts.add(draft(claimant, subject, supplier.actor(), place, true, false, pronoun != null));
            drafts.add(draft(claimant, supplier.actor(), subject, place, false, true, false));
        } else if (supplier != null && (transfer == TransferType.RECEIVE || supplier.origin() || mark(supplier) == Mark.ORIGIN
                || madeWeapons(supplier))) {
            drafts.add(draft(claimant, supplier.actor(), subject, place, false, true, false));
        } else if (counterparties.isEmpty()) {
            ArticleActors.Actor attacked = attackedCountry(frame, subject, place);
            ArticleActors.Actor affected = attacked == null ? affectedCountry(frame, subject, place) : null;
            drafts.add(draft(claimant, subject, attacked != null ? attacked : affected, place, false, false, pronoun != null));
            if (attacked != null) {
                drafts.get(drafts.size() - 1).counterpartyWhy = ClaimDraft.describe(attacked)
                        + ", the country where the hostile act took place (\"struck targets in northern Iraq\")";
            } else if (affected != null) {
                drafts.get(drafts.size() - 1).counterpartyWhy = ClaimDraft.describe(affected)
                        + ", the other country where what the speaker says its own side will or will not do takes place";
            }
        } else {
            for (Mention cp : counterparties) {
                drafts.add(draft(claimant, subject, cp.actor(), place, false, false, pronoun != null));
            }
        }
        for (ClaimDraft d : drafts) {
            d.publisherVoice = claimant == ctx.noSpeaker;
            d.subjectWhy = d.converse ? "the supplier named in a purchase or a made-in phrase: " + ClaimDraft.describe(d.subject)
                    : lastSubjectWhy;
            if (d.counterparty != null && d.counterpartyWhy == null) {
                Mention cp = mentionOf(said, d.counterparty);
                d.counterpartyWhy = ClaimDraft.describe(d.counterparty) + (cp == null ? " (the other party of the act)"
                        : " as \"" + surface(cp) + "\"" + counterpartyRule(cp));
            }
        }
        return drafts;
    }

    private String lastSubjectWhy;

    private static final java.util.Set<String> CONDITIONS = java.util.Set.of("if", "unless", "jika", "jikalau", "apabila", "bila",
            "kalau", "kecuali", "seandainya", "selama");

    private static boolean foreignTo(Mention m, ArticleActors.Actor claimant) {
        return m.actor().country() != null && !Objects.equals(m.actor().country(), claimant.country());
    }

    /** The first party of another country than the speaker's that opens a clause of condition ("if", "jika", "unless"). */
    private Mention conditionalParty(List<Mention> said, ArticleActors.Actor claimant) {
        for (Mention m : said) {
            int i = m.start() - 1;
            while (i >= 0 && (tokens.get(i).is("the") || lang.role(tokens.get(i)) == Role.SKIP)) {
                i--;
            }
            if (i >= 0 && CONDITIONS.contains(tokens.get(i).norm()) && mark(m) == Mark.NONE && foreignTo(m, claimant)) {
                return m;
            }
        }
        return null;
    }

    /**
     * "Russian missiles hit an apartment block in the Ukrainian city of Dnipro", "Jet tempur Israel menyerang sebuah desa
     * di Lebanon selatan": a hostile act on another country's soil, with no other party, is against that country.
     */
    private ArticleActors.Actor attackedCountry(Frame frame, ArticleActors.Actor subject, ArticleActors.Actor place) {
        ArticleActors.Actor claimant = frame.speakerActor;
        boolean claimantsOwn = claimant != null && claimant != ctx.noSpeaker && place != null
                && java.util.Objects.equals(claimant.country(), place.country());
        if (place == null || place.country() == null || subject.country() == null || place.country().equals(subject.country())
                || claimantsOwn || frame.selfSubject || !hostileIn(frame.from, frame.to)) {
            // an act on the speaker's own soil is told of as such ("accused Ukraine of arming militias in the Belgorod region")
            return null;
        }
        return place.kind() == ActorKind.STATE ? place : ctx.state(place.country(), null);
    }

    /**
     * "The U.S. said it would not meet demands to release prisoners in Iraq", "refused to deploy peacekeepers in Iraq": what
     * the speaker says of its own side's deed, with no other party, concerns the other country where it takes place.
     */
    private ArticleActors.Actor affectedCountry(Frame frame, ArticleActors.Actor subject, ArticleActors.Actor place) {
        ArticleActors.Actor claimant = frame.speakerActor;
        if (claimant == null || claimant == ctx.noSpeaker || place == null || place.country() == null || claimant.country() == null
                || place.country().equals(claimant.country()) || !Objects.equals(subject.country(), claimant.country())) {
            return null;
        }
        return place.kind() == ActorKind.STATE ? place : ctx.state(place.country(), null);
    }

    private boolean hostileIn(int from, int to) {
        for (int i = from; i < to && i < tokens.size(); i++) {
            if (mentionAt[i] < 0 && ctx.lexicon.isHostileAct(tokens.get(i).norm(), tokens.get(i).maybeVerb())) {
                return true;
            }
        }
        return false;
    }
    /** The party that suffered the act, when its doer is the subject of a clause of time after it. */
    private Mention sufferer;

    /**
     * "Two Indian soldiers were killed when Pakistani troops opened fire", "Tiga tentara Thailand tewas ketika pasukan
     * Kamboja menembaki ...": the first party suffered (a passive, "tewas"), and the party opening the clause of time
     * after it ("when", "ketika") did it: that party is the subject, the first the counterparty.
     */
    private Mention doerOfWhenClause(List<Mention> said, Mention first) {
        if (first == null || first.actor().kind() == ActorKind.TERRITORY) {
            return null;
        }
        Mention next = null;
        for (Mention m : said) {
            if (m.start() >= first.end()) {
                next = m;
                break;
            }
        }
        if (next == null || mark(next) != Mark.NONE || next.actor().country() == null
                || java.util.Objects.equals(next.actor().country(), first.actor().country())) {
            return null;
        }
        boolean suffered = false;
        boolean when = false;
        for (int i = first.end(); i < next.start(); i++) {
            Role role = lang.role(tokens.get(i));
            if (mentionAt[i] >= 0) {
                return null;
            }
            suffered |= role == Role.SUFFERED
                    || role == Role.PASSIVE && i + 1 < next.start() && tokens.get(i + 1).norm().matches("[a-z]+(ed|en|wn)");
            when |= suffered && role == Role.WHEN;
        }
        return when ? next : null;
    }

    /**
     * In English, the party is the one acted on by a passive hostile verb right after it ("were killed", "service
     * members have been attacked"): an auxiliary of the passive, then the verb, within six words, before any other party
     * or comma.
     */
    private boolean sufferedUnnamedAct(Mention first) {
        if (first == null || !Lexicon.ENGLISH.equals(lang.code())) {
            return false;
        }
        boolean passive = false;
        for (int i = first.end(); i < Math.min(tokens.size(), first.end() + 6); i++) {
            Token t = tokens.get(i);
            if (mentionAt[i] >= 0 || !t.isWord()) {
                return false;
            }
            if (lang.role(t) == Role.PASSIVE) {
                passive = true;
            } else if (passive) {
                return t.norm().matches("[a-z]+(ed|en|wn)") && ctx.lexicon.isHostileAct(t.norm(), true);
            }
        }
        return false;
    }

    /**
     * "US troops remain in Afghanistan, 18 years after Washington invaded", "Netanyahu visited the Gush Etzion settlement
     * bloc": a state, its bodies, people and places are one side; the other side of its act is another country's or a
     * group's (the Taliban and the Afghan government are two sides of one country). English news only: in Indonesian
     * news a party's members and its leaders are read as sides of one another ("Ketua DPP Partai Demokrat ... menilai
     * para ketua DPD Demokrat").
     */
    private static boolean ownSide(ArticleActors.Actor party, ArticleActors.Actor subject) {
        return party.country() != null && party.country().equals(subject.country())
                && party.kind() != ActorKind.GROUP && subject.kind() != ActorKind.GROUP;
    }

    private String surface(Mention m) {
        return ctx.body.substring(tokens.get(m.start()).start(), tokens.get(m.end() - 1).end());
    }

    private static Mention mentionOf(List<Mention> said, ArticleActors.Actor actor) {
        for (Mention m : said) {
            if (m.actor() == actor) {
                return m;
            }
        }
        return null;
    }

    private String counterpartyRule(Mention m) {
        Mark mark = mark(m);
        int before = m.start() - 1;
        String word = before >= 0 ? tokens.get(before).text() : "";
        return switch (mark) {
            case COUNTERPARTY, SOURCE -> ", the noun phrase after \"" + word + "\"";
            case ORIGIN -> ", named as the maker";
            default -> ", the next party after the subject (a direct object)";
        };
    }

    /**
     * What is denied opens with the speaker's own side, not with a named party: a pronoun or possessive
     * ("its troops", "pesawatnya", "they") or a bare role noun ("the army"), before any party is named.
     */
    private boolean genericSubject(int from, int to) {
        for (int i = from; i < Math.min(to, from + 6); i++) {
            if (mentionAt[i] >= 0) {
                return false;
            }
            Token t = tokens.get(i);
            String w = t.norm();
            Role role = lang.role(t);
            if (role == Role.NEGATION && agentWithin(i + 1, Math.min(to, i + 4))) {
                return true; // "tidak ada anggota polisi yang menembak", "no soldier fired": none of the speaker's own people
            }
            if (role == Role.PRONOUN || role == Role.SELF || w.equals("its") || w.equals("their") || w.equals("his")
                    || w.equals("her") || w.endsWith("nya") && w.length() > 5
                    || (ctx.lexicon.isAgent(w) || w.equals("country") || w.equals("government")) && i > from
                            && (tokens.get(i - 1).is("the") || tokens.get(i - 1).is("its"))) {
                return true;
            }
        }
        return false;
    }

    /** A role noun of a group's members ("polisi", "soldier", "tentara") among tokens [from, to), before any party. */
    private boolean agentWithin(int from, int to) {
        for (int i = from; i < to; i++) {
            if (mentionAt[i] >= 0) {
                return false;
            }
            String w = tokens.get(i).norm();
            if (ctx.lexicon.isAgent(w) || w.endsWith("s") && ctx.lexicon.isAgent(w.substring(0, w.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A negation among the first words of what is said. */
    private boolean negationNear(int from, int to) {
        for (int i = from; i < Math.min(to, from + 6); i++) {
            if (lang.role(tokens.get(i)) == Role.NEGATION) {
                return true;
            }
        }
        return false;
    }

    ClaimDraft draft(ArticleActors.Actor claimant, ArticleActors.Actor subject, ArticleActors.Actor counterparty,
            ArticleActors.Actor place, boolean acquires, boolean converse, boolean pronounSubject) {
        ClaimDraft d = new ClaimDraft();
        d.claimant = claimant;
        d.subject = subject;
        d.counterparty = counterparty == subject ? null : counterparty;
        d.place = place == subject || place == d.counterparty ? null : place;
        d.acquires = acquires && d.counterparty != null;
        d.converse = converse;
        d.pronounSubject = pronounSubject;
        return d;
    }

    /** "was attacked by X" / "diserang oleh X": X does it. */
    private Mention passiveAgent(List<Mention> said, int from) {
        for (Mention m : said) {
            if (mark(m) != Mark.AGENT) {
                continue;
            }
            for (int i = from; i < m.start(); i++) {
                Token t = tokens.get(i);
                boolean passive = lang.role(t) == Role.PASSIVE
                        || Lexicon.INDONESIAN.equals(lang.code()) && t.norm().startsWith("di") && t.norm().length() > 4
                                && mentionAt[i] < 0;
                if (passive) {
                    return m;
                }
            }
        }
        return null;
    }

    /** "mereka", "they", "he" opening what is said, before any party; a time phrase may come first ("in December that it"). */
    private Role leadingPronoun(int from, int to) {
        int at = leadingPronounAt(from, to);
        if (at < 0) {
            return null;
        }
        Role role = lang.role(tokens.get(at));
        return role == Role.SELF ? Role.SELF : Role.PRONOUN;
    }

    /** Where {@link #leadingPronoun} is; -1 when none. */
    private int leadingPronounAt(int from, int to) {
        for (int i = from; i < Math.min(to, from + 8); i++) {
            if (mentionAt[i] >= 0) {
                return -1;
            }
            Token t = tokens.get(i);
            Role role = lang.role(t);
            if (role == Role.PRONOUN || role == Role.SELF) {
                return i;
            }
            // "pasukannya", "negaranya", "its troops", "their forces": the speaker's own side
            String w = t.norm();
            if (w.equals("its") || w.equals("their") || Lexicon.INDONESIAN.equals(lang.code()) && w.endsWith("nya") && w.length() > 5
                    && (ctx.lexicon.isAgent(w.substring(0, w.length() - 3)) || w.startsWith("negara") || w.startsWith("pihak"))) {
                return i;
            }
            boolean timePhrase = role == Role.SKIP || role == Role.CLAUSE || role == Role.PLACE || role == Role.COUNTERPARTY
                    || AUXILIARIES.contains(t.norm()) || TIME_WORDS.contains(t.norm()) || lang.dates().longestAt(tokens, i) != null
                    || t.text().chars().allMatch(Character::isDigit);
            if (t.isWord() && !timePhrase) {
                return -1;
            }
        }
        return -1;
    }

    /** English verbs of a view or a feeling: what follows them is what the one holding it sees others do. */
    private static final java.util.Set<String> VIEWS = java.util.Set.of("view", "views", "viewed", "regret", "regrets", "regretted",
            "fear", "fears", "feared", "hope", "hopes", "hoped", "think", "thinks", "thought", "consider", "considers", "considered",
            "doubt", "doubts", "doubted");

    /**
     * "said it viewed Washington's move as ...", "said it believes Iran supplied ...": the pronoun holds a view of what
     * others did; it is not the doer (the speaker's state was the subject of every such claim).
     */
    private boolean holdsAView(int from, int to) {
        int at = leadingPronounAt(from, to);
        Role role = at < 0 ? null : lang.role(tokens.get(at));
        if (role != Role.PRONOUN && role != Role.SELF) {
            return false; // none, or a possessive: "its troops"
        }
        int i = at + 1;
        while (i < to && (AUXILIARIES.contains(tokens.get(i).norm()) || tokens.get(i).norm().endsWith("ly")
                || tokens.get(i).text().matches("[\"“”]"))) {
            i++; // "it also firmly believes", "it \"regrets ...\""
        }
        if (i >= to) {
            return false;
        }
        PhraseTable.Match<CueType> cue = lang.cues().longestAt(tokens, i);
        return VIEWS.contains(tokens.get(i).norm()) || cue != null && cue.value() == CueType.BELIEF;
    }

    /**
     * The doer of what is said: the first party free of a preposition; failing one, a party after one, but in the
     * outlet's English sentences not the other side of an act ("interview with the FBI", "pain for American farmers",
     * "weighing on the United States economy"): such a sentence names no doer. Both sides of "between" are its doers.
     */
    private Mention subjectOf(List<Mention> said, boolean noHostileAct, boolean outletsEnglish) {
        for (Mention m : said) {
            if (mark(m) == Mark.NONE && m.actor().kind() != ActorKind.TERRITORY && !m.origin() && !(noHostileAct && namesAThing(m))
                    && !namesAPlace(m) && !viewHolder(m)) {
                return m;
            }
        }
        for (Mention m : said) {
            if (mark(m) != Mark.MODIFIER && mark(m) != Mark.PLACE && m.actor().kind() != ActorKind.TERRITORY && !(noHostileAct && namesAThing(m))
                    && !namesAPlace(m) && !viewHolder(m) && !(outletsEnglish && mark(m) == Mark.COUNTERPARTY && !afterBetween(m))) {
                return m;
            }
        }
        // "masih banyak kecurangan yang dilakukan KPU", "Setiap tempat yang digunakan Hamas adalah target": the only party
        // is the doer inside a relative clause; what is said is about it
        for (Mention m : said) {
            if (mark(m) == Mark.MODIFIER && m.actor().kind() != ActorKind.TERRITORY && !(noHostileAct && namesAThing(m))) {
                return m;
            }
        }
        return null;
    }

    private static final java.util.Set<String> VIEW_NOUNS = java.util.Set.of("position", "view", "views", "stance", "belief",
            "assessment", "opinion");

    /** "reiterated the UK's position that settlements are illegal": the one whose view it is does not do what it says. */
    private boolean viewHolder(Mention m) {
        return m.end() + 1 < tokens.size() && tokens.get(m.end()).is("'s") && VIEW_NOUNS.contains(tokens.get(m.end() + 1).norm());
    }

    /** "between China and Japan": the party, or the list it is in, follows "between". */
    private boolean afterBetween(Mention m) {
        Mention first = m;
        for (Mention previous = firstConjunct(m); previous != null; previous = firstConjunct(previous)) {
            first = previous;
        }
        int i = first.start() - 1;
        while (i >= 0 && lang.role(tokens.get(i)) == Role.SKIP) {
            i--;
        }
        return i >= 0 && tokens.get(i).is("between");
    }

    /**
     * "in the heart of Afghan capital", "near the Syrian border": a place, which does not act even in a sentence of a
     * hostile act (it may suffer one: "struck the Ukrainian capital" keeps its counterparty). Not "the capital Dili": the
     * capital's name stands for those in it ("Prisoners rioted at a jail in East Timor's capital Dili", a PLOVER dev row).
     */
    private boolean namesAPlace(Mention m) {
        Token next = afterDemonym(m);
        return next != null && PLACE_NOUNS.contains(next.norm());
    }

    private static final java.util.Set<String> PLACE_NOUNS = java.util.Set.of("capital", "city", "cities", "town", "towns",
            "village", "villages", "province", "provinces", "region", "regions", "border", "borders", "coast", "island",
            "islands", "countryside", "soil", "territory", "waters", "airspace");

    private List<Mention> counterparties(List<Mention> said, Mention subjectMention, Mention agent, ArticleActors.Actor subject) {
        List<Mention> candidates = new ArrayList<>();
        boolean english = Lexicon.ENGLISH.equals(lang.code());
        for (Mention m : said) {
            if (m.actor() == subject || m == agent) {
                continue;
            }
            Mark mark = mark(m);
            boolean place = mark == Mark.PLACE || m.actor().kind() == ActorKind.TERRITORY
                    && (mark == Mark.COUNTERPARTY || mark == Mark.SOURCE);
            // "US President Donald Trump", "the administration of US President Donald Trump": a party written right
            // against the subject, with no word between, is the same party named twice, not the other side
            boolean sameName = subjectMention != null && (m.start() == subjectMention.end() || m.end() == subjectMention.start());
            if (!place && !sameName && !(english && ownSide(m.actor(), subject))) {
                candidates.add(m);
            }
        }
        List<Mention> listed = subjectMention == null ? List.of() : listedWith(subjectMention);
        boolean mutual = !listed.isEmpty() && reciprocal(subjectMention, listed.get(listed.size() - 1));
        if (!listed.isEmpty() && !mutual) {
            // "officials from Mexico, Canada, Japan ... make concessions", "Beijing and the Hong Kong government will not
            // take a step back": parties listed with the subject act beside it, not on one another
            candidates.removeAll(listed);
        }
        Mention first = null;
        if (mutual && agent == null && candidates.contains(listed.get(0))) {
            // "Washington and the Taliban had been holding direct talks ... for US troops to begin leaving": the one
            // listed with the subject is the other side of the talks, before any party later in the sentence
            first = listed.get(0);
        }
        if (agent != null) {
            // "a camp for Congolese refugees was attacked by Burundian militiamen": the one attacked
            first = candidates.stream().filter(m -> m.start() < agent.start()).findFirst().orElse(null);
        }
        int after = subjectMention == null ? -1 : subjectMention.start();
        if (first == null) {
            first = candidates.stream().filter(m -> m.start() > after && isRoleMarked(m)).findFirst().orElse(null);
        }
        if (first == null) {
            first = candidates.stream().filter(m -> m.start() > after).findFirst().orElse(null);
        }
        if (first == null) {
            first = candidates.isEmpty() ? null : candidates.get(0);
        }
        List<Mention> found = new ArrayList<>();
        if (first == null) {
            return found;
        }
        found.add(first);
        // "Donetsk dan Luhansk", "Iran, Libya, North Korea, Sudan and Cuba"
        int k = mentions.indexOf(first);
        while (found.size() < maxCounterparties && k + 1 < mentions.size()
                && onlyCoordination(mentions.get(k).end(), mentions.get(k + 1).start())
                && mentions.get(k + 1).actor() != subject && candidates.contains(mentions.get(k + 1))) {
            k++;
            found.add(mentions.get(k));
        }
        return found;
    }

    /** The parties listed right after {@code m}, joined to it by "and", "dan" or commas only. */
    private List<Mention> listedWith(Mention m) {
        List<Mention> listed = new ArrayList<>();
        int k = mentions.indexOf(m);
        while (k >= 0 && k + 1 < mentions.size() && onlyCoordination(mentions.get(k).end(), mentions.get(k + 1).start())) {
            k++;
            listed.add(mentions.get(k));
        }
        return listed;
    }

    /**
     * The listed parties act on one another: "between Washington and the Taliban", "Washington and the Taliban had been
     * holding talks" (a word of a mutual act after the list), not "trade talks with Europe, Japan, Canada and Mexico".
     */
    private boolean reciprocal(Mention first, Mention last) {
        int before = first.start() - 1;
        while (before >= 0 && lang.role(tokens.get(before)) == Role.SKIP) {
            before--;
        }
        if (before >= 0 && (tokens.get(before).is("between") || tokens.get(before).is("antara"))) {
            return true;
        }
        for (int i = last.end(); i < tokens.size(); i++) {
            if (mentionAt[i] < 0 && (RECIPROCAL.contains(tokens.get(i).norm())
                    || tokens.get(i).is("each") && i + 1 < tokens.size() && tokens.get(i + 1).is("other"))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> RECIPROCAL = java.util.Set.of("talks", "talked", "met", "meet", "meeting",
            "summit", "negotiate", "negotiated", "negotiations", "signed", "treaty", "clash", "clashed", "clashes", "fought",
            "war", "relations", "ties", "swap", "swapped", "exchanged", "truce", "ceasefire", "bertemu", "pertemuan",
            "perundingan", "negosiasi", "sepakat", "kesepakatan", "perjanjian", "menandatangani", "bentrok", "bentrokan",
            "perang", "hubungan", "gencatan");

    private boolean isRoleMarked(Mention m) {
        Mark mark = mark(m);
        return mark == Mark.COUNTERPARTY || mark == Mark.SOURCE || mark == Mark.ORIGIN;
    }

    private ArticleActors.Actor place(List<Mention> said, ArticleActors.Actor subject, List<Mention> counterparties) {
        for (Mention m : said) {
            if (m.actor() != subject && !counterparties.contains(m)
                    && (m.actor().kind() == ActorKind.TERRITORY || mark(m) == Mark.PLACE)) {
                return m.actor();
            }
        }
        return null;
    }

    /** The party things come from: "dari Korea Utara", "from Iran", "buatan Iran", "Iranian-made". */
    private Mention supplier(List<Mention> said, ArticleActors.Actor subject) {
        for (Mention m : said) {
            Mark mark = mark(m);
            if (m.actor() != subject && (mark == Mark.SOURCE || mark == Mark.ORIGIN || m.origin() || madeWeapons(m))) {
                return m;
            }
        }
        return null;
    }

    private TransferType transfer(int from, int to) {
        for (PhraseTable.Match<TransferType> m : lang.transfers().findAll(tokens, from, to)) {
            if (m.value() != TransferType.ORIGIN && mentionAt[m.start()] < 0) {
                return m.value();
            }
        }
        return null;
    }

    /** "North Korean ballistic missiles", "drone Iran": a country named as the maker of weapons. */
    private boolean madeWeapons(Mention m) {
        if (m.actor().country() == null || m.actor().kind() == ActorKind.INTERNATIONAL_ORGANIZATION) {
            return false; // "a U.N. arms embargo" names no maker
        }
        boolean english = Lexicon.ENGLISH.equals(lang.code());
        int from = english ? m.end() : Math.max(0, m.start() - 3);
        int to = english ? Math.min(tokens.size(), m.end() + 3) : m.start();
        for (PhraseTable.Match<Lexicon.CategoryCue> cue : lang.categories().findAll(tokens, from, to)) {
            boolean adjacent = english ? onlyModifiers(m.end(), cue.start()) : onlyModifiers(cue.end(), m.start());
            // "serangan roket Hamas", "Hamas rocket attacks": the weapon names an attack, whose doer the party is
            int attackWord = english ? cue.end() : cue.start() - 1;
            boolean attack = attackWord >= 0 && attackWord < tokens.size() && ctx.lexicon.mayNameHostileAct(tokens.get(attackWord).norm());
            if (cue.value().category() == ClaimCategory.ARMS_TRANSFER && adjacent && !attack) {
                return true;
            }
        }
        return false;
    }

    /** Tokens [from, to) are at most one word, and no role word or punctuation ("ballistic" in "North Korean ballistic missiles"). */
    private boolean onlyModifiers(int from, int to) {
        if (to - from > 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!tokens.get(i).isWord() || lang.role(tokens.get(i)) != null || mentionAt[i] >= 0) {
                return false;
            }
        }
        return true;
    }

    /** What is said starts with a verb ("denied supplying arms", "membantah telah memasok"): the speaker's own act. */
    private boolean opensWithVerb(int from, int to) {
        int i = from;
        while (i < to && (AUXILIARIES.contains(tokens.get(i).norm()) || lang.role(tokens.get(i)) == Role.NEGATION)) {
            i++;
        }
        if (i >= to || mentionAt[i] >= 0) {
            return false;
        }
        String w = tokens.get(i).norm();
        return Lexicon.ENGLISH.equals(lang.code()) ? w.endsWith("ing")
                : w.startsWith("me") || w.startsWith("ber") || w.startsWith("mem");
    }

    /** "Iran said it had not sent ...": a speaker saying that it, or its state, did not do something. */
    boolean saysItDidNot(Frame frame, ClaimDraft claim) {
        boolean itself = claim.subject == frame.speakerActor
                || claim.subject.kind() == ActorKind.STATE && Objects.equals(claim.subject.country(), frame.speakerActor.country());
        return itself && negationNear(frame.from, frame.to);
    }

    /** The quotation when what is said is quoted, else the sentence: [start, end) in the body. */
    int[] quote(Frame frame, SentenceSplitter.Sentence sentence) {
        int open = frame.from > 0 && tokens.get(frame.from - 1).isQuote() ? frame.from - 1 : frame.from;
        if (open < tokens.size() && tokens.get(open).isQuote()) {
            for (int close = open + 1; close < Math.min(tokens.size(), frame.to + 2); close++) {
                if (tokens.get(close).isQuote() && close > open + 1) {
                    int start = tokens.get(open + 1).start();
                    int end = tokens.get(close - 1).end();
                    while (end > start && ",.;:".indexOf(ctx.body.charAt(end - 1)) >= 0) {
                        end--;
                    }
                    if (end - start >= 10) {
                        return new int[] { start, end };
                    }
                }
            }
        }
        return new int[] { sentence.start(), Math.min(sentence.end(), sentence.start() + 10_000) };
    }
}
