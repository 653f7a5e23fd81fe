package org.allegationatlas.extract.roles;

import java.util.EnumSet;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.extract.lexicon.Lexicon.CueType;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.text.Token;

/**
 * Who speaks in a sentence, with which verb, tried in this order: a tail attribution ("...,
 * ujar Kirby." / "..., officials said on Monday." / "..., witnesses said, ..."); "menurut X," /
 * "according to X"; a speaker followed by its verb ("Gedung Putih ... menuduh", "Kirby said"; with
 * "... and said" or ", saying" the sentence's subject). Inside what is said a second speaker and
 * verb ("Washington yakin ...", "intelijen AS telah mendapatkan informasi bahwa ...") makes an inner
 * frame: an accusing or denying inner speaker becomes the claimant, and so does anyone a news outlet
 * only relays; an official's reporting one only shapes the stance. No frame: the publisher states it.
 */
final class FrameReader extends SentenceParts {

    private static final Set<CueType> SPEAKING = EnumSet.of(CueType.ACCUSE, CueType.DENY, CueType.CONFIRM, CueType.REPORT,
            CueType.BELIEF);
    /** Verbs a sentence's own subject speaks with; Phoenix speech acts ("threatening", "demanded") only here, never nested. */
    private static final Set<CueType> LEADING = EnumSet.of(CueType.ACCUSE, CueType.DENY, CueType.CONFIRM, CueType.REPORT,
            CueType.BELIEF, CueType.ACT);

    private final int tailMaxWords;
    private final int speakerMaxGap;

    FrameReader(SentenceParts sentence, int tailMaxWords, int speakerMaxGap) {
        super(sentence);
        this.tailMaxWords = tailMaxWords;
        this.speakerMaxGap = speakerMaxGap;
    }

    /** Who speaks in the sentence, and where what is said lies; null when no one does and there is no publisher. */
    Frame frame() {
        Frame frame = passiveFrame();
        Cue according = firstCue(0, Math.min(last, 2), EnumSet.of(CueType.ACCORDING));
        if (frame == null && according != null) {
            frame = accordingFrame(); // "According to X, ...": before any ", Y did" is taken for an attribution
        }
        if (frame == null) {
            frame = tailFrame();
        }
        if (frame == null) {
            frame = accordingFrame();
            Frame main = frame != null && parentheticalAccording(frame) ? leadFrame(0, last) : null;
            if (main != null && main.speaker != null && main.speaker != frame.speaker) {
                // "Moskow, menurut kantor berita RIA Novosti, menuduh Washington ...": the source only relays the main clause,
                // whose subject speaks
                frame = main;
            }
        }
        if (frame == null) {
            // "Moscow's denial came after Finnish officials reported ...": the noun that opens the sentence speaks first
            Frame noun = nounFrame();
            Cue lead = firstCue(0, last, LEADING);
            frame = noun != null && (lead == null || nounCueStart < lead.start()) ? noun : leadFrame(0, last);
            if (frame == null) {
                frame = noun;
            }
        }
        if (frame != null) {
            nested(frame);
            if (frame.speakerActor == null) {
                frame.speakerActor = ctx.noSpeaker;
            }
            return frame.speakerActor == null ? null : frame;
        }
        return ctx.noSpeaker == null ? null : unattributed();
    }

    Frame unattributed() {
        Frame unattributed = new Frame();
        unattributed.speakerActor = ctx.noSpeaker;
        unattributed.from = 0;
        unattributed.to = last;
        return unattributed;
    }

    /**
     * "Iran telah lama dituduh Amerika Serikat ...", "tuduhan yang dibantah Jakarta", "Poland was accused
     * by Moscow of ...": a passive accusing or denying verb whose doer follows it (after "oleh"/"by"). The
     * doer speaks; an accusation is about the party before the verb, a denial about the doer itself.
     */
    private Frame passiveFrame() {
        for (Cue cue : cues) {
            CueType type = cue.type();
            boolean englishPassive = (type == CueType.ACCUSE || type == CueType.DENY) && cue.start() > 0
                    && lang.role(tokens.get(cue.start() - 1)) == Lexicon.Role.PASSIVE && cue.end() < last
                    && tokens.get(cue.end()).is("by");
            if (type != CueType.PASSIVE_ACCUSE && type != CueType.PASSIVE_DENY && type != CueType.PASSIVE_REPORT && !englishPassive) {
                continue;
            }
            int comma = commaBefore(cue.start());
            if ((type == CueType.PASSIVE_DENY || type == CueType.DENY) && comma > 0 && leadFrame(0, comma) != null) {
                // "Pakistan menuduh India ..., tuduhan yang dibantah New Delhi": the main clause's speaker comes first
                continue;
            }
            int at = cue.end();
            while (at < last && at < cue.end() + 2 && (tokens.get(at).is("oleh") || tokens.get(at).is("by") || tokens.get(at).is("the"))) {
                at++;
            }
            Mention doer = mentionAt[Math.min(at, tokens.size() - 1)] >= 0 ? mentions.get(mentionAt[at]) : null;
            if (doer == null || doer.start() != at) {
                continue;
            }
            if (type == CueType.PASSIVE_REPORT) {
                return passiveReport(cue, doer, comma);
            }
            if (type == CueType.PASSIVE_ACCUSE && anaphoric(cue) && ctx.lastClaim != null && ctx.lastClaim.stance == Stance.ALLEGES) {
                // "Tuduhan itu disampaikan oleh ...": the accusation told of before, named again with its maker; no second claim
                continue;
            }
            boolean denial = type == CueType.PASSIVE_DENY || type == CueType.DENY;
            Frame frame = new Frame();
            frame.type = denial ? CueType.DENY : CueType.ACCUSE;
            frame.speaker = doer;
            frame.speakerActor = doer.actor();
            frame.cueText = text(cue);
            frame.speakerRule = "the doer after the passive verb";
            if (denial) {
                frame.selfSubject = true;
                frame.from = 0;
                frame.to = last;
            } else {
                frame.forcedSubject = lastUnmarkedMentionIn(0, cue.start());
                frame.from = doer.end();
                frame.to = last;
            }
            return frame;
        }
        return null;
    }

    /**
     * "..., demikian dikatakan X.": a tail attribution, what is said before it; "Hamas, dikatakan Israel, menggunakan ...": set
     * off by commas, what is said is the sentence around it; "apa yang dikatakan X serangan lintas batas oleh ...": what
     * follows the doer ("Hamas dikatakan Israel ...": about the party before the verb).
     */
    private Frame passiveReport(Cue cue, Mention doer, int comma) {
        Frame frame = new Frame();
        frame.type = CueType.REPORT;
        frame.speaker = doer;
        frame.speakerActor = doer.actor();
        frame.cueText = text(cue);
        frame.speakerRule = "the doer after the passive verb of saying";
        frame.to = last;
        if (comma > 0 && (doer.end() >= last || closesAttribution(doer.end(), last))) {
            frame.from = 0;
            frame.to = comma;
        } else if (comma > 0 && tokens.get(doer.end()).is(",")) {
            frame.from = 0;
        } else {
            frame.from = skipOpening(doer.end(), last);
            boolean relative = cue.start() > 0 && (tokens.get(cue.start() - 1).is("yang") || tokens.get(cue.start() - 1).is("which"));
            Mention before = relative ? null : lastUnmarkedMentionIn(0, cue.start());
            if (before != null && cue.start() - before.end() <= 2) {
                frame.forcedSubject = before;
            }
        }
        return frame.to - frame.from >= 2 ? frame : null;
    }

    /** A cue that points back at something told before: "tuduhan itu", "kecaman tersebut". */
    private boolean anaphoric(Cue cue) {
        for (int i = cue.start(); i < cue.end(); i++) {
            if (tokens.get(i).is("itu") || tokens.get(i).is("tersebut")) {
                return true;
            }
        }
        return false;
    }

    /** The comma right before a cue ("..., demikian dikatakan", ", tuduhan yang dibantah"), within three words; else -1. */
    private int commaBefore(int cueStart) {
        for (int i = cueStart - 1; i >= Math.max(0, cueStart - 3); i--) {
            if (tokens.get(i).is(",")) {
                return i;
            }
            if (mentionAt[i] >= 0) {
                return -1;
            }
        }
        return -1;
    }

    String text(Cue cue) {
        return ctx.body.substring(tokens.get(cue.start()).start(), tokens.get(cue.end() - 1).end());
    }

    /**
     * "..., ujar Kirby." / `"...," said Kirby.` / "..., officials said on Monday." / "..., witnesses said, ..." /
     * "..., a human rights group charged": an attribution after what is said, up to the end or the next comma.
     */
    private Frame tailFrame() {
        for (int b = last - 1; b > 0; b--) {
            Token t = tokens.get(b);
            boolean closingQuote = t.isQuote() && (tokens.get(b - 1).is(",") || tokens.get(b - 1).is("."));
            if (!t.is(",") && !closingQuote) {
                continue;
            }
            int comma = indexOf(",", b + 1, last);
            int segmentEnd = comma < 0 ? last : comma;
            int contentEnd = closingQuote ? b - 1 : b;
            Cue cue = firstCue(b + 1, segmentEnd, EnumSet.of(CueType.REPORT, CueType.ACCUSE));
            if (cue == null || words(b + 1, segmentEnd) > tailMaxWords || words(0, contentEnd) < 3) {
                continue;
            }
            Frame frame = new Frame();
            frame.type = cue.type();
            frame.from = 0;
            frame.to = contentEnd;
            Mention before = lastUnmarkedMentionIn(b + 1, cue.start());
            Mention after = firstMentionIn(cue.end(), segmentEnd);
            if (cue.pronominal() && ctx.lastSpeaker != null) {
                frame.speakerActor = ctx.lastSpeaker;
                frame.pronounSpeaker = true;
                frame.cueText = text(cue);
                frame.speakerRule = "\"-nya\" of the verb: the last speaker";
                return frame;
            }
            if (before != null && after != null && mark(after) == Mark.NONE && (cue.type() == CueType.ACCUSE || segmentEnd - cue.end() > 4)) {
                // "Dalam pernyataan di situsnya, Kementerian ... menuduh Kamboja memasang ...": a main clause after a
                // fronted phrase (an accusing verb with its object, or a verb with an object and more), not ", said X"
                continue;
            }
            if (before != null) {
                frame.speaker = before;
            } else if (after != null && after.start() - cue.end() <= 3 && cue.type() == CueType.REPORT && !englishParticiple(cue)
                    && closesAttribution(after.end(), segmentEnd)) {
                // ", said Foreign Minister X (on Monday)": the speaker closes the attribution; in ", warned South Korea it
                // would pay ..." or ", warned the United States against ..." more follows the party: a verb of the
                // sentence and its object, not an attribution
                frame.speaker = after;
            } else if (after == null && cue.type() == CueType.REPORT && cue.end() < segmentEnd
                    && "B-PER".equals(tokens.get(cue.end()).entity())) {
                int nameEnd = cue.end() + 1;
                while (nameEnd < segmentEnd && "I-PER".equals(tokens.get(nameEnd).entity())) {
                    nameEnd++;
                }
                String name = ctx.body.substring(tokens.get(cue.end()).start(), tokens.get(nameEnd - 1).end());
                frame.speakerActor = entityPerson(name);
                frame.cueText = text(cue);
                frame.speakerRule = "a person's name after the verb (\", kata X\"), tagged PER by the Indonesian entity model";
                return frame;
            } else if (after != null || segmentEnd - cue.end() > 4 || cue.end() < segmentEnd && opensClause(tokens.get(cue.end()))) {
                continue; // ", saying it had never sent ...": not an attribution
            }
            frame.speakerActor = frame.speaker == null ? null : frame.speaker.actor();
            frame.cueText = text(cue);
            frame.speakerRule = "named with the verb after what is said (\", said X\")";
            return frame;
        }
        return null;
    }

    /**
     * ", saying he trusted the Israeli courts to decide": an English verb in -ing is never put before its speaker as
     * ", said X" is; the party after it is in what is said.
     */
    private boolean englishParticiple(Cue cue) {
        return Lexicon.ENGLISH.equals(lang.code()) && tokens.get(cue.end() - 1).norm().endsWith("ing");
    }

    /**
     * What follows the speaker of a tail attribution up to {@code end}: nothing, a time phrase ("on Monday", "pada
     * Rabu"), or another verb of saying (", kata Presiden Paul Kagame memperingatkan dalam wawancara").
     */
    private boolean closesAttribution(int from, int end) {
        if (from >= end || firstCue(from, Math.min(end, from + 1), SPEAKING) != null) {
            return true;
        }
        Token next = tokens.get(from);
        boolean time = next.is("on") || next.is("pada") || next.is("hari") || next.is("last") || next.is("this")
                || TIME_WORDS.contains(next.norm()) || lang.dates().longestAt(tokens, from) != null;
        if (time && words(from, end) <= 3) {
            return true;
        }
        // ", kata Netanyahu dalam pernyataan publik pada rapat kabinet", ", said X in a statement": a phrase of where or how
        // it was said, with no party of its own and no verb of saying
        boolean phrase = ATTRIBUTION_PREPOSITIONS.contains(next.norm());
        for (int i = from; phrase && i < end; i++) {
            phrase = (mentionAt[i] < 0 || mark(mentions.get(mentionAt[i])) == Mark.PLACE) && lang.cues().longestAt(tokens, i) == null;
        }
        return phrase;
    }

    /** Words opening a phrase of where, when or how something was said, after a tail attribution's speaker. */
    private static final Set<String> ATTRIBUTION_PREPOSITIONS = Set.of("dalam", "di", "kepada", "saat", "ketika", "seusai", "usai",
            "melalui", "lewat", "seperti", "dihubungi", "ditemui", "in", "at", "to", "during", "after", "while", "through", "via");

    /** ", menurut X, ..." / ", according to X, ...": an attribution set off by commas inside the sentence. */
    private boolean parentheticalAccording(Frame frame) {
        Cue cue = firstCue(0, last, EnumSet.of(CueType.ACCORDING));
        if (cue == null || cue.start() == 0 || !tokens.get(cue.start() - 1).is(",") || frame.speaker == null) {
            return false;
        }
        int comma = indexOf(",", frame.speaker.end(), Math.min(last, frame.speaker.end() + 4));
        return comma >= 0 && firstCue(frame.speaker.end(), comma, LEADING) == null;
    }

    /** "Menurut Kirby, ..." / "According to X, ..." / "..., according to X." */
    private Frame accordingFrame() {
        Cue cue = firstCue(0, last, EnumSet.of(CueType.ACCORDING));
        if (cue == null) {
            return null;
        }
        if (cue.pronominal() || cue.end() < last && lang.role(tokens.get(cue.end())) != null
                && (lang.role(tokens.get(cue.end())) == Lexicon.Role.SELF || lang.role(tokens.get(cue.end())) == Lexicon.Role.PRONOUN)) {
            // "Menurutnya, ...", "menurut dia, ...": the one spoken of before, never a party named after it
            Frame frame = new Frame();
            frame.type = CueType.ACCORDING;
            frame.speakerActor = ctx.lastSpeaker;
            frame.pronounSpeaker = true;
            frame.cueText = text(cue);
            frame.speakerRule = "\"-nya\" / a pronoun after \"menurut\": the last speaker";
            int end = cue.pronominal() ? cue.end() : cue.end() + 1;
            if (cue.start() <= 2) {
                frame.from = skipOpening(end, last);
                frame.to = last;
            } else {
                frame.from = 0;
                frame.to = tokens.get(cue.start() - 1).is(",") ? cue.start() - 1 : cue.start();
            }
            return frame.to - frame.from >= 2 ? frame : null;
        }
        Mention speaker = firstMentionIn(cue.end(), Math.min(last, cue.end() + 5));
        if (speaker == null) {
            return null;
        }
        Frame frame = new Frame();
        frame.type = CueType.ACCORDING;
        frame.speaker = speaker;
        frame.speakerActor = speaker.actor();
        frame.cueText = text(cue);
        frame.speakerRule = "the party after \"according to\" / \"menurut\"";
        if (cue.start() <= 2) {
            int comma = indexOf(",", speaker.end(), last);
            frame.from = comma < 0 ? speaker.end() : comma + 1;
            frame.to = last;
        } else {
            frame.from = 0;
            frame.to = tokens.get(cue.start() - 1).is(",") ? cue.start() - 1 : cue.start();
        }
        frame.from = skipOpening(frame.from, frame.to);
        return frame.to - frame.from >= 2 ? frame : null;
    }

    /** "has been accused of", "was criticised for", "was said to": an English passive whose doer is not named after "by". */
    private boolean passiveWithoutDoer(Cue cue) {
        int before = cue.start() - 1;
        if (before >= 0 && (tokens.get(before).is("also") || tokens.get(before).is("widely") || tokens.get(before).is("repeatedly"))) {
            before--;
        }
        return before >= 0 && lang.role(tokens.get(before)) == Lexicon.Role.PASSIVE && !tokens.get(cue.start()).norm().endsWith("ing")
                && (cue.end() >= tokens.size() || !tokens.get(cue.end()).is("by"));
    }

    /** "Gedung Putih ... menuduh ...", "The United States on Thursday demanded that ...". */
    private Frame leadFrame(int from, int to) {
        for (Cue cue : cues) {
            if (cue.start() < from || cue.end() > to || !LEADING.contains(cue.type())) {
                continue;
            }
            if (apposition[cue.start()] && laterVerbOutsideApposition(cue, to)) {
                continue; // "Vucic, who rejects Kosovo's independence, accused Kosovo ...": the main verb speaks
            }
            if (passiveWithoutDoer(cue)) {
                continue; // "Iran has been accused of supplying drones", "was said to": the party before is spoken of, not speaking
            }
            // "X praised Y and said ...", "X rejected Y, saying ...": the speaker is the sentence's subject
            // (not "are demanding": a form of "be" before makes it the verb of its own clause, whose subject is before it)
            boolean coordinated = cue.start() > from && COORDINATION.contains(tokens.get(cue.start() - 1).norm())
                    || tokens.get(cue.start()).norm().endsWith("ing") && !(cue.start() > from && BE.contains(tokens.get(cue.start() - 1).norm()));
            Mention speaker = coordinated ? mainSubject(from, cue.start()) : speakerBefore(from, cue.start());
            Mention pronounReferent = null;
            if (!coordinated && inClausePronounBefore(from, cue.start()) != null) {
                // "Poland expelled three Russian diplomats it said were spying": the pronoun is the verb's subject, and
                // the party it stands for opens the sentence (never the party right before the pronoun)
                Lexicon.Role role = inClausePronounBefore(from, cue.start());
                pronounReferent = mainSubjectFitting(from, cue.start(), role == Lexicon.Role.SELF);
                speaker = pronounReferent;
            }
            boolean relative = false;
            if (speaker == null && cue.type() == CueType.DENY) {
                // "the charge, which Hanoi rejected": a denier inside a relative clause denies for itself
                speaker = relativeSpeaker(cue.start());
                relative = speaker != null;
            }
            boolean fronted = false;
            if (speaker == null && bareVerb(cue)) {
                // ", yang Israel nyatakan telah digunakan Hamas ...": the object-fronted passive, its doer before the bare verb
                speaker = relativeSpeaker(cue.start());
                fronted = speaker != null;
            }
            ArticleActors.Actor pronounActor = null;
            String entityName = null;
            if (speaker == null) {
                pronounActor = pronounSpeaker(from, cue.start());
                if (pronounActor == null) {
                    // "Hajriyanto mengatakan ...": a name the dictionaries lack, found by the Indonesian entity model
                    entityName = personEntityEndingAt(cue.start());
                    pronounActor = entityName == null ? null : entityPerson(entityName);
                }
                if (pronounActor == null) {
                    continue;
                }
            }
            Frame frame = new Frame();
            frame.type = cue.type() == CueType.ACT ? CueType.REPORT : cue.type();
            frame.speaker = speaker;
            frame.speakerActor = speaker != null ? speaker.actor() : pronounActor;
            frame.pronounSpeaker = speaker == null && entityName == null;
            frame.selfSubject = relative;
            frame.cueText = text(cue);
            frame.speakerRule = fronted ? "the doer before the bare verb of a relative clause (\"yang X nyatakan\")"
                    : pronounReferent != null ? "the party opening the sentence, which the pronoun before the verb stands for"
                    : relative ? "the party of the relative clause that holds the verb"
                    : entityName != null ? "a person's name before the verb, tagged PER by the Indonesian entity model"
                    : speaker == null ? "a pronoun before the verb, resolved to the nearest fitting actor of the sentence before"
                    : coordinated ? "the subject of the sentence (\"X ... and said\")"
                    : "the party before the verb (its subject)";
            frame.negated = negatedBefore(cue.start());
            frame.from = skipOpening(afterAdverbial(cue.end(), to), to);
            frame.to = to;
            frame.ownAct = (cue.type() == CueType.ACT || cue.type() == CueType.REPORT) && ownActAfter(cue);
            return frame;
        }
        return null;
    }

    private boolean laterVerbOutsideApposition(Cue cue, int to) {
        for (Cue later : cues) {
            if (later.start() > cue.start() && later.end() <= to && !apposition[later.start()] && LEADING.contains(later.type())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "refused to deploy ...", "threatened to cut ...", "menolak menarik ...", "mengancam akan membalas ...": a
     * speech act whose object is the speaker's own deed (the cue ends in "to", or "to"/"untuk"/"akan" follows it,
     * or it ends with the verb itself).
     */
    private boolean ownActAfter(Cue cue) {
        Token lastWord = tokens.get(cue.end() - 1);
        Token next = cue.end() < tokens.size() ? tokens.get(cue.end()) : null;
        if (next != null && mentionAt[cue.end()] >= 0) {
            return false; // "appealed to Peru to ...": the party addressed, not the speaker's deed
        }
        boolean verbInCue = cue.end() - cue.start() > 1 && !lastWord.is("to") && !lastWord.is("untuk")
                && Lexicon.INDONESIAN.equals(lang.code());
        return lastWord.is("to") || lastWord.is("untuk") || verbInCue
                || next != null && (next.is("to") || next.is("untuk") || next.is("akan"));
    }

    /**
     * "Ecuador's accusation that Mexico had ...", "Tuduhan Ekuador bahwa Meksiko ...", "Beijing's denial of ...",
     * "Bantahan Beijing atas ...": an accusation or denial as a noun, spoken by the party that owns it (before
     * "'s" in English, right after the noun in Indonesian). What an accusation says follows "that"/"bahwa" or
     * the noun; a denial is of the owner's own side.
     */
    private int nounCueStart;

    private Frame nounFrame() {
        for (Cue cue : cues) {
            if (cue.type() != CueType.NOUN_ACCUSE && cue.type() != CueType.NOUN_DENY) {
                continue;
            }
            Mention owner = null;
            int saidFrom = cue.end();
            if (cue.start() >= 2 && tokens.get(cue.start() - 1).is("'s") && mentionAt[cue.start() - 2] >= 0) {
                owner = mentions.get(mentionAt[cue.start() - 2]);
            } else if (Lexicon.INDONESIAN.equals(lang.code()) && cue.end() < last && mentionAt[cue.end()] >= 0) {
                owner = mentions.get(mentionAt[cue.end()]);
                saidFrom = owner.start() == cue.end() ? owner.end() : -1;
            }
            if (owner == null || saidFrom < 0 || mark(owner) != Mark.NONE) {
                continue;
            }
            boolean denial = cue.type() == CueType.NOUN_DENY;
            Frame frame = new Frame();
            frame.type = denial ? CueType.DENY : CueType.ACCUSE;
            frame.speaker = owner;
            frame.speakerActor = owner.actor();
            nounCueStart = cue.start();
            frame.cueText = text(cue);
            frame.speakerRule = "the owner of the " + (denial ? "denial" : "accusation") + " named as a noun";
            frame.selfSubject = denial;
            frame.from = denial ? 0 : skipOpening(saidFrom, last);
            frame.to = last;
            return frame;
        }
        return null;
    }

    private static final Set<String> FIRST_PERSON = Set.of("kami", "kita", "saya", "aku", "we", "i");

    /**
     * `"Kami menolak tuduhan bahwa ...," kata X`, `"We condemn ...," X said`: the speaker's own words open with "we"/"kami"
     * and an accusing, denying or confirming verb, which is then the speaker's.
     */
    private void ownWords(Frame frame) {
        int i = frame.from;
        while (i < frame.to && (tokens.get(i).isQuote() || !tokens.get(i).isWord())) {
            i++;
        }
        if (i >= frame.to || !FIRST_PERSON.contains(tokens.get(i).norm())) {
            return;
        }
        for (Cue cue : cues) {
            if (cue.start() > i && cue.start() - i <= 3 && cue.end() <= frame.to && firstMentionIn(i, cue.start()) == null
                    && (cue.type() == CueType.ACCUSE || cue.type() == CueType.DENY || cue.type() == CueType.CONFIRM)) {
                frame.type = cue.type();
                frame.cueText = text(cue) + "\" (the speaker's own words, \"" + tokens.get(i).text() + " ...\"), \"" + frame.cueText;
                frame.negated = negatedBefore(cue.start());
                frame.from = skipOpening(cue.end(), frame.to);
                return;
            }
        }
    }

    /** Inside what is said, "Washington yakin ..." or "Palestinians reject ...": a second speaker. */
    private void nested(Frame frame) {
        if (frame.type == CueType.REPORT || frame.type == CueType.ACCORDING) {
            ownWords(frame);
        }
        for (int depth = 0; depth < 2; depth++) {
            Mention first = firstMentionIn(frame.from, frame.to);
            if (first == null || words(frame.from, first.start()) > 2 || mark(first) != Mark.NONE) {
                return;
            }
            Cue inner = null;
            for (Cue cue : cues) {
                if (cue.start() >= first.end() && cue.start() - first.end() <= 5 && cue.end() <= frame.to
                        && SPEAKING.contains(cue.type()) && firstMentionIn(first.end(), cue.start()) == null
                        && !COORDINATION.contains(tokens.get(cue.start() - 1).norm())
                        && !RELATIVES.contains(tokens.get(cue.start() - 1).norm())) {
                    // (not "sikap Singapura yang memprotes ...": a relative clause tells what the party did, it does not speak)
                    inner = cue;
                    break;
                }
            }
            if (inner == null) {
                return;
            }
            // an inner accuser speaks for itself; so does anyone a news outlet only relays
            boolean relayed = frame.speakerActor == null || frame.speakerActor == ctx.noSpeaker
                    || frame.speakerActor.kind() == ActorKind.ORGANIZATION || frame.speakerActor.kind() == ActorKind.MEDIA;
            if (inner.type() == CueType.ACCUSE || inner.type() == CueType.DENY || inner.type() == CueType.CONFIRM || relayed) {
                frame.speaker = first;
                frame.speakerActor = first.actor();
                frame.cueText = ctx.body.substring(tokens.get(inner.start()).start(), tokens.get(inner.end() - 1).end());
                frame.speakerRule = "the speaker inside what is said speaks for itself";
                frame.type = inner.type();
                frame.negated = negatedBefore(inner.start());
                frame.pronounSpeaker = false;
                frame.selfSubject = false; // what the outer speaker's construction said of the subject is not the inner one's
                frame.forcedSubject = null;
            } else {
                if (firstMentionIn(inner.end(), frame.to) == null) {
                    // "mendesak Australia menjelaskan rencana ...": nothing of a party after the inner verb; what is said is
                    // about the party before it
                    return;
                }
                frame.belief |= inner.type() == CueType.BELIEF;
            }
            frame.from = skipOpening(inner.end(), frame.to);
        }
    }

    /** The words of a PER entity (Indonesian model) ending right before {@code end}, or null. */
    private String personEntityEndingAt(int end) {
        int start = end;
        while (start > 0 && tokens.get(start - 1).entity() != null && tokens.get(start - 1).entity().endsWith("-PER")
                && mentionAt[start - 1] < 0) {
            start--;
            if (tokens.get(start).entity().startsWith("B-")) {
                break;
            }
        }
        if (start == end || !tokens.get(start).entity().startsWith("B-") || !tokens.get(start).capitalized()) {
            return null;
        }
        return ctx.body.substring(tokens.get(start).start(), tokens.get(end - 1).end());
    }

    /** A person known only by the entity model; of the article's context country (dateline, last official speaker) if any. */
    private ArticleActors.Actor entityPerson(String name) {
        String country = ctx.contextCountry();
        ActorDef person = new ActorDef(name, ActorKind.PERSON, country, null,
                "a person's name by the Indonesian entity model (PER)" + (country == null ? "" : "; country from the article's context"));
        return ctx.actors.actor(person, false, name, ctx.languageCode());
    }

    /**
     * "said on its website that ...", "said in a statement that ...", "mengatakan kepada wartawan bahwa ...": a
     * phrase opened by a preposition, then "that"/"bahwa" with no party between; what is said begins at "that".
     * Else {@code from} ("said it had not sent the drones that ..." keeps its "it").
     */
    private int afterAdverbial(int from, int to) {
        int told = afterAddressee(from, to);
        if (told > from) {
            return told;
        }
        Lexicon.Role opening = from < to ? lang.role(tokens.get(from)) : null;
        if (opening != Lexicon.Role.COUNTERPARTY && opening != Lexicon.Role.PLACE) {
            return from;
        }
        for (int i = from + 1; i < Math.min(to, from + 6); i++) {
            if (mentionAt[i] >= 0 || tokens.get(i).is(",")) {
                return from;
            }
            if (lang.role(tokens.get(i)) == Lexicon.Role.CLAUSE) {
                return i;
            }
        }
        return from;
    }

    /**
     * "sources told Reuters that Russia ...", "told US media this month that its forces ...": after a verb of telling
     * someone, what is said begins after "that"; the one told is not what it is about. {@code from} is right after the verb.
     */
    private int afterAddressee(int from, int to) {
        if (from == 0 || from >= to || !TELLING.contains(tokens.get(from - 1).norm()) || !pressAt(from)) {
            return from; // "told Lebanon that it would bear responsibility": a party told may be whom it is about
        }
        for (int i = from; i < Math.min(to, from + 8); i++) {
            if (tokens.get(i).is("that")) {
                return i + 1;
            }
            if (lang.cues().longestAt(tokens, i) != null || tokens.get(i).is(",") && i > from) {
                return from;
            }
        }
        return from;
    }

    private static final Set<String> TELLING = Set.of("told", "tell", "tells", "telling", "informed", "assured");

    /** Whether the party at {@code i} is the press: an outlet ("Reuters", "VOA") or a noun of it ("US media", "reporters"). */
    private boolean pressAt(int i) {
        if (mentionAt[i] < 0) {
            return tokens.get(i).is("reporters") || tokens.get(i).is("journalists");
        }
        Mention m = mentions.get(mentionAt[i]);
        String name = m.actor().name().toLowerCase(java.util.Locale.ROOT);
        return m.actor().kind() == ActorKind.MEDIA || name.endsWith(" media") || name.endsWith(" press") || name.endsWith(" reporters")
                || name.endsWith(" journalists");
    }

    /** A subject pronoun right before the verb (auxiliaries between) that does not open the clause, or null. */
    private Lexicon.Role inClausePronounBefore(int from, int cueStart) {
        int i = cueStart - 1;
        while (i > from && (AUXILIARIES.contains(tokens.get(i).norm()) || TIME_WORDS.contains(tokens.get(i).norm()))) {
            i--;
        }
        if (i <= from + 1 || tokens.get(i - 1).is(",") || mentionAt[i] >= 0) {
            return null;
        }
        Lexicon.Role role = lang.role(tokens.get(i));
        return role == Lexicon.Role.SELF || role == Lexicon.Role.PRONOUN ? role : null;
    }

    /** The first party of the sentence not behind a role word that a pronoun may stand for: a person for "he", else not one. */
    private Mention mainSubjectFitting(int from, int before, boolean person) {
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= before && mark(m) == Mark.NONE) {
                boolean isPerson = m.actor().kind() == ActorKind.PERSON;
                return isPerson == person ? m : null;
            }
        }
        return null;
    }

    /** "he said", "Ia menuduh", "They denied": the actor a pronoun right before the verb stands for. */
    private ArticleActors.Actor pronounSpeaker(int from, int cueStart) {
        int i = cueStart - 1;
        while (i >= from && (AUXILIARIES.contains(tokens.get(i).norm()) || TIME_WORDS.contains(tokens.get(i).norm())
                || tokens.get(i).is("pun") || tokens.get(i).is("then") || tokens.get(i).is("later"))) {
            i--;
        }
        if (i < from) {
            return null;
        }
        Lexicon.Role role = lang.role(tokens.get(i));
        boolean opensClause = i == from || tokens.get(i - 1).is(",") || i <= 1;
        if (!opensClause || role != Lexicon.Role.SELF && role != Lexicon.Role.PRONOUN) {
            return null;
        }
        return ctx.antecedent(role == Lexicon.Role.SELF);
    }

    /** An Indonesian verb of one word without a verb prefix ("nyatakan", "katakan", "tuduhkan"): the object-fronted passive. */
    private boolean bareVerb(Cue cue) {
        String w = tokens.get(cue.start()).norm();
        return Lexicon.INDONESIAN.equals(lang.code()) && cue.end() - cue.start() == 1 && !w.startsWith("me") && !w.startsWith("di")
                && !w.startsWith("ber") && !w.startsWith("ter") && !w.startsWith("pe");
    }

    /** ", which Hanoi rejected", ", yang ditolak X": the party right before the verb, inside the relative clause. */
    private Mention relativeSpeaker(int cueStart) {
        for (int k = mentions.size() - 1; k >= 0; k--) {
            Mention m = mentions.get(k);
            if (m.end() <= cueStart && cueStart - m.end() <= 2 && apposition[m.start()] && apposition[cueStart]) {
                return m;
            }
        }
        return null;
    }

    private Mention mainSubject(int from, int cueStart) {
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= cueStart && mark(m) == Mark.NONE && !apposition[m.start()]) {
                // "He urged Mr. Trump to make a deal ..., saying ...": a pronoun opening the sentence is its subject
                return openingPronoun(from, m.start()) || namesAThing(m) ? null : m;
            }
        }
        return null;
    }

    /** Whether a subject pronoun ("he", "they", "ia") comes first among the words from {@code from} to {@code to}. */
    private boolean openingPronoun(int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                continue;
            }
            Lexicon.Role role = lang.role(t);
            // not "it": often no one ("It is unclear whether Mr. Trump ...")
            return (role == Lexicon.Role.PRONOUN || role == Lexicon.Role.SELF) && !t.is("it");
        }
        return false;
    }

    private Mention speakerBefore(int from, int cueStart) {
        Mention opening = subjectBeforeApposition(from, cueStart);
        if (opening != null) {
            return opening;
        }
        for (int k = mentions.size() - 1; k >= 0; k--) {
            Mention m = mentions.get(k);
            if (m.end() <= cueStart && m.start() >= from) {
                if (cueStart - m.end() > speakerMaxGap || namesAThing(m)) {
                    return null; // "the British royal blankly denied": the royal speaks, not the United Kingdom
                }
                if (mark(m) == Mark.NONE && !apposition[m.start()] || spokespersonOf(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Adverbs between a subject and its verb: "has always accused", "has repeatedly warned", "selalu menuduh". */
    private static final Set<String> ADVERBS = Set.of("always", "never", "repeatedly", "often", "once", "previously", "recently",
            "long", "now", "then", "selalu", "pernah", "sering", "lama", "kini", "sempat");

    /**
     * "Mugabe, the target of ... and who ..., has always accused ...", "Pakistan, a key U.S. ally in the war ..., has
     * refused to ...": the party that opens the clause, an apposition between commas, then the verb: that party
     * speaks, not one named inside the apposition (which may be long).
     */
    private Mention subjectBeforeApposition(int from, int cueStart) {
        int close = cueStart - 1;
        while (close > from && (AUXILIARIES.contains(tokens.get(close).norm()) || ADVERBS.contains(tokens.get(close).norm())
                || tokens.get(close).norm().endsWith("ly") || lang.role(tokens.get(close)) == Lexicon.Role.NEGATION)) {
            close--;
        }
        if (close <= from || !tokens.get(close).is(",")) {
            return null;
        }
        for (Mention m : mentions) {
            if (m.start() < from || m.end() >= close) {
                break;
            }
            boolean opensClause = m.start() == from || tokens.get(m.start() - 1).is(",") || tokens.get(m.start() - 1).isQuote()
                    || onlyFunctionWords(from, m.start());
            if (opensClause && mark(m) == Mark.NONE && tokens.get(m.end()).is(",") && close - m.end() <= 40) {
                return m;
            }
            if (opensClause) {
                return null; // the clause's first party is not set off by a comma: no apposition
            }
        }
        return null;
    }

    private boolean onlyFunctionWords(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!ctx.lexicon.isFunctionWord(tokens.get(i).norm())) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> SPOKESPERSONS = Set.of("spokesman", "spokeswoman", "spokesperson", "representative");

    /** "A spokesman for the Venezuelan government said ...": the body its spokesperson speaks for. */
    private boolean spokespersonOf(Mention m) {
        int i = m.start() - 1;
        if (i >= 0 && tokens.get(i).is("the")) {
            i--;
        }
        return i >= 1 && (tokens.get(i).is("for") || tokens.get(i).is("of")) && SPOKESPERSONS.contains(tokens.get(i - 1).norm());
    }
}
