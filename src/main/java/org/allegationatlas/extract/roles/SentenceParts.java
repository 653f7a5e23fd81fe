package org.allegationatlas.extract.roles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.extract.lexicon.Lexicon.CueType;
import org.allegationatlas.extract.lexicon.Lexicon.Role;
import org.allegationatlas.extract.lexicon.Lexicon.TransferType;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.text.Token;

/**
 * One sentence (or clause) as the claim rules read it: its tokens, the parties named in it,
 * its cue words, and how each party is introduced (its {@link Mark}). {@link FrameReader}
 * finds who speaks in it, {@link RoleReader} about whom.
 */
class SentenceParts {

    record Cue(int start, int end, CueType type, boolean pronominal) {
    }

    /** How a party is introduced: by a role word, as a maker ("buatan Iran"), or as a modifier ("yang diduduki Rusia"). */
    enum Mark {
        NONE, COUNTERPARTY, SOURCE, PLACE, AGENT, ORIGIN, MODIFIER
    }

    static final Set<String> COORDINATION = Set.of(",", "and", "dan", "serta", "or", "atau", "&");
    /** The forms of "be" that make a verb in -ing a progressive ("are demanding"), not a participle ("..., saying"). */
    static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "am");
    static final Set<String> RELATIVES = Set.of("which", "who", "whose", "yang");
    /** Words of a time phrase between a verb and what follows: "said in December that", "on Tuesday". */
    static final Set<String> TIME_WORDS = Set.of("last", "this", "next", "week", "month", "year", "earlier", "later",
            "lalu", "pekan", "minggu", "bulan", "tahun", "sebelumnya", "kemudian");
    static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "did", "does", "do", "was", "is", "telah", "sudah",
            "juga", "also", "again", "kembali");

    final List<Token> tokens;
    final List<Mention> mentions;
    final ArticleContext ctx;
    final Lexicon.Language lang;
    final int[] mentionAt;
    final List<Cue> cues = new ArrayList<>();
    final int last;
    /** tokens of ", which ...," / ", yang ...,": what a party is, not who speaks */
    final boolean[] apposition;
    /** each party's {@link #mark}, by its index in {@link #mentions}, once found */
    private final Mark[] marks;

    SentenceParts(List<Token> tokens, List<Mention> mentions, ArticleContext ctx) {
        this.tokens = tokens;
        this.mentions = mentions;
        this.ctx = ctx;
        this.lang = ctx.language;
        this.mentionAt = new int[tokens.size()];
        this.marks = new Mark[mentions.size()];
        Arrays.fill(mentionAt, -1);
        for (int k = 0; k < mentions.size(); k++) {
            for (int t = mentions.get(k).start(); t < mentions.get(k).end(); t++) {
                mentionAt[t] = k;
            }
        }
        int i = 0;
        while (i < tokens.size()) {
            if (mentionAt[i] >= 0) {
                i = mentions.get(mentionAt[i]).end();
                continue;
            }
            PhraseTable.Match<CueType> m = lang.cues().longestAt(tokens, i);
            if (m == null) {
                i++;
                continue;
            }
            if (m.value() != CueType.NONE && !cueTagFits(m)) {
                i = m.end(); // "the charge", "the report": the noun, not the verb
                continue;
            }
            if (m.value() != CueType.NONE) {
                boolean pronominal = m.end() - m.start() == 1 && tokens.get(m.start()).norm().endsWith("nya");
                cues.add(new Cue(m.start(), m.end(), m.value(), pronominal));
            }
            i = m.end();
        }
        int end = tokens.size();
        while (end > 0 && !tokens.get(end - 1).isWord() && !tokens.get(end - 1).isQuote()) {
            end--;
        }
        last = end;
        apposition = new boolean[tokens.size()];
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).is(",") && RELATIVES.contains(tokens.get(k + 1).norm())) {
                int close = indexOf(",", k + 1, tokens.size());
                for (int t = k; t < (close < 0 ? tokens.size() : close); t++) {
                    apposition[t] = true;
                }
            }
        }
        affiliateByPlace();
    }

    /**
     * A one-word speaking cue is a verb to the part-of-speech tagger ("charged" in "the charge" is
     * not; "accused" in "the accused" is not): English words, and Indonesian words with a verb prefix.
     */
    private boolean cueTagFits(PhraseTable.Match<CueType> m) {
        if (m.end() - m.start() != 1 || m.value() == CueType.DISMISS || m.value() == CueType.ACCORDING || m.value() == CueType.EXONERATE) {
            return true;
        }
        Token t = tokens.get(m.start());
        if (m.value() == CueType.PASSIVE_ACCUSE || m.value() == CueType.PASSIVE_DENY || m.value() == CueType.PASSIVE_REPORT) {
            return true; // the passive frame asks for its doer right after it ("yang ditolak Islamabad"), whatever the tag
        }
        if (m.value() == CueType.NOUN_ACCUSE || m.value() == CueType.NOUN_DENY) {
            return t.pos() == null || t.noun(); // "the charges", not "they charge"
        }
        boolean checked = Lexicon.ENGLISH.equals(lang.code()) || t.norm().startsWith("me") || t.norm().startsWith("di");
        // "Pemerintah Indonesia mendesak Australia ...": between two parties the word is the verb, whatever its tag
        // ("mendesak" is also "urgent")
        boolean betweenParties = m.start() > 0 && mentionAt[m.start() - 1] >= 0 && m.end() < tokens.size() && mentionAt[m.end()] >= 0;
        // "Fraksi PDI Perjuangan mendesak pemerintah ...": an Indonesian verb-formed word right after a party, with words after
        // it, is that party's verb (an adjective follows a common noun: "keperluan mendesak")
        boolean afterParty = Lexicon.INDONESIAN.equals(lang.code()) && m.start() > 0 && mentionAt[m.start() - 1] >= 0
                && m.end() < tokens.size() && tokens.get(m.end()).isWord();
        return !checked || betweenParties || afterParty || t.maybeVerb();
    }

    /**
     * A titled person whose country neither the title nor the context gives ("President X ... in Sudan")
     * is taken for an office holder of the one country where the sentence places things. Only a place the sentence
     * puts something in counts: a place name elsewhere may be a person's ("met Virginia Giuffre"). Not one whose office
     * is of a body of no country (the source says so: "United Nations spokesman").
     */
    private void affiliateByPlace() {
        Set<String> places = new HashSet<>();
        for (Mention m : mentions) {
            if (m.actor().country() != null && mark(m) == Mark.PLACE) {
                places.add(m.actor().country());
            }
        }
        if (places.size() != 1) {
            return;
        }
        String country = places.iterator().next();
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            ActorDef def = m.actor().def;
            if (def.kind() == ActorKind.PERSON && def.country() == null && def.title() != null && def.source() == null) {
                ActorDef placed = new ActorDef(def.name(), def.kind(), country, def.title());
                ctx.rememberPerson(placed);
                mentions.set(k, new Mention(ctx.actors.actor(placed, false, def.name(), ctx.languageCode()), m.start(), m.end(),
                        m.origin(), true));
            }
        }
    }

    boolean negatedBefore(int at) {
        for (int i = at - 1; i >= 0 && i >= at - 3; i--) {
            Token t = tokens.get(i);
            if (lang.role(t) == Role.NEGATION) {
                return true;
            }
            if (!AUXILIARIES.contains(t.norm())) {
                return false;
            }
        }
        return false;
    }

    boolean opensClause(Token t) {
        Role role = lang.role(t);
        return role == Role.PRONOUN || role == Role.SELF || role == Role.CLAUSE;
    }

    /**
     * The role word right before a party, skipping determiners ("ke para", "to the"); a conjunct has its first conjunct's.
     * Found by walking back along the list, each party's mark kept (it depends on positions only): a sentence listing
     * thousands of countries is read in one pass, not one pass per party, nor by a recursion as deep as the list.
     */
    Mark mark(Mention m) {
        if (m == null) {
            return Mark.NONE;
        }
        List<Integer> walked = new ArrayList<>();
        Mention current = m;
        Mark found = null;
        while (found == null) {
            int k = mentionAt[current.start()];
            if (k >= 0 && marks[k] != null) {
                found = marks[k];
                break;
            }
            if (k >= 0) {
                walked.add(k);
            }
            Mention previous = firstConjunct(current);
            if (previous == null) {
                found = ownMark(current);
            } else {
                current = previous;
            }
        }
        for (int k : walked) {
            marks[k] = found;
        }
        return found;
    }

    /** The party whose mark {@code m} takes: the name it abbreviates ("... Organization (PLO)"), the list's first ("to the United States and Britain"). */
    Mention firstConjunct(Mention m) {
        if (m.start() >= 2 && tokens.get(m.start() - 1).is("(") && mentionAt[m.start() - 2] >= 0) {
            return mentions.get(mentionAt[m.start() - 2]);
        }
        if (ownMark(m) != Mark.NONE) {
            return null;
        }
        int before = m.start() - 1;
        while (before > 0 && COORDINATION.contains(tokens.get(before).norm()) && mentionAt[before] < 0) {
            before--;
        }
        return before < m.start() - 1 && before >= 0 && mentionAt[before] >= 0 && inList(before + 1, m)
                ? mentions.get(mentionAt[before]) : null;
    }

    /** The words from {@code from} up to m join it to a list: "and", "or", or a comma with more of the list after m. */
    boolean inList(int from, Mention m) {
        for (int i = from; i < m.start(); i++) {
            if (!tokens.get(i).is(",")) {
                return true;
            }
        }
        return m.end() < tokens.size() && COORDINATION.contains(tokens.get(m.end()).norm());
    }

    Mark ownMark(Mention m) {
        int i = m.start() - 1;
        for (int skipped = 0; i >= 0 && skipped < 2 && lang.role(tokens.get(i)) == Role.SKIP; skipped++) {
            i--;
        }
        if (i < 0) {
            return Mark.NONE;
        }
        for (int k = Math.max(0, i - 1); k <= i; k++) {
            PhraseTable.Match<TransferType> origin = lang.transfers().longestAt(tokens, k);
            if (origin != null && origin.value() == TransferType.ORIGIN && origin.end() == i + 1) {
                return Mark.ORIGIN;
            }
        }
        if (Lexicon.INDONESIAN.equals(lang.code()) && lang.role(tokens.get(i)) == null) {
            // "ke kapal pasokan Filipina": the party qualifies a noun that the role word introduces
            for (int k = i; k >= Math.max(0, i - 1) && isPlainNoun(k); k--) {
                Role role = k > 0 ? lang.role(tokens.get(k - 1)) : null;
                if (role == Role.COUNTERPARTY || role == Role.SOURCE || role == Role.PLACE) {
                    i = k - 1;
                    break;
                }
            }
        }
        Token t = tokens.get(i);
        Role role = lang.role(t);
        if (role == Role.COUNTERPARTY) {
            return Mark.COUNTERPARTY;
        }
        if (role == Role.SOURCE) {
            return Mark.SOURCE;
        }
        if (role == Role.PLACE || inTownOf(m, i)) {
            return Mark.PLACE;
        }
        if (role == Role.AGENT) {
            return Mark.AGENT;
        }
        // "wilayah yang diduduki Rusia": a party in a relative clause describes something else
        if (i > 0 && tokens.get(i - 1).is("yang") && t.norm().startsWith("di") && t.norm().length() > 4) {
            return Mark.MODIFIER;
        }
        // "resolusi PBB", "UN resolutions": the author of a text
        if (role == Role.DOCUMENT || m.end() < tokens.size() && lang.role(tokens.get(m.end())) == Role.DOCUMENT) {
            return Mark.MODIFIER;
        }
        return Mark.NONE;
    }

    /**
     * "in Greenbelt, Maryland, have confirmed", "in West Palm Beach, Florida": a region after a town the sentence puts
     * something in (the comma at {@code comma}) is where that town is, no speaker or doer.
     */
    private boolean inTownOf(Mention m, int comma) {
        if (m.actor().kind() != ActorKind.TERRITORY || !tokens.get(comma).is(",")) {
            return false;
        }
        int k = comma - 1;
        while (k >= 0 && comma - k <= 3 && mentionAt[k] < 0 && tokens.get(k).capitalized()) {
            k--;
        }
        return k < comma - 1 && k >= 0 && lang.role(tokens.get(k)) == Role.PLACE;
    }

    /** An Indonesian noun, not a verb: no verb prefix, no function word, no party. */
    boolean isPlainNoun(int i) {
        Token t = tokens.get(i);
        String w = t.norm();
        return t.isWord() && !t.capitalized() && mentionAt[i] < 0 && lang.role(t) == null && !lang.functionWords().contains(w)
                && !w.startsWith("me") && !w.startsWith("ber") && !w.startsWith("di") && !w.startsWith("ter")
                && lang.cues().longestAt(tokens, i) == null;
    }

    /** Whether some word of the sentence makes someone speak (a speaking, accusing, denying verb or noun, "according to"). */
    boolean speaks() {
        for (Cue cue : cues) {
            if (cue.type() != CueType.DISMISS && cue.type() != CueType.NONE && cue.type() != CueType.EXONERATE) {
                return true;
            }
        }
        return false;
    }

    Cue firstCue(int from, int to, Set<CueType> types) {
        for (Cue cue : cues) {
            if (cue.start() >= from && cue.end() <= to && types.contains(cue.type())) {
                return cue;
            }
        }
        return null;
    }

    Mention firstMentionIn(int from, int to) {
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return m;
            }
        }
        return null;
    }

    /** The last party in [from, to) not behind a role word ("officials in Nairobi said": not Nairobi). */
    Mention lastUnmarkedMentionIn(int from, int to) {
        Mention found = null;
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && mark(m) == Mark.NONE) {
                found = m;
            }
        }
        return found;
    }

    int indexOf(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).is(text)) {
                return i;
            }
        }
        return -1;
    }

    int words(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += tokens.get(i).isWord() ? 1 : 0;
        }
        return n;
    }

    /** Skips what opens a quotation or clause: commas, colons, quotes, "bahwa", "that". */
    int skipOpening(int from, int to) {
        int i = from;
        while (i < to && (tokens.get(i).is(",") || tokens.get(i).is(":") || tokens.get(i).isQuote()
                || lang.role(tokens.get(i)) == Role.CLAUSE)) {
            i++;
        }
        return i;
    }

    boolean onlyCoordination(int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (!COORDINATION.contains(t.norm()) && lang.role(t) != Role.SKIP) {
                return false;
            }
        }
        return true;
    }

    /** The same sentence, read by another reader. */
    SentenceParts(SentenceParts other) {
        this.tokens = other.tokens;
        this.mentions = other.mentions;
        this.ctx = other.ctx;
        this.lang = other.lang;
        this.mentionAt = other.mentionAt;
        this.marks = other.marks;
        this.last = other.last;
        this.apposition = other.apposition;
        this.cues.addAll(other.cues);
    }

    /** The word after {@code m} when m is an English demonym alone ("the Japanese yen", "Afghan capital"), else null. */
    Token afterDemonym(Mention m) {
        if (!Lexicon.ENGLISH.equals(lang.code()) || m.actor().kind() != ActorKind.STATE || m.end() >= tokens.size()) {
            return null;
        }
        PhraseTable.Match<Lexicon.Name> name = ctx.lexicon.names().longestAt(tokens, m.start());
        boolean demonym = name != null && name.end() == m.end() && name.value().type() == Lexicon.NameType.DEMONYM;
        return demonym ? tokens.get(m.end()) : null;
    }

    /**
     * "The Japanese yen strengthened", "the American manufacturing giant", "the Indian economy": in a sentence that tells
     * of no hostile act, a demonym before the noun of a thing says where the thing is from, not who acts ("Russian
     * missiles", "Chinese officials", "the Chinese have" do; so does any party of "Israeli jets bombed ..."). Such a
     * demonym is never the speaker either: "the British royal blankly denied" is the royal's denial, not the United Kingdom's.
     */
    boolean namesAThing(Mention m) {
        Token t = afterDemonym(m);
        if (t == null) {
            return false;
        }
        int next = m.end();
        String word = t.norm();
        if (!t.isWord() || t.capitalized() || mentionAt[next] >= 0 || lang.role(t) != null || ctx.lexicon.isFunctionWord(word)
                || AUXILIARIES.contains(word) || t.pos() != null && !t.noun() && !t.adjective()) {
            return false;
        }
        return !ctx.lexicon.mayNameHostileAct(word) && !ctx.lexicon.isAct(word, true) && !ctx.lexicon.isAgent(word)
                && lang.cues().longestAt(tokens, next) == null && lang.categories().longestAt(tokens, next) == null;
    }
}
