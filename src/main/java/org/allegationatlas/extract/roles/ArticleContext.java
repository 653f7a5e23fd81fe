package org.allegationatlas.extract.roles;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.ActorNames;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;

/** What the extractor remembers while it reads one article, sentence after sentence. */
final class ArticleContext {

    final Lexicon lexicon;
    final Lexicon.Language language;
    final ActorNames stored;
    final ArticleActors actors = new ArticleActors();
    /** Persons named so far, by full name and surname: "Kirby" after "John Kirby". */
    final PhraseTable<ActorDef> persons = new PhraseTable<>();
    /** Who speaks when a text says only "ujarnya" ("he said"). */
    ArticleActors.Actor lastSpeaker;
    /** The country of the last government speaker, for a spokesperson whose title names none. */
    String lastSpeakerCountry;
    final String body;
    final String datelineCountry;
    /** The actors named so far, the latest last: "kementerian itu" / "the ministry" is the latest ministry. */
    final java.util.List<ArticleActors.Actor> named = new java.util.ArrayList<>();
    /** The last claim found and its paragraph: a speaker who names no party goes on about the same ones. */
    ClaimDraft lastClaim;
    int lastClaimParagraph = -1;
    /**
     * Stands for "no speaker found": what a sentence tells without attribution is read in this
     * voice and comes out with no claimant, unless it reports an act with no speaking verb and the
     * article's outlet is known ({@link #outlet()}: then the outlet states it; ClaimFinder). Never
     * the url's host.
     */
    final ArticleActors.Actor noSpeaker = new ArticleActors.Actor("-", new ActorDef("(no speaker)", ActorKind.GROUP, null, null), false);
    /** The article's publication date: office holders are resolved to their country as of then. */
    final java.time.LocalDate publishedOn;
    /** The news outlet publishing the article (MEDIA), or null: who states what no one in the text is said to say. */
    private final ActorDef outletDef;

    ArticleContext(Lexicon lexicon, String body, String languageCode, ActorNames stored, String datelineCountry,
            java.time.LocalDate publishedOn, ActorDef outlet) {
        this.outletDef = outlet;
        this.lexicon = lexicon;
        this.body = body;
        this.language = lexicon.language(languageCode);
        this.stored = stored;
        this.datelineCountry = datelineCountry;
        this.publishedOn = publishedOn;
    }

    /** The outlet as an actor of the article, or null when none is known. */
    ArticleActors.Actor outlet() {
        return outletDef == null ? null : actors.actor(outletDef, false, outletDef.name(), languageCode());
    }

    String languageCode() {
        return language.code();
    }

    /** The country a titled person without one most likely serves: the last government speaker's, else the dateline's. */
    String contextCountry() {
        return lastSpeakerCountry != null ? lastSpeakerCountry : datelineCountry;
    }

    void spoke(ArticleActors.Actor speaker) {
        lastSpeaker = speaker;
        lastSpokeIn = sentence;
        if (speaker.country() != null && speaker.kind() != ActorKind.ORGANIZATION && speaker.kind() != ActorKind.GROUP
                && speaker.kind() != ActorKind.MEDIA) {
            lastSpeakerCountry = speaker.country();
        }
    }

    /** The STATE actor of a country, named as the database already names it. */
    ArticleActors.Actor state(String country, String surface) {
        String name = stored.stateNames().getOrDefault(country, lexicon.countryName(country));
        return actors.actor(new ActorDef(name, ActorKind.STATE, country, null), true, surface, languageCode());
    }

    /** Adds the person's name and the name alone used later: "Kirby" for "John Kirby", "Shin" for "Shin Won-sik". */
    void rememberPerson(ActorDef person) {
        persons.replace(person.name(), person);
        String[] words = person.name().split(" ");
        if (words.length < 2) {
            return;
        }
        String surname = words[words.length - 1];
        // a hyphenated given name last ("Won-sik", "Jong-un") means the family name comes first
        String familyName = surname.contains("-") ? words[0] : surname;
        if (familyName.length() > 2) {
            persons.replace(familyName, person);
        }
    }

    /** Family names this article gives someone other than the dictionaries' person, as found (see {@link #borneByAnother}). */
    private final java.util.Map<String, Boolean> borneByAnother = new java.util.HashMap<>();

    /**
     * The family name is written somewhere in the article after a given name that is not the dictionaries' person's
     * ("Elizabeth A. Burton", "Victor N. Burton"): the name alone is then most likely that article's person, not New
     * Zealand's Mark Burton. A title or office before it ("President Trump", "Sheriff Harris") is no given name.
     */
    boolean borneByAnother(String familyName, ActorDef person) {
        return borneByAnother.computeIfAbsent(familyName, name -> {
            String given = person.name().split(" ")[0];
            // a scan for the name, then a look at the few characters before each: linear in the body's length
            // (a regular expression over a page of 100,000 letters took minutes)
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
                int after = at + name.length();
                if (after < body.length() && (Character.isLetter(body.charAt(after)) || body.charAt(after) == '-')) {
                    continue;
                }
                String word = givenNameBefore(at);
                if (word == null) {
                    continue;
                }
                String norm = org.allegationatlas.extract.text.Tokenizer.norm(word);
                if (!word.equalsIgnoreCase(given) && !lexicon.isFunctionWord(norm) && !lexicon.isOfficeWord(norm)
                        && language.titles().lookup(word) == null && lexicon.names().lookup(word) == null) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The capitalised word before {@code at}, over spaces and one initial ("Victor N. Burton"), or null. */
    private String givenNameBefore(int at) {
        int i = spacesBefore(at);
        if (i == at) {
            return null; // "McBurton": part of a longer word
        }
        if (i >= 2 && body.charAt(i - 1) == '.' && Character.isUpperCase(body.charAt(i - 2))
                && (i == 2 || Character.isWhitespace(body.charAt(i - 3)))) {
            int beforeInitial = spacesBefore(i - 2);
            if (beforeInitial < i - 2) {
                i = beforeInitial; // an initial between the names
            }
        }
        int end = i > 0 && body.charAt(i - 1) == '.' ? i - 1 : i;
        int from = end;
        while (from > 0 && end - from < MAX_GIVEN_NAME && (Character.isLetter(body.charAt(from - 1)) || "'’-".indexOf(body.charAt(from - 1)) >= 0)) {
            from--;
        }
        boolean wordStart = from == 0 || !Character.isLetter(body.charAt(from - 1));
        return wordStart && end - from >= 2 && Character.isUpperCase(body.charAt(from)) ? body.substring(from, end) : null;
    }

    private int spacesBefore(int at) {
        int i = at;
        while (i > 0 && at - i < MAX_GIVEN_NAME && Character.isWhitespace(body.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** How far back a given name is looked for: longer runs of letters or spaces are no name. */
    private static final int MAX_GIVEN_NAME = 40;

    /** How many actors had been named when the current sentence began: a pronoun looks back from there. */
    int namedBeforeSentence;
    /** How many actors had been named before the sentence before this one. */
    int namedBeforePrevious;
    /** The sentence being read (counted from 0), and the one in which {@link #lastSpeaker} spoke. */
    int sentence;
    int lastSpokeIn = -2;

    /** Starts the article's {@code index}-th sentence. */
    void startSentence(int index) {
        namedBeforePrevious = namedBeforeSentence;
        namedBeforeSentence = named.size();
        sentence = index;
    }

    /**
     * What a pronoun opening a sentence stands for: "he"/"ia" the last speaker or else the nearest person named,
     * "they"/"it"/"mereka" the nearest state, body or group — a speaker of this sentence or the one before, a party named
     * in the one before (one paragraphs back is more often not whom the pronoun means: someone the dictionaries do not
     * know was named since); null when nothing fits.
     */
    ArticleActors.Actor antecedent(boolean person) {
        boolean recent = lastSpokeIn >= sentence - 1;
        if (lastSpeaker != null && recent && (person ? lastSpeaker.kind() == ActorKind.PERSON : lastSpeaker.kind() != ActorKind.PERSON)) {
            return lastSpeaker;
        }
        for (int i = Math.min(namedBeforeSentence, named.size()) - 1; i >= namedBeforePrevious; i--) {
            ArticleActors.Actor a = named.get(i);
            boolean fits = person ? a.kind() == ActorKind.PERSON
                    : a.kind() != ActorKind.PERSON && a.kind() != ActorKind.TERRITORY;
            if (fits) {
                return a;
            }
        }
        return null;
    }

    /** The latest actor named whose canonical name contains {@code head} ("ministry"), or null. */
    ArticleActors.Actor latestNamed(String head) {
        String wanted = head.toLowerCase(java.util.Locale.ROOT);
        for (int i = named.size() - 1; i >= 0; i--) {
            if (named.get(i).name().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                return named.get(i);
            }
        }
        return null;
    }
}
