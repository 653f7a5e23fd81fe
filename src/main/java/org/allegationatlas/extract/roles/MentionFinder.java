package org.allegationatlas.extract.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.extract.lexicon.Lexicon.Body;
import org.allegationatlas.extract.lexicon.Lexicon.NameType;
import org.allegationatlas.extract.lexicon.Lexicon.Title;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.text.Token;
import org.allegationatlas.extract.text.Tokenizer;

/**
 * Finds the actors a sentence names, in two passes:
 * <ol>
 * <li>names: stored actors' names and aliases, persons met earlier in the article, and the
 * lexicon's countries, capitals, demonyms, known actors and leaders (longest match);</li>
 * <li>phrases built around them: a country with a body ("Russian Defence Ministry",
 * "Kementerian Pertahanan Rusia", "government of Sudan"), a title with a name ("Juru bicara Dewan
 * Keamanan Nasional John Kirby", "Iranian Foreign Minister ..."), a title with a country only
 * ("Duta Besar Korea Utara untuk Moskow"), a government named after its head ("Pemerintahan Biden").</li>
 * </ol>
 * Whatever a country name is part of becomes one actor, affiliated with that country.
 */
final class MentionFinder {

    /** A name found in the first pass, over tokens [start, end). */
    private record Atom(int start, int end, NameType type, String country, ActorDef actor, boolean origin, boolean surnameOnly) {

        Atom(int start, int end, NameType type, String country, ActorDef actor, boolean origin) {
            this(start, end, type, country, actor, origin, false);
        }

        /** The country this name can qualify: a country, a demonym or a stored STATE. */
        String countryLike() {
            if (type == NameType.COUNTRY || type == NameType.DEMONYM) {
                return country;
            }
            return type == NameType.ACTOR && actor.kind() == ActorKind.STATE ? actor.country() : null;
        }

        boolean isPerson() {
            return type == NameType.ACTOR && actor.kind() == ActorKind.PERSON;
        }
    }

    private static final int LONGEST_NAME = 4;
    /** Nouns of a journalist named after the place or body they cover. */
    private static final Set<String> BEATS = Set.of("correspondent", "correspondents");
    /** Nouns of newspapers and of sports clubs that a place's name opens (see opensAPaperOrClub). */
    private static final Set<String> PAPERS = Set.of("times", "post", "chronicle", "herald", "tribune", "journal", "gazette", "globe",
            "examiner", "inquirer", "courier", "observer", "telegraph", "sentinel", "dispatch");
    private static final Set<String> CLUBS = Set.of("side", "club", "outfit", "franchise");
    /** Said of a titled person whose country the text does not give, so a reader sees the country was guessed. */
    private static final String GUESSED_FROM_ARTICLE = "its country not in the text: the last government speaker's, else the dateline's";
    private static final String GUESSED_HOME = "its country not in the text: an office named in Indonesian news is held at home";
    private static final Set<String> NAME_PARTICLES = Set.of("bin", "al", "el", "de", "da", "van", "von", "der", "ibn", "abu", "la", "le");
    private static final Set<String> HEADS_NAMED_AFTER_LEADER = Set.of("administration", "government");

    private final Lexicon lexicon;

    MentionFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<Mention> find(List<Token> tokens, ArticleContext ctx) {
        Pass pass = new Pass(tokens, ctx);
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Mention m = pass.phraseAt(i);
            if (m == null && pass.atoms[i] != null) {
                m = pass.plain(pass.atoms[i]);
                if (m == null) {
                    i = pass.atoms[i].end();
                    continue;
                }
            }
            if (m == null) {
                m = pass.untitledSpeakerAt(i);
            }
            if (m == null) {
                m = pass.officeSpeakerAt(i);
            }
            if (m == null) {
                m = pass.groupSpeakerAt(i);
            }
            if (m == null) {
                m = pass.bodyAfterCueAt(i);
            }
            if (m != null) {
                if (m.actor().country() != null) {
                    pass.lastCountry = m.actor().country();
                }
                if (mentions.isEmpty() && (m.start() == 0 || m.start() == 1 && tokens.get(0).is("the"))
                        && (m.actor().kind() == ActorKind.STATE || m.actor().kind() == ActorKind.GOVERNMENT_BODY)) {
                    pass.openingCountry = m.actor().country();
                }
                mentions.add(m);
                ctx.named.add(m.actor());
                pass.lastMentionEnd = m.end();
                i = m.end();
            } else {
                i++;
            }
        }
        return mentions;
    }

    /** The work on one sentence. */
    private final class Pass {
        final List<Token> tokens;
        final ArticleContext ctx;
        final Lexicon.Language lang;
        final Atom[] atoms;
        /** Where the last party found ends: a phrase right after it and "and" belongs with it. */
        int lastMentionEnd = -1;
        /** The country of the last party found with one in this sentence. */
        String lastCountry;
        /** The country of the state or government body that opens the sentence, if one does. */
        String openingCountry;

        Pass(List<Token> tokens, ArticleContext ctx) {
            this.tokens = tokens;
            this.ctx = ctx;
            this.lang = ctx.language;
            this.atoms = new Atom[tokens.size()];
            findNames();
        }

        private void findNames() {
            int i = 0;
            while (i < tokens.size()) {
                Atom best = null;
                PhraseTable.Match<ActorDef> stored = ctx.stored.names().longestAt(tokens, i);
                if (stored != null) {
                    best = new Atom(i, stored.end(), NameType.ACTOR, stored.value().country(), stored.value(), false);
                }
                PhraseTable.Match<ActorDef> person = ctx.persons.longestAt(tokens, i);
                if (person != null && (best == null || person.end() > best.end())) {
                    best = new Atom(i, person.end(), NameType.ACTOR, person.value().country(), person.value(), false);
                }
                PhraseTable.Match<Lexicon.Name> known = lexicon.names().longestAt(tokens, i);
                if (known != null && (best == null || known.end() > best.end())) {
                    Lexicon.Name n = known.value();
                    if (n.dated() != null && known.end() == i + 1 && lang.dates().longestAt(tokens, i) != null) {
                        // "Pada Juni, ...": a month or weekday is no one's family name
                        best = null;
                    } else if ((n.surnameOnly() || n.dated() != null && known.end() == i + 1) && partOfAnotherName(i, known.end())) {
                        // "Rini Soemarno", "Lukman Hakim Saifuddin": someone else who bears that family name (the
                        // whole name is read as a person's below)
                        best = null;
                    } else if (n.type() == NameType.COUNTRY && known.end() == i + 1 && inAPersonsName(i)) {
                        // "Chad Thomas has filled in", "who wrote as Robert Jordan": a person named like a country
                        best = null;
                    } else if (n.dated() != null) {
                        // who the person or body was on the article's date: its country then
                        ActorDef def = lexicon.actorAsOf(n, ctx.publishedOn);
                        // "Harris said" in a story naming "Victor N. Burton" and "Lt. Matt Harris": not the dictionaries' person
                        best = n.surnameOnly() && ctx.borneByAnother(tokens.get(i).text(), def) ? null
                                : new Atom(i, known.end(), NameType.ACTOR, def.country(), def, false, n.surnameOnly());
                    } else {
                        best = new Atom(i, known.end(), n.type(), n.country(), n.actor(), false);
                    }
                }
                if (best == null) {
                    best = madeIn(i);
                }
                if (best == null) {
                    best = ticket(i);
                }
                if (best != null) {
                    atoms[i] = best;
                    i = best.end();
                } else {
                    i++;
                }
            }
        }

        /**
         * A family name alone at [start, end) is part of another person's name when a capitalised name word stands right
         * before it (no title, office or function word) or right after it.
         */
        private boolean partOfAnotherName(int start, int end) {
            if (end < tokens.size() && nameLike(end)) {
                return true;
            }
            int before = start - 1;
            return before >= 0 && atoms[before] == null && nameLike(before) && lang.titles().longestAt(tokens, before) == null
                    && !lexicon.isOfficeWord(tokens.get(before).norm()) && lang.bodies().longestAt(tokens, before) == null
                    && !(before == 0 && Lexicon.ENGLISH.equals(lang.code()) && lexicon.isFunctionWord(tokens.get(before).norm()));
        }

        /**
         * A one-word country or capital at i is a word of a person's name in English prose: a capitalised word the
         * dictionaries do not know stands right after it, or (as for a family name) a name word right before it. Not in a
         * headline's title case ("Iran Nuclear Talks Resume"), nor an acronym ("US Chinook helicopter").
         */
        private boolean inAPersonsName(int i) {
            if (!Lexicon.ENGLISH.equals(lang.code()) || titleCase() || isAcronym(tokens.get(i))) {
                return false;
            }
            int after = i + 1;
            if (after < tokens.size() && isNameWord(after) && nameLike(after) && lexicon.names().longestAt(tokens, after) == null) {
                return true;
            }
            int before = i - 1;
            return before > 0 && atoms[before] == null && isNameWord(before) && nameLike(before);
        }

        /** A capitalised word that may belong to a personal name: no function, role, date or cue word. */
        private boolean nameLike(int k) {
            Token t = tokens.get(k);
            String w = t.norm();
            return t.isWord() && t.capitalized() && !lexicon.isFunctionWord(w) && lang.role(t) == null
                    && lang.cues().longestAt(tokens, k) == null && lang.dates().longestAt(tokens, k) == null
                    && !SentenceParts.AUXILIARIES.contains(w) && !SentenceParts.TIME_WORDS.contains(w);
        }

        /**
         * "Prabowo-Hatta", "Jokowi-JK": two names joined by a hyphen, an electoral ticket or a pair that acts as one, named
         * after the first person, whom the dictionaries know.
         */
        private Atom ticket(int i) {
            String text = tokens.get(i).text();
            int hyphen = text.indexOf('-');
            if (hyphen <= 0 || hyphen == text.length() - 1 || !Character.isUpperCase(text.charAt(0))
                    || !Character.isUpperCase(text.charAt(hyphen + 1))) {
                return null;
            }
            Lexicon.Name name = lexicon.names().lookup(text.substring(0, hyphen));
            if (name == null || name.type() != NameType.ACTOR || name.surnameOnly()) {
                return null;
            }
            ActorDef def = name.dated() != null ? lexicon.actorAsOf(name, ctx.publishedOn) : name.actor();
            return def == null || def.kind() != ActorKind.PERSON ? null : new Atom(i, i + 1, NameType.ACTOR, def.country(), def, false);
        }

        /** "Iranian-made": Iran, as the maker; "Vietnamese-led", "Israeli-occupied": the country. */
        private Atom madeIn(int i) {
            String text = tokens.get(i).text();
            int hyphen = text.lastIndexOf('-');
            String suffix = hyphen <= 0 ? "" : Tokenizer.norm(text.substring(hyphen + 1));
            boolean origin = lexicon.isOriginSuffix(suffix);
            if (!origin && !lexicon.isAffiliationSuffix(suffix)) {
                return null;
            }
            Lexicon.Name name = lexicon.names().lookup(text.substring(0, hyphen));
            if (name == null || name.type() != NameType.COUNTRY && name.type() != NameType.DEMONYM) {
                return null;
            }
            return new Atom(i, i + 1, NameType.COUNTRY, name.country(), null, origin);
        }

        /** A phrase built around a name starting at token i, or null. */
        Mention phraseAt(int i) {
            Atom atom = atoms[i];
            if (atom != null && atom.countryLike() != null && atom.type() != NameType.PEOPLE && Lexicon.ENGLISH.equals(lang.code())) {
                Mention m = countryThenBodyOrTitle(atom);
                if (m != null) {
                    return m;
                }
            }
            if (atom != null && atom.type() == NameType.ACTOR && atom.actor().kind() != ActorKind.STATE && !atom.isPerson()) {
                PhraseTable.Match<Title> title = lang.titles().longestAt(tokens, atom.end());
                if (title != null) {
                    return person(i, title.end(), title.value(), atom.country(), atom.actor().name());
                }
            }
            if (atom != null && atom.isPerson()) {
                Mention m = leaderGovernment(atom);
                if (m != null) {
                    return m;
                }
            }
            if (atom == null) {
                PhraseTable.Match<Title> title = lang.titles().longestAt(tokens, i);
                if (title != null) {
                    return person(i, title.end(), title.value(), null, null);
                }
                PhraseTable.Match<Body> body = lang.bodies().longestAt(tokens, i);
                if (body != null) {
                    Mention m = bodyThenCountryOrLeader(i, body);
                    if (m != null || earlierBody(i, body) != null) {
                        return m != null ? m : earlierBody(i, body);
                    }
                }
                return agentGroupAt(i);
            }
            return null;
        }

        /**
         * "Lawmakers in Kenya accused ...", "anggota parlemen di Kenya menuduh ...", "politicians from Ghana": a role
         * noun (Phoenix agents; agents-id.tsv) with "in/from/of X" is a group of X when it speaks (a cue follows
         * within three words) or with "of".
         */
        private Mention agentGroupAt(int i) {
            int end = -1;
            for (int length = 2; length >= 1 && end < 0; length--) {
                if (i + length <= tokens.size() && lexicon.isAgent(words(i, i + length))) {
                    end = i + length;
                }
            }
            if (end < 0 || end >= tokens.size()) {
                return null;
            }
            Token link = tokens.get(end);
            boolean of = link.is("of");
            if (!of && !link.is("in") && !link.is("from") && !link.is("di") && !link.is("dari")) {
                return null;
            }
            int j = end + 1 < tokens.size() && tokens.get(end + 1).is("the") ? end + 2 : end + 1;
            Atom atom = j < tokens.size() ? atoms[j] : null;
            if (atom == null || atom.countryLike() == null || atom.type() == NameType.PEOPLE || atom.start() != j) {
                return null;
            }
            boolean speaks = false;
            for (int k = atom.end(); k < Math.min(tokens.size(), atom.end() + 3) && !speaks; k++) {
                speaks = cueAt(k);
            }
            if (!speaks && !of) {
                return null;
            }
            String country = atom.countryLike();
            ActorDef group = new ActorDef(lexicon.adjective(country) + " " + text(i, end).toLowerCase(java.util.Locale.ROOT),
                    ActorKind.GROUP, country, null, "role noun \"" + text(i, end) + "\" (Phoenix agents / agents-id.tsv) with \""
                            + link.text() + " " + text(j, atom.end()) + "\"");
            return mention(group, true, i, atom.end(), false);
        }

        private String words(int from, int to) {
            StringBuilder b = new StringBuilder();
            for (int k = from; k < to; k++) {
                b.append(k > from ? " " : "").append(tokens.get(k).norm());
            }
            return b.toString();
        }

        /** "kementerian itu", "the ministry": the latest actor of that kind named before. */
        private Mention earlierBody(int start, PhraseTable.Match<Body> body) {
            int end = body.end();
            boolean demonstrative = end < tokens.size() && (tokens.get(end).is("itu") || tokens.get(end).is("tersebut"));
            boolean definite = start > 0 && tokens.get(start - 1).is("the") && (end >= tokens.size() || !tokens.get(end).is("of"));
            if (!demonstrative && !definite) {
                return null;
            }
            ArticleActors.Actor earlier = ctx.latestNamed(body.value().head());
            if (earlier == null || earlier.kind() == ActorKind.STATE) {
                return null;
            }
            return new Mention(earlier, start, demonstrative ? end + 1 : end, false, false);
        }

        /** English order: "Russian Defence Ministry", "Sudan's government", "Iranian Foreign Minister X". */
        private Mention countryThenBodyOrTitle(Atom atom) {
            int j = atom.end();
            if (beatOf(atom) || opensAPaperOrClub(atom)) {
                return null; // "Moscow correspondent", "the London side": plain() names no party either
            }
            if (atom.type() == NameType.DEMONYM && j < tokens.size() && atoms[j] != null && atoms[j].type() == NameType.ACTOR
                    && atoms[j].actor().kind() != ActorKind.STATE && !atoms[j].isPerson()
                    && (atoms[j].country() == null || atoms[j].country().equals(atom.country()))) {
                // "the Afghan Taliban", "Lebanese Hezbollah": the demonym says whose the known group is; one party
                Mention named = plain(atoms[j]);
                return named == null ? null : new Mention(named.actor(), atom.start(), named.end(), false, named.guessedCountry());
            }
            if (j < tokens.size() && atoms[j] != null && atoms[j].type() == NameType.PEOPLE && atom.type() == NameType.DEMONYM) {
                // "Bosnian Serbs", "Iraqi Kurds": a people of the first country
                String name = text(atom.start(), atoms[j].end());
                return mention(new ActorDef(name, ActorKind.GROUP, atom.countryLike(), null), true, atom.start(), atoms[j].end(), false);
            }
            Mention organisation = organisationNamedWith(atom);
            if (organisation != null) {
                return organisation;
            }
            if (j < tokens.size() && tokens.get(j).is("'s")) {
                j++;
            }
            for (int skipped = 0; j < tokens.size() && skipped <= 2; skipped++) {
                PhraseTable.Match<Body> body = lang.bodies().longestAt(tokens, j);
                PhraseTable.Match<Title> title = lang.titles().longestAt(tokens, j);
                if (body != null && lang.titles().longestAt(tokens, body.end()) != null) {
                    // "Russian Foreign Ministry spokeswoman ...": a person of that body
                    PhraseTable.Match<Title> after = lang.titles().longestAt(tokens, body.end());
                    return person(atom.start(), after.end(), after.value(), atom.countryLike(), null);
                }
                if (title != null && (body == null || title.end() >= body.end())) {
                    return person(atom.start(), title.end(), title.value(), atom.countryLike(), null);
                }
                if (body != null) {
                    return body(atom.start(), body.end(), body.value(), atom.countryLike());
                }
                Token t = tokens.get(j);
                if (atoms[j] == null && lexicon.isAgent(t.norm()) && (t.pos() == null || t.noun())) {
                    // "US Congress", "Palestinian leaders", "Israeli troops": a role noun of the Phoenix agents
                    String country = atom.countryLike();
                    ActorDef group = new ActorDef(lexicon.adjective(country) + " " + t.norm(), ActorKind.GROUP, country, null,
                            "role noun \"" + t.text() + "\" (Phoenix agents) of " + text(atom.start(), atom.end()));
                    return mention(group, true, atom.start(), j + 1, false);
                }
                // "Iran's religious leader", "Russian senior officials": a word or two before the noun
                if (atoms[j] != null || !t.isWord() || lexicon.isFunctionWord(t.norm()) || lang.role(t) != null
                        || lang.cues().longestAt(tokens, j) != null) {
                    return null;
                }
                j++;
            }
            return null;
        }

        /**
         * "the American Farm Bureau", "the Chinese Center for Disease Control", "Chinese CDC": a demonym opening a proper
         * name the dictionaries do not know names an organisation of that country, not the state. Not when a body, title
         * or role noun is among the name's words ("Syrian Democratic Forces", "Russian Foreign Minister"), which the
         * caller reads, nor in a sentence written in title case (a headline: every word capitalised).
         */
        private Mention organisationNamedWith(Atom atom) {
            if (atom.type() != NameType.DEMONYM || titleCase()) {
                return null;
            }
            int end = atom.end();
            for (int k = atom.end(); k < tokens.size(); k++) {
                Token t = tokens.get(k);
                boolean joiner = (t.is("for") || t.is("of") || t.is("and")) && k > atom.end() && k + 1 < tokens.size()
                        && tokens.get(k + 1).capitalized() && atoms[k + 1] == null;
                if (joiner) {
                    continue;
                }
                if (atoms[k] != null || !t.isWord() || !t.capitalized() || lang.role(t) != null || lang.cues().longestAt(tokens, k) != null) {
                    break;
                }
                if (lang.bodies().longestAt(tokens, k) != null || lang.titles().longestAt(tokens, k) != null
                        || lexicon.isAgent(t.norm()) || lexicon.isOfficeWord(t.norm())) {
                    return null; // "Syrian Democratic Forces", "Hong Kong Polytechnic University": read by the caller
                }
                if (!lexicon.isOrdinaryEnglishWord(t.norm()) && !acronym(t.text())) {
                    return null; // "American Kevin King": a person's name
                }
                end = k + 1;
            }
            if (end == atom.end() || end < tokens.size() && atoms[end] != null) {
                return null; // no name, or one that runs into a known party ("Afghan Taliban")
            }
            ActorDef organisation = new ActorDef(text(atom.start(), end), ActorKind.ORGANIZATION, atom.countryLike(), null,
                    "a name the dictionaries do not know, opened by the demonym \"" + text(atom.start(), atom.end())
                            + "\": an organisation of that country");
            return mention(organisation, false, atom.start(), end, false);
        }

        private static boolean acronym(String word) {
            return word.length() >= 2 && word.length() <= 6 && word.chars().allMatch(Character::isUpperCase);
        }

        /** Whether most of the sentence's words are capitalised, as in a headline; counted once a sentence. */
        private boolean titleCase() {
            if (titleCase == null) {
                titleCase = countTitleCase();
            }
            return titleCase;
        }

        private Boolean titleCase;

        private boolean countTitleCase() {
            int words = 0;
            int capitalized = 0;
            for (Token t : tokens) {
                if (t.isWord() && !lexicon.isFunctionWord(t.norm())) {
                    words++;
                    capitalized += t.capitalized() ? 1 : 0;
                }
            }
            return words >= 4 && capitalized * 4 >= words * 3;
        }

        /** Indonesian order and "X of Y": "Kementerian Pertahanan Rusia", "government of Sudan", "pemerintahan Presiden Joe Biden". */
        private Mention bodyThenCountryOrLeader(int start, PhraseTable.Match<Body> body) {
            int j = body.end();
            boolean ofCountry = j < tokens.size() && tokens.get(j).is("of");
            // "rebels in the Ivory Coast", "pemberontak di Suriah": a group of the country it is in
            boolean inCountry = body.value().local() && j < tokens.size() && (tokens.get(j).is("in") || tokens.get(j).is("di"));
            if (ofCountry || inCountry) {
                j++;
                if (j < tokens.size() && tokens.get(j).is("the")) {
                    j++;
                }
            } else if (j < tokens.size() && atoms[j] == null && lexicon.isOfficeWord(tokens.get(j).norm())) {
                j++;
            }
            if (j >= tokens.size()) {
                return null;
            }
            Atom atom = atoms[j];
            if (atom != null && atom.countryLike() != null && atom.type() != NameType.PEOPLE) {
                return body(start, atom.end(), body.value(), atom.countryLike());
            }
            if (HEADS_NAMED_AFTER_LEADER.contains(body.value().head())) {
                ActorDef leader = null;
                int end = j;
                if (atom != null && atom.isPerson()) {
                    leader = atom.actor();
                    end = atom.end();
                } else {
                    PhraseTable.Match<Title> title = lang.titles().longestAt(tokens, j);
                    if (title != null) {
                        Mention person = person(j, title.end(), title.value(), null, null);
                        if (person != null && person.actor().kind() == ActorKind.PERSON && person.actor().country() != null) {
                            leader = person.actor().def;
                            end = person.end();
                        }
                    }
                }
                if (leader != null && leader.country() != null) {
                    return government(start, end, leader);
                }
            }
            return null;
        }

        /** "the Biden administration": a leader's name, then the body. */
        private Mention leaderGovernment(Atom atom) {
            int j = atom.end() < tokens.size() && tokens.get(atom.end()).is("'s") ? atom.end() + 1 : atom.end();
            PhraseTable.Match<Body> body = lang.bodies().longestAt(tokens, j);
            if (body != null && HEADS_NAMED_AFTER_LEADER.contains(body.value().head()) && atom.actor().country() != null) {
                return government(atom.start(), body.end(), atom.actor());
            }
            return null;
        }

        private Mention government(int start, int end, ActorDef leader) {
            String[] words = leader.name().split(" ");
            ActorDef def = new ActorDef(words[words.length - 1] + " administration", ActorKind.GOVERNMENT_BODY, leader.country(), null);
            return mention(def, true, start, end, false);
        }

        private Mention body(int start, int end, Body body, String country) {
            String name = lexicon.adjective(country) + " " + body.head();
            return mention(new ActorDef(name, body.kind(), country, null), body.speaksForState(), start, end, false);
        }

        /**
         * A title at [titleStart.., titleEnd) possibly qualified by {@code country} or an office
         * ("Gedung Putih"); then office words, a country, a name, "of Country", "to Country".
         */
        private Mention person(int start, int titleEnd, Title title, String country, String officeName) {
            int j = titleEnd;
            String posted = null;
            // office words and a country between title and name: "Juru bicara Dewan Keamanan Nasional", "Presiden Rusia"
            while (j < tokens.size()) {
                Atom atom = atoms[j];
                if (atom != null && atom.countryLike() != null && atom.type() != NameType.PEOPLE && country == null) {
                    country = atom.countryLike();
                    j = atom.end();
                } else if (atom != null && atom.type() == NameType.ACTOR && !atom.isPerson() && atom.actor().kind() != ActorKind.STATE
                        && officeName == null) {
                    officeName = atom.actor().name();
                    country = country == null ? atom.country() : country;
                    j = atom.end();
                } else if (atom == null && tokens.get(j).capitalized() && lexicon.isOfficeWord(tokens.get(j).norm())) {
                    j++;
                } else if (atom == null && j > titleEnd && tokens.get(j).text().matches("[IVX]{1,4}") && lexicon.isOfficeWord(tokens.get(j - 1).norm())) {
                    j++; // "Komisi I", "Komisi III": a numbered office
                } else if (atom == null && j > titleEnd && (tokens.get(j).is("dan") || tokens.get(j).is("and")) && j + 1 < tokens.size()
                        && tokens.get(j + 1).capitalized() && lexicon.isOfficeWord(tokens.get(j + 1).norm())) {
                    j += 2; // "Menteri Kelautan dan Perikanan"
                } else if (atom == null && j > titleEnd && tokens.get(j).is(",") && j + 1 < tokens.size()
                        && lexicon.isOfficeWord(tokens.get(j - 1).norm()) && (tokens.get(j + 1).capitalized()
                                && lexicon.isOfficeWord(tokens.get(j + 1).norm()) || (tokens.get(j + 1).is("dan") || tokens.get(j + 1).is("and"))
                                        && j + 2 < tokens.size() && lexicon.isOfficeWord(tokens.get(j + 2).norm()))) {
                    j++; // "Menteri Koordinator Politik, Hukum, dan Keamanan": a list of portfolios
                } else if (atom == null && isAcronym(tokens.get(j)) && j + 1 < tokens.size() && tokens.get(j + 1).capitalized()) {
                    j++; // "Menteri BUMN Rini Soemarno", "Ketua KPK ...": the office by its initials
                } else if (atom == null && lang.titles().longestAt(tokens, j) != null) {
                    j = lang.titles().longestAt(tokens, j).end(); // "leader Ayatollah ...": titles in a row
                } else if (atom == null && tokens.get(j).is("of") && j + 1 < tokens.size() && atoms[j + 1] != null
                        && atoms[j + 1].countryLike() != null && country == null) {
                    country = atoms[j + 1].countryLike();
                    j = atoms[j + 1].end();
                } else {
                    break;
                }
            }
            if (country == null && officeName == null && title.country() != null) {
                country = title.country(); // "Bupati Nunukan": a regent is Indonesian wherever Nunukan is
            }
            if (title.posted() && j + 1 < tokens.size() && isPostedTo(tokens.get(j)) && atoms[j + 1] != null
                    && atoms[j + 1].countryLike() != null) {
                posted = atoms[j + 1].countryLike();
                j = atoms[j + 1].end();
            }
            ActorDef named = null;
            int end = j;
            boolean guessed = false;
            int[] affiliation = affiliation(j);
            if (affiliation != null) {
                // "Pengamat politik dari Universitas Gadjah Mada, Arie Sudjito, ...": the institution, then the name
                j = affiliation[0];
                if (country == null && affiliation[1] >= 0) {
                    country = atoms[affiliation[1]].countryLike() != null ? atoms[affiliation[1]].countryLike() : atoms[affiliation[1]].country();
                }
            }
            if (j < tokens.size() && atoms[j] != null && atoms[j].isPerson()) {
                named = atoms[j].actor();
                end = atoms[j].end();
                if (atoms[j].surnameOnly() && country != null && !country.equals(named.country())) {
                    // "Indonesian minister Rini": the office named beside a family name decides whose it is
                    named = new ActorDef(named.name().substring(named.name().lastIndexOf(' ') + 1), ActorKind.PERSON, country,
                            text(start, j).trim(), "a family name with its office, whose country differs from the dictionaries' "
                                    + named.name() + " [" + named.country() + "]");
                }
            } else {
                int nameEnd = nameRun(j, true);
                if (nameEnd > j) {
                    end = nameEnd;
                    if (end + 1 < tokens.size() && tokens.get(end).is("of") && atoms[end + 1] != null
                            && atoms[end + 1].countryLike() != null && country == null) {
                        country = atoms[end + 1].countryLike();
                        // "King Hassan of Morocco": the country closes the phrase
                        String personName = text(j, nameEnd);
                        end = atoms[end + 1].end();
                        named = new ActorDef(personName, ActorKind.PERSON, country, text(start, nameEnd).trim());
                    } else {
                        String personName = text(j, nameEnd);
                        String guess = null;
                        if (country == null && officeName == null) {
                            // "Menteri Agama Lukman Hakim Saifuddin": an office without a country in Indonesian news is
                            // held at home (a foreign one is qualified: "Menteri Luar Negeri Rusia")
                            guess = guessedCountrySource();
                            country = guessedCountry();
                            guessed = country != null;
                        }
                        String source = guessed ? guess : null;
                        if (country == null && officeName != null) {
                            // "United Nations spokesman Farhan Haq": he speaks for a body of no country, whatever the
                            // sentence's places (SentenceParts.affiliateByPlace leaves him so)
                            source = "an office of " + officeName + ", which is no country's";
                        }
                        named = new ActorDef(personName, ActorKind.PERSON, country, text(start, j).trim(), source);
                    }
                }
            }
            if (named != null) {
                ctx.rememberPerson(named);
                return new Mention(ctx.actors.actor(named, false, named.name(), ctx.languageCode()), start, end, false,
                        guessed);
            }
            String guess = null;
            if (country == null && officeName == null && j > titleEnd && Lexicon.INDONESIAN.equals(lang.code())) {
                // "Menteri Hukum dan HAM keliru ...": an office named without a country is held in the article's country,
                // else at home (as with a name above)
                guess = guessedCountrySource();
                country = guessedCountry();
                guessed = country != null;
            }
            if (country == null && officeName == null) {
                return null;
            }
            // a title without a name: "Presiden Rusia", "Duta Besar Korea Utara untuk Moskow", "State Department spokesman"
            String holder = officeName != null ? officeName + " " + title.english() : lexicon.adjective(country) + " " + title.english();
            if (posted != null) {
                holder += " to " + lexicon.countryName(posted);
            }
            return mention(new ActorDef(holder, ActorKind.PERSON, country, null, guessed ? guess : null), false, start, end,
                    guessed);
        }

        /**
         * "dari Universitas Negeri Jakarta (UNJ) Ubedillah Badrun", "from the University of Nairobi, John Smith": after a
         * title, the institution the person speaks from and then the name, the two set apart by an acronym in brackets or a
         * comma. {start of the name, the atom inside the institution's name that gives its country or -1}; null when the
         * words are not so.
         */
        private int[] affiliation(int j) {
            if (j + 1 >= tokens.size() || !tokens.get(j).is("dari") && !tokens.get(j).is("from")) {
                return null;
            }
            int k = j + 1;
            if (tokens.get(k).is("the")) {
                k++;
            }
            int place = -1;
            int words = 0;
            boolean endsWithName = false;
            while (k < tokens.size() && words < 6) {
                Atom atom = atoms[k];
                endsWithName = atom != null && !atom.isPerson();
                if (endsWithName) {
                    place = atom.country() != null || atom.countryLike() != null ? k : place;
                    k = atom.end();
                    int name = nameRun(k);
                    if (name - k >= 2 && (name >= tokens.size() || !tokens.get(name).capitalized())) {
                        words++;
                        break; // the institution's known name, then a person's
                    }
                } else if (atom == null && tokens.get(k).isWord() && (tokens.get(k).capitalized() || words > 0 && tokens.get(k).is("of"))) {
                    k++;
                } else {
                    break;
                }
                words++;
            }
            if (words == 0 || k >= tokens.size()) {
                return null;
            }
            boolean set = false;
            if (tokens.get(k).is("(") && k + 2 < tokens.size() && tokens.get(k + 2).is(")")) {
                k += 3;
                set = true;
            }
            if (k < tokens.size() && tokens.get(k).is(",")) {
                k++;
                set = true;
            }
            // "dari Fraksi Partai Golkar Tantowi Yahya": a known name closes the institution, a person's name follows
            set |= endsWithName && k < tokens.size() && nameRun(k) - k >= 2;
            if (!set || k >= tokens.size() || nameRun(k) - k < 2 && (atoms[k] == null || !atoms[k].isPerson())) {
                return null;
            }
            return new int[] { k, place };
        }

        private boolean isPostedTo(Token token) {
            return token.is("to") || token.is("untuk") || token.is("di") || token.is("in");
        }

        /**
         * "The National Intelligence Service told ...": a capitalised name made of office words, next to a
         * cue, is a government body; of the country of the context, as its name does not say.
         */
        Mention officeSpeakerAt(int i) {
            int end = i;
            boolean office = false;
            while (end < tokens.size() && atoms[end] == null && tokens.get(end).isWord()
                    && (tokens.get(end).capitalized() || end > i && (tokens.get(end).is("of") || tokens.get(end).is("and")
                            || tokens.get(end).is("dan")) && end + 1 < tokens.size() && tokens.get(end + 1).capitalized())) {
                office |= lexicon.isOfficeWord(tokens.get(end).norm());
                end++;
            }
            while (end > i && !lexicon.isOfficeWord(tokens.get(end - 1).norm())) {
                end--;
            }
            if (end - i < 2 || !office || !cueAt(end) && !cueEndsAt(i)) {
                return null;
            }
            String country = ctx.contextCountry();
            if (country == null) {
                // "Kementerian Kelautan dan Perikanan menuduh ...": Indonesian news names a foreign ministry with its country
                country = RuleFiles.RULES.getProperty("office.home-country." + lang.code());
            }
            ActorDef body = new ActorDef(text(i, end), ActorKind.GOVERNMENT_BODY, country, null);
            return new Mention(ctx.actors.actor(body, true, body.name(), ctx.languageCode()), i, end, false, country != null);
        }

        /**
         * "Exiled dissidents and human rights groups accused ...", ", a human rights organization charged", "Kelompok
         * oposisi di pengasingan dan aktivis hak asasi manusia menuduh ...", "Para aktivis lingkungan di Singapura
         * menyalahkan ...": a noun phrase of role nouns (group-heads.tsv, the Phoenix agents, agents-*.tsv) right before
         * a speaking verb is a party that speaks although no dictionary names it: a group, an organisation or an outlet
         * (by its head noun), of the one country the phrase names ("in Lebanon", "Philippine", "Filipina"), else of none.
         */
        Mention groupSpeakerAt(int i) {
            if (!opensGroup(i)) {
                return null;
            }
            boolean english = Lexicon.ENGLISH.equals(lang.code());
            int k = i;
            int end = i;
            int nameEnd = -1;
            int words = 0;
            String head = null;
            ActorKind kind = null;
            String country = null;
            String pendingCountry = null;
            boolean bodyHead = false;
            while (k < tokens.size() && words <= 10) {
                Token t = tokens.get(k);
                Atom atom = atoms[k];
                if (atom != null) {
                    // a country qualifying the phrase: "Philippine senators", "anggota parlemen Filipina"
                    String c = atom.countryLike();
                    if (c == null || atom.type() == NameType.PEOPLE || country != null && !country.equals(c)
                            || pendingCountry != null && !pendingCountry.equals(c) || !english && head == null) {
                        break;
                    }
                    k = atom.end();
                    if (!english) {
                        country = c;
                        end = k;
                        break; // the country closes an Indonesian phrase
                    }
                    pendingCountry = c; // "Philippine senators": a country of the phrase once its noun follows
                    continue;
                }
                if (t.is("in") || t.is("of") || t.is("from") || t.is("di") || t.is("dari")) {
                    int j = k + 1 < tokens.size() && tokens.get(k + 1).is("the") ? k + 2 : k + 1;
                    Atom place = j < tokens.size() ? atoms[j] : null;
                    String placeCountry = place == null ? null : placeCountry(place);
                    if (head != null && placeCountry != null && place.type() != NameType.PEOPLE
                            && (country == null || country.equals(placeCountry))) {
                        nameEnd = end;
                        country = placeCountry;
                        end = place.end();
                        break; // "lawmakers in Lebanon", "aktivis di Singapura": the country closes the phrase
                    }
                    if (!english && head != null && j < tokens.size() && isModifier(j, false)) {
                        k = j + 1; // "kelompok oposisi di pengasingan"
                        end = k;
                        continue;
                    }
                    break;
                }
                if (t.is("and") || t.is("dan")) { // not a comma: ", officials said" opens a clause, it joins no list
                    if (head == null || k + 1 >= tokens.size() || !isModifier(k + 1, english) && headAt(k + 1) == null) {
                        break;
                    }
                    k++;
                    continue;
                }
                PhraseTable.Match<ActorKind> headWord = headAt(k);
                if (headWord != null) {
                    // English names its party by the last noun ("human rights groups"), Indonesian by the first ("kelompok oposisi")
                    kind = english || kind == null ? headWord.value() : kind;
                    bodyHead = english || !bodyHead ? isBodyHead(k) : bodyHead;
                    head = text(k, headWord.end());
                    country = pendingCountry != null ? pendingCountry : country;
                    k = headWord.end();
                    end = k;
                    words++;
                    continue;
                }
                if (!isModifier(k, english)) {
                    break;
                }
                k++;
                words++;
                if (!english && head != null) {
                    end = k; // Indonesian modifiers follow their noun: "aktivis lingkungan"
                }
            }
            if (head == null || end <= i || !speaksAfter(end) && !attributedAfter(i, end)) {
                return null;
            }
            boolean guessed = false;
            if (country == null && bodyHead) {
                // "the coast guard said", "the military said": a body of the country the article is about, if it says; in
                // Indonesian news a body named without a country is Indonesia's ("pemerintah menegaskan ...")
                country = ctx.contextCountry();
                if (country == null && kind == ActorKind.GOVERNMENT_BODY) {
                    country = RuleFiles.RULES.getProperty("office.home-country." + lang.code());
                }
                if (country == null && english && i >= 2 && tokens.get(i - 1).is("the") && tokens.get(i - 2).is(",") && speaksAfter(end)) {
                    // "India has asked Pakistan to ..., the foreign ministry said": the body of the state the sentence opens with
                    country = openingCountry;
                }
                guessed = country != null;
            }
            String phrase = text(i, nameEnd > i ? nameEnd : end);
            String name = english && nameEnd > i ? lexicon.adjective(country) + " " + phrase.toLowerCase(java.util.Locale.ROOT)
                    : capitalized(phrase);
            ActorDef group = new ActorDef(name, kind, country, null, "a party named by its role noun \"" + head
                    + "\" (group-heads.tsv / Phoenix agents) right before the verb; "
                    + (country == null ? "the text gives it no country" : guessed ? "its country from the article's context"
                            : "its country as the text names it"));
            return mention(group, kind == ActorKind.GOVERNMENT_BODY, i, end, guessed);
        }

        /** The country a place names: a country, or a province or city of one ("di Kepulauan Riau", "in Kandahar"). */
        private String placeCountry(Atom place) {
            if (place.countryLike() != null) {
                return place.countryLike();
            }
            return place.type() == NameType.ACTOR && place.actor() != null && place.actor().kind() == ActorKind.TERRITORY ? place.country() : null;
        }

        private boolean isBodyHead(int k) {
            return lang.groupHeads().longestAt(tokens, k) == null && lang.bodies().longestAt(tokens, k) != null;
        }

        /** Words that may come before a group's phrase: articles and quantities ("a majority of", "para", "sejumlah"). */
        private static final Set<String> QUANTIFIERS = Set.of("a", "an", "the", "some", "several", "many", "most", "few", "majority",
                "number", "dozens", "hundreds", "thousands", "two", "three", "four", "five", "para", "sejumlah", "beberapa", "banyak",
                "puluhan", "ratusan", "ribuan", "segelintir", "sekelompok", "seorang", "sebuah");
        private static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "her", "our", "my", "your");

        /** A group's phrase may open at i: a word of it, after the clause's start, a comma or an article, not after "X and". */
        private boolean opensGroup(int i) {
            Token t = tokens.get(i);
            if (QUANTIFIERS.contains(t.norm()) || !isModifier(i, Lexicon.ENGLISH.equals(lang.code())) && headAt(i) == null) {
                return false;
            }
            if (i == 0) {
                return true;
            }
            Token before = tokens.get(i - 1);
            if (POSSESSIVES.contains(before.norm())) {
                return false;
            }
            boolean joined = (before.is("and") || before.is("dan") || before.is("or")) && lastMentionEnd == i - 1;
            return !joined && (!before.isWord() || QUANTIFIERS.contains(before.norm()) || lexicon.isFunctionWord(before.norm()));
        }

        /**
         * A head noun of a party at k (group-heads.tsv; a body of bodies.tsv, "coast guard", "military", of its kind; else a
         * role noun of the Phoenix agents or agents-*.tsv: GROUP), or null.
         */
        private PhraseTable.Match<ActorKind> headAt(int k) {
            PhraseTable.Match<ActorKind> head = lang.groupHeads().longestAt(tokens, k);
            if (head != null) {
                return head;
            }
            PhraseTable.Match<Body> body = lang.bodies().longestAt(tokens, k);
            if (body != null && !tokens.get(k).capitalized()) {
                return new PhraseTable.Match<>(k, body.end(), body.value().kind());
            }
            for (int length = 2; length >= 1; length--) {
                if (k + length <= tokens.size() && lexicon.isAgent(words(k, k + length)) && tokens.get(k).isWord()) {
                    return new PhraseTable.Match<>(k, k + length, ActorKind.GROUP);
                }
            }
            return null;
        }

        /**
         * A word that may qualify a group's noun ("exiled", "human rights", "opposition", "lingkungan"): a word in lower
         * case (or opening the sentence), no function, role, date or cue word, no verb.
         */
        private boolean isModifier(int k, boolean english) {
            Token t = tokens.get(k);
            String w = t.norm();
            // a cue word before a plain noun qualifies it ("press freedom groups": "press" is also a verb of demanding)
            boolean cue = lang.cues().longestAt(tokens, k) != null && !(english && k + 1 < tokens.size() && plainNounAt(k + 1));
            if (!t.isWord() || atoms[k] != null || lexicon.isFunctionWord(w) || lang.role(t) != null || cue
                    || lang.dates().longestAt(tokens, k) != null) {
                return false;
            }
            if (t.capitalized() && k > 0 && tokens.get(k - 1).isWord()) {
                return false; // a name, not a description
            }
            if (english) {
                String pos = t.pos();
                return pos == null || !pos.startsWith("VB") || pos.equals("VBN") || pos.equals("VBG");
            }
            return !(w.length() > 4 && (w.startsWith("me") || w.startsWith("ber") || w.startsWith("ter") || w.startsWith("di")));
        }

        /**
         * "according to a senator who ...", "menurut sumber diplomatik", "..., said a senior official.": the phrase at
         * [start, end) is named right after "according to" (an article between), or after a verb that follows a comma
         * and it closes the attribution.
         */
        private boolean attributedAfter(int start, int end) {
            int s = start;
            while (s > 0 && QUANTIFIERS.contains(tokens.get(s - 1).norm())) {
                s--;
            }
            for (int k = Math.max(0, s - 3); k < s; k++) {
                PhraseTable.Match<Lexicon.CueType> cue = lang.cues().longestAt(tokens, k);
                if (cue == null || cue.end() != s) {
                    continue;
                }
                boolean tail = k > 0 && tokens.get(k - 1).is(",") && (cue.value() == Lexicon.CueType.REPORT
                        || cue.value() == Lexicon.CueType.ACCUSE) && (end == tokens.size() || !tokens.get(end).isWord());
                return cue.value() == Lexicon.CueType.ACCORDING || tail;
            }
            return false;
        }

        /** A word in lower case that is no function, role or cue word: "freedom" in "press freedom groups". */
        private boolean plainNounAt(int k) {
            Token t = tokens.get(k);
            return t.isWord() && !t.capitalized() && atoms[k] == null && !lexicon.isFunctionWord(t.norm()) && lang.role(t) == null
                    && lang.cues().longestAt(tokens, k) == null;
        }

        /** A speaking verb right after {@code end}, with an auxiliary, adverb or time phrase between at most. */
        private boolean speaksAfter(int end) {
            int k = end;
            for (int skipped = 0; k < tokens.size() && skipped < 4; skipped++) {
                Token t = tokens.get(k);
                boolean filler = SentenceParts.AUXILIARIES.contains(t.norm()) || SentenceParts.TIME_WORDS.contains(t.norm())
                        || t.norm().endsWith("ly") && t.norm().length() > 4 || t.is("on") || t.is("pada")
                        || lang.dates().longestAt(tokens, k) != null;
                if (!filler) {
                    break;
                }
                k++;
            }
            return cueAt(k);
        }

        /**
         * "mendesak pemerintah tetap ...", "criticised the government for ...": a government body named by its noun alone right
         * after a speaking verb is that of the article's country, else of the country of the party named before it in the
         * sentence, else (Indonesian news) Indonesia's.
         */
        Mention bodyAfterCueAt(int i) {
            PhraseTable.Match<Body> body = lang.bodies().longestAt(tokens, i);
            if (body == null || body.value().kind() != ActorKind.GOVERNMENT_BODY || !body.value().speaksForState()
                    || tokens.get(i).capitalized()) {
                return null;
            }
            // "menilai kebijakan pemerintah ...": in Indonesian a plain noun of the body's may come between
            boolean ofNoun = Lexicon.INDONESIAN.equals(lang.code()) && i > 1 && tokens.get(i - 1).isWord() && !tokens.get(i - 1).capitalized()
                    && atoms[i - 1] == null && !lexicon.isFunctionWord(tokens.get(i - 1).norm()) && lang.role(tokens.get(i - 1)) == null
                    && lang.cues().longestAt(tokens, i - 1) == null && cueEndsAt(i - 1);
            boolean afterCue = cueEndsAt(i) || i > 0 && tokens.get(i - 1).is("the") && cueEndsAt(i - 1) || ofNoun;
            if (!afterCue || body.end() < tokens.size() && (atoms[body.end()] != null || tokens.get(body.end()).is("of"))) {
                return null; // "pemerintah Indonesia", "the government of Sudan": named with its country above
            }
            String country = ctx.contextCountry() != null ? ctx.contextCountry() : lastCountry;
            if (country == null) {
                country = RuleFiles.RULES.getProperty("office.home-country." + lang.code());
            }
            if (country == null) {
                return null;
            }
            ActorDef def = new ActorDef(lexicon.adjective(country) + " " + body.value().head(), ActorKind.GOVERNMENT_BODY, country, null,
                    "\"" + text(i, body.end()) + "\" alone after the verb: the government body of the article's or the speaker's country");
            return mention(def, true, i, body.end(), true);
        }

        /** "John Smith said", "kata John Smith": an untitled person next to a cue; two words at least. */
        Mention untitledSpeakerAt(int i) {
            int end = nameRun(i);
            if (end - i < 2) {
                return null;
            }
            if (!cueAt(end) && !cueEndsAt(i)) {
                return null;
            }
            ActorDef person = new ActorDef(text(i, end), ActorKind.PERSON, null, null);
            ctx.rememberPerson(person);
            return new Mention(ctx.actors.actor(person, false, person.name(), ctx.languageCode()), i, end, false, false);
        }

        private boolean cueAt(int i) {
            PhraseTable.Match<Lexicon.CueType> cue = i < tokens.size() ? lang.cues().longestAt(tokens, i) : null;
            return cue != null && cue.value() != Lexicon.CueType.NONE;
        }

        private boolean cueEndsAt(int i) {
            for (int k = Math.max(0, i - 3); k < i; k++) {
                PhraseTable.Match<Lexicon.CueType> cue = lang.cues().longestAt(tokens, k);
                if (cue != null && cue.end() == i && cue.value() != Lexicon.CueType.NONE) {
                    return true;
                }
            }
            return false;
        }

        /** The end of a run of capitalised name words from j ("John Kirby", "Bashar al-Assad", "John F. Kennedy"). */
        private int nameRun(int j) {
            return nameRun(j, false);
        }

        /** As {@link #nameRun(int)}; {@code afterTitle}: a title word may sit inside the name ("Lukman Hakim Saifuddin"). */
        private int nameRun(int j, boolean afterTitle) {
            int end = j;
            while (end < tokens.size() && end - j < LONGEST_NAME + 1) {
                Token t = tokens.get(end);
                if (isNameWord(end)) {
                    end++;
                } else if (afterTitle && end > j && titleInName(end)) {
                    end++; // "Lukman Hakim Saifuddin": "Hakim" (a judge) between two words of a name is one of them
                } else if (end > j && NAME_PARTICLES.contains(t.norm()) && end + 1 < tokens.size() && isNameWord(end + 1)) {
                    end++;
                } else if (end > j && t.text().length() == 1 && Character.isUpperCase(t.text().charAt(0))
                        && end + 1 < tokens.size() && tokens.get(end + 1).is(".")) {
                    end += 2;
                } else {
                    break;
                }
            }
            return end - j <= LONGEST_NAME + 1 ? end : j;
        }

        /** A title word inside a name: capitalised, not an atom, with a word of the name after it. */
        private boolean titleInName(int i) {
            Token t = tokens.get(i);
            return t.isWord() && t.capitalized() && atoms[i] == null && lang.titles().longestAt(tokens, i) != null
                    && lang.titles().longestAt(tokens, i).end() == i + 1 && i + 1 < tokens.size() && isNameWord(i + 1);
        }

        private boolean isAcronym(Token t) {
            String text = t.text();
            return text.length() >= 2 && text.length() <= 6 && text.chars().allMatch(Character::isUpperCase);
        }

        private boolean isNameWord(int i) {
            Token t = tokens.get(i);
            if (!t.isWord() || atoms[i] != null || t.text().length() < 2) {
                return false;
            }
            boolean particle = t.norm().startsWith("al-") || t.norm().startsWith("el-");
            if (!t.capitalized() && !particle) {
                return false;
            }
            if (t.text().codePoints().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c)) && t.text().length() > 3) {
                return false; // an acronym or a dateline in capitals, not a name
            }
            return !lexicon.isFunctionWord(t.norm()) && !lexicon.isOfficeWord(t.norm())
                    && lang.dates().longestAt(tokens, i) == null && lang.titles().longestAt(tokens, i) == null
                    && lang.bodies().longestAt(tokens, i) == null && lang.cues().longestAt(tokens, i) == null
                    && lang.role(t) == null;
        }

        /** "VOA Pentagon correspondent Carla Babb", "our Moscow correspondent": a journalist's beat, not a party. */
        private boolean beatOf(Atom atom) {
            return atom.end() < tokens.size() && BEATS.contains(tokens.get(atom.end()).norm());
        }

        /**
         * "The Los Angeles Times", "the Jakarta Post", "the London side", "the Madrid club": a country's, capital's or
         * place's name opening a newspaper's or a club's is neither the state nor the place. Not a demonym ("the Chinese
         * side" is the state in talks), and a paper's noun is capitalised ("a Kandahar post" is an outpost).
         */
        private boolean opensAPaperOrClub(Atom atom) {
            if (atom.end() >= tokens.size() || atom.type() == NameType.DEMONYM
                    || atom.type() == NameType.ACTOR && atom.actor().kind() != ActorKind.TERRITORY) {
                return false;
            }
            Token next = tokens.get(atom.end());
            return CLUBS.contains(next.norm()) || next.capitalized() && PAPERS.contains(next.norm());
        }

        /** The country of a titled person the text gives none: the article's context, else (Indonesian news) home. */
        private String guessedCountry() {
            String context = ctx.contextCountry();
            return context != null ? context : RuleFiles.RULES.getProperty("office.home-country." + lang.code());
        }

        /** What the explanation says of {@link #guessedCountry()}. */
        private String guessedCountrySource() {
            return ctx.contextCountry() != null ? GUESSED_FROM_ARTICLE : GUESSED_HOME;
        }

        /** "an American", "an Australian who ...": a demonym as the noun of an indefinite article, before no noun. */
        private boolean aPerson(Atom atom) {
            if (atom.start() == 0 || !(tokens.get(atom.start() - 1).is("a") || tokens.get(atom.start() - 1).is("an"))) {
                return false;
            }
            if (atom.end() >= tokens.size()) {
                return true;
            }
            Token next = tokens.get(atom.end());
            return !next.isWord() || lexicon.isFunctionWord(next.norm()) || next.pos() != null && next.pos().startsWith("V");
        }

        /** A name that stands alone: a state, a people, a known actor. */
        Mention plain(Atom atom) {
            String surface = text(atom.start(), atom.end());
            if (beatOf(atom) || opensAPaperOrClub(atom)) {
                return null;
            }
            if (atom.type() == NameType.COUNTRY && atom.end() - atom.start() == 1 && tokens.get(atom.start()).norm().endsWith("-based")) {
                // "One Washington-based trade expert said", "a London-based designer": where someone works, not a party
                // ("London-based rights groups" is read as a group of that country by phraseAt)
                return null;
            }
            return switch (atom.type()) {
                case COUNTRY -> new Mention(ctx.state(atom.country(), atom.origin() ? null : surface), atom.start(), atom.end(),
                        atom.origin(), false);
                // "two hostages — an American and an Australian —": one person of that country, not the state
                case DEMONYM -> aPerson(atom) ? null : new Mention(ctx.state(atom.country(), null), atom.start(), atom.end(), false, false);
                case PEOPLE -> mention(new ActorDef(capitalized(surface), ActorKind.GROUP, atom.country(), null), true,
                        atom.start(), atom.end(), false);
                case ACTOR -> {
                    if (atom.isPerson()) {
                        ctx.rememberPerson(atom.actor());
                    }
                    int end = atom.end();
                    if (atom.actor().name().endsWith("Embassy") && end < tokens.size() && atoms[end] != null
                            && atoms[end].type() == NameType.COUNTRY) {
                        end = atoms[end].end(); // "KBRI Kuala Lumpur": the embassy, in the city where it sits
                    }
                    yield mention(atom.actor(), atom.actor().kind() != ActorKind.PERSON, atom.start(), end, false);
                }
                case NOT_AN_ACTOR -> null;
            };
        }

        private Mention mention(ActorDef def, boolean speaksForState, int start, int end, boolean guessed) {
            if (def.kind() == ActorKind.STATE) {
                return new Mention(ctx.state(def.country(), text(start, end)), start, end, false, guessed);
            }
            return new Mention(ctx.actors.actor(def, speaksForState, text(start, end), ctx.languageCode()), start, end, false,
                    guessed);
        }

        /** The words [from, to) as the body writes them. */
        private String text(int from, int to) {
            return to <= from ? "" : ctx.body.substring(tokens.get(from).start(), tokens.get(to - 1).end());
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
