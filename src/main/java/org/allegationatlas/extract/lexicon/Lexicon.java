package org.allegationatlas.extract.lexicon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.country.Countries;
import org.allegationatlas.country.Country;
import org.allegationatlas.extract.text.LanguageDetector;
import org.allegationatlas.extract.text.Token;
import org.allegationatlas.extract.text.Tokenizer;

/**
 * Every word list the extractor uses, read once from src/main/resources/extract/lexicon (see the
 * comments in each file), the Phoenix dictionaries ({@link Phoenix}) and the CLDR country names in
 * English and Indonesian (from {@link Countries}). Immutable once built: shared by every extraction.
 */
public final class Lexicon {

    public enum NameType {
        /** a country's name or its capital: the STATE */
        COUNTRY,
        /** "Russian": the STATE, or with a noun after it, a body of it */
        DEMONYM,
        /** "Palestinians": the people of a country, a GROUP */
        PEOPLE,
        /** a known non-state actor or office holder */
        ACTOR,
        /** a region such as "Timur Tengah": matched so that no country inside it is */
        NOT_AN_ACTOR
    }

    /**
     * A name; {@code dated}: a person or body of the Phoenix dictionaries whose country depends on the date;
     * {@code surnameOnly}: the family name alone of such a person ("Mugabe"), which other people may bear.
     */
    public record Name(NameType type, String country, ActorDef actor, Phoenix.Dated dated, boolean surnameOnly) {

        Name(NameType type, String country, ActorDef actor) {
            this(type, country, actor, null, false);
        }
    }

    /** {@code local}: a group of the country it is in ("rebels in the Ivory Coast"). */
    public record Body(String head, ActorKind kind, boolean speaksForState, boolean local) {
    }

    /** {@code country}: the one country the office exists in ("bupati": Indonesia), else null. */
    public record Title(String english, boolean posted, String country) {
    }

    public enum CueType {
        ACCUSE, DENY, CONFIRM, REPORT, BELIEF, ACCORDING, DISMISS, NONE,
        /** "bukan karena X", "not because of X": the speaker says the party after it did not cause it, a denial on its behalf */
        EXONERATE,
        /** a speech act from the Phoenix verbs (demand, reject, threaten): read as REPORT, but only for the sentence's own subject */
        ACT,
        /** "dituduh X", "was accused by X": X accuses whoever comes before */
        PASSIVE_ACCUSE,
        /** "yang dibantah X", "dibantah oleh X": X denies */
        PASSIVE_DENY,
        /** ", dikatakan X, ...", "apa yang dikatakan X ...": X says */
        PASSIVE_REPORT,
        /** an accusation as a noun with its owner: "X's accusation that ...", "tuduhan X bahwa ..." */
        NOUN_ACCUSE,
        /** a denial as a noun with its owner: "X's denial of ...", "bantahan X atas ..." */
        NOUN_DENY
    }

    public record CategoryCue(ClaimCategory category, double weight) {
    }

    public enum TransferType {
        BUY, RECEIVE, ORIGIN
    }

    public enum Role {
        COUNTERPARTY, SOURCE, PLACE, AGENT, PASSIVE, PRONOUN, SELF, NEGATION, SKIP, CLAUSE, CLAUSE_BREAK, DOCUMENT, SUFFIX,
        /** "tewas", "terluka": what a party suffered, not did */
        SUFFERED,
        /** "when", "ketika": opens a clause of time whose subject may have done what the main clause's party suffered */
        WHEN
    }

    public enum DateType {
        MONTH, WEEKDAY, RELATIVE
    }

    public record DateWord(DateType type, int value) {
    }

    public record Publisher(String name, String country) {
    }

    /** The word lists of one language. */
    public record Language(String code, PhraseTable<Body> bodies, PhraseTable<Title> titles, PhraseTable<CueType> cues,
            PhraseTable<CategoryCue> categories, PhraseTable<TransferType> transfers, PhraseTable<DateWord> dates,
            Map<String, Role> roles, Set<String> functionWords, PhraseTable<ActorKind> groupHeads) {

        /** The role word a token is ("ke", "to", "oleh", "bahwa" ...; any "n't" negates), or null. */
        public Role role(Token token) {
            if (token.norm().endsWith("n't")) {
                return Role.NEGATION;
            }
            return roles.get(token.norm());
        }
    }

    public static final String INDONESIAN = LanguageDetector.INDONESIAN;
    public static final String ENGLISH = LanguageDetector.ENGLISH;

    private final PhraseTable<Name> names = new PhraseTable<>();
    private final Map<String, Language> languages = new HashMap<>();
    private final Set<String> officeWords = new HashSet<>();
    private final Set<String> allFunctionWords = new HashSet<>();
    /** Word beginnings ("meng-") and endings ("-nya") typical of a language, by language. */
    private final Map<String, List<String>> affixes = new HashMap<>();
    private final Set<String> originSuffixes = new HashSet<>();
    /** "led" of "Vietnamese-led": hyphenated words that name a country */
    private final Set<String> affiliationSuffixes = new HashSet<>();
    private final Set<String> abbreviations = new HashSet<>();
    private final Map<String, Publisher> publishers = new HashMap<>();
    private final Map<String, String> adjectives = new HashMap<>();
    private final Countries countries;
    private final Phoenix phoenix;
    /** Role nouns that make a group of a country: "lawmakers in Kenya", "anggota parlemen di Kenya" (Phoenix agents, English). */
    private final Set<String> agents = new HashSet<>();
    /** Words of hostile acts, any part of speech ("menyerang", "violated", "attack"): hostile-acts.tsv. */
    private final Set<String> hostileActs = new HashSet<>();
    /** English verbs of conflict: the Phoenix verbs of CAMEO 14-20 but those that name none alone (not-hostile-en.tsv). */
    private final Set<String> hostileVerbs = new HashSet<>();
    /** Words of acts between parties, any part of speech: acts-id.tsv and hostile-acts.tsv ("bertemu", "serangan", "violated"). */
    private final Set<String> acts = new HashSet<>();
    /** English verbs of acts between parties: the Phoenix verbs of CAMEO 02-20 but those that name none alone (not-acts-en.tsv). */
    private final Set<String> actVerbs = new HashSet<>();
    /** Words of blame ("keliru", "interfering"): a speaker saying one of another party criticises it (blame-words.tsv). */
    private final PhraseTable<Boolean> blameWords = new PhraseTable<>();

    private final java.util.function.Predicate<String> ordinaryEnglishWord;

    /** Whether the lower-case word is an ordinary English word ("farm", "bureau"; not "kevin"). */
    public boolean isOrdinaryEnglishWord(String lowerCase) {
        return ordinaryEnglishWord.test(lowerCase);
    }

    /** {@code ordinaryEnglishWord}: a lower-case word of the language, never taken for a family name alone ("wild"). */
    public Lexicon(Countries countries, java.util.function.Predicate<String> ordinaryEnglishWord) {
        this.countries = countries;
        this.ordinaryEnglishWord = ordinaryEnglishWord;
        for (String code : new String[] { INDONESIAN, ENGLISH }) {
            languages.put(code, new Language(code, new PhraseTable<>(), new PhraseTable<>(), new PhraseTable<>(),
                    new PhraseTable<>(), new PhraseTable<>(), new PhraseTable<>(), new HashMap<>(), new HashSet<>(), new PhraseTable<>()));
        }
        loadNames();
        loadWords();
        Phoenix phoenix = new Phoenix(countries);
        this.phoenix = phoenix;
        Set<String> common = new HashSet<>(allFunctionWords);
        for (String[] row : ResourceFiles.tsv("extract/lexicon/common-words.tsv")) {
            common.add(row[0]);
        }
        phoenix.loadNames(names, word -> common.contains(word) || ordinaryEnglishWord.test(word));
        Set<String> notSpeaking = new HashSet<>();
        for (String[] row : ResourceFiles.tsv("extract/lexicon/not-speaking-en.tsv")) {
            notSpeaking.add(row[0]);
        }
        phoenix.loadVerbs(language(ENGLISH).cues(), notSpeaking);
        agents.addAll(phoenix.agents());
        for (String[] row : ResourceFiles.tsv("extract/lexicon/hostile-acts.tsv")) {
            hostileActs.add(Tokenizer.norm(row[0]));
        }
        hostileVerbs.addAll(phoenix.hostileVerbs());
        actVerbs.addAll(phoenix.actVerbs());
        for (String[] row : ResourceFiles.tsv("extract/lexicon/not-acts-en.tsv")) {
            actVerbs.remove(row[0]);
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/not-hostile-en.tsv")) {
            hostileVerbs.remove(row[0]);
        }
        for (String file : new String[] { "hostile-acts.tsv", "acts-id.tsv" }) {
            for (String[] row : ResourceFiles.tsv("extract/lexicon/" + file)) {
                acts.add(Tokenizer.norm(row[0]));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/blame-words.tsv")) {
            blameWords.add(row[1], Boolean.TRUE);
        }
        for (String file : new String[] { "agents-id.tsv", "agents-en.tsv" }) {
            for (String[] row : ResourceFiles.tsv("extract/lexicon/" + file)) {
                agents.add(Tokenizer.norm(row[0]));
            }
        }
    }

    /** The word lists of a language ("id" or "en"); English for any other. */
    public Language language(String code) {
        return languages.getOrDefault(code, languages.get(ENGLISH));
    }

    /** Names of countries, capitals, demonyms, known actors, regions and the Phoenix people, bodies and places. */
    public PhraseTable<Name> names() {
        return names;
    }

    /** The actor a name of the Phoenix dictionaries stands for on {@code date} (its country then); null for other names. */
    public ActorDef actorAsOf(Name name, java.time.LocalDate date) {
        return name.dated() == null ? null : phoenix.actorAsOf(name.dated(), date);
    }

    /** A word of an office ("Menteri", "minister") that may follow a body before its country. */
    public boolean isOfficeWord(String norm) {
        return officeWords.contains(norm);
    }

    /** A function word of either language ("the", "yang"). */
    public boolean isFunctionWord(String norm) {
        return allFunctionWords.contains(norm);
    }

    /** A role noun of a group ("lawmakers", "anggota parlemen", "troops"). */
    public boolean isAgent(String norm) {
        return agents.contains(norm);
    }

    /**
     * A word of a hostile or unlawful act ("attacked", "menyerang", "violated"): {@code verb} when tagged as one (or not
     * tagged). A Phoenix verb of conflict counts as a verb only ("its forces are likely to remain" tells of none), and
     * not when it names no hostile act alone ("the oxygen bar", "to beat the Netherlands 2-1").
     */
    public boolean isHostileAct(String norm, boolean verb) {
        return hostileActs.contains(norm) || verb && hostileVerbs.contains(norm);
    }

    /** A word that may name a hostile act as any part of speech: the weapon's "attacks" of "Hamas rocket attacks". */
    public boolean mayNameHostileAct(String norm) {
        return hostileActs.contains(norm) || hostileVerbs.contains(norm);
    }

    /** A word of an act between parties ("bertemu", "attacked", "serangan"): {@code verb} when tagged as one ("imposed", "met"). */
    public boolean isAct(String norm, boolean verb) {
        return acts.contains(norm) || verb && actVerbs.contains(norm);
    }

    /** Words of blame of either language ("keliru", "interfering", "tidak demokratis"), by longest match. */
    public PhraseTable<Boolean> blameWords() {
        return blameWords;
    }

    /** "made" of "Iranian-made": the country is the maker. */
    public boolean isOriginSuffix(String norm) {
        return originSuffixes.contains(norm);
    }

    /** "led" of "Vietnamese-led": the word names the country. */
    public boolean isAffiliationSuffix(String norm) {
        return affiliationSuffixes.contains(norm);
    }

    /** Lower-case abbreviations with their full stop, where a sentence does not end. */
    public Set<String> abbreviations() {
        return java.util.Collections.unmodifiableSet(abbreviations);
    }

    /** A news outlet known by the name as written ("KOMPAS.com"), or null. */
    public Publisher publisher(String name) {
        return name == null ? null : publishers.get(Tokenizer.norm(name));
    }

    /**
     * The news outlet of a web address or host name by its domain ("https://www.republika.co.id/berita/...",
     * "internasional.kompas.com": the host, then each parent domain), or null: an unknown host is no outlet.
     */
    public Publisher outletOfHost(String urlOrHost) {
        if (urlOrHost == null) {
            return null;
        }
        String host = urlOrHost.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int path = indexOfAny(host, "/?#");
        host = path >= 0 ? host.substring(0, path) : host;
        host = host.substring(host.lastIndexOf('@') + 1);
        int port = host.indexOf(':');
        host = port >= 0 ? host.substring(0, port) : host;
        // "news.detik.com" -> "detik.com"; a bare top-level domain ("com") is never looked up
        for (String domain = host; domain.indexOf('.') > 0; domain = domain.substring(domain.indexOf('.') + 1)) {
            Publisher known = publishers.get(domain);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Tells Indonesian from English by these word lists. */
    public LanguageDetector languageDetector() {
        return new LanguageDetector(language(INDONESIAN).functionWords(), language(ENGLISH).functionWords(),
                affixes.getOrDefault(INDONESIAN, List.of()));
    }

    /** The country's English short name, as the rest of the API names it. */
    public String countryName(String code) {
        Country country = countries.byCode(code);
        return country == null ? code : country.name();
    }

    /** "Russian", "North Korean", "US": how a country qualifies a body in a canonical name. */
    public String adjective(String code) {
        return adjectives.getOrDefault(code, countryName(code));
    }

    private void loadNames() {
        // longest match first and first-added wins: known actors and regions before countries,
        // so "Gedung Putih" is the White House and "Amerika Latin" no country
        for (String[] row : ResourceFiles.tsv("extract/lexicon/not-actors.tsv")) {
            names.add(row[0], new Name(NameType.NOT_AN_ACTOR, null, null));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/actors.tsv")) {
            String country = "-".equals(row[2]) ? null : row[2];
            ActorDef actor = new ActorDef(row[0], ActorKind.valueOf(row[1]), country, null);
            names.add(row[0], new Name(NameType.ACTOR, country, actor));
            for (String alias : row[3].split("\\|")) {
                names.add(withoutLanguage(alias), new Name(NameType.ACTOR, country, actor));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/leaders.tsv")) {
            String country = "-".equals(row[1]) ? null : row[1];
            ActorDef person = new ActorDef(row[0], ActorKind.PERSON, country, row.length > 2 ? row[2] : null);
            names.add(row[0], new Name(NameType.ACTOR, country, person));
            if (row.length > 3) {
                for (String alias : row[3].split("\\|")) {
                    names.add(alias, new Name(NameType.ACTOR, country, person));
                }
            }
        }
        for (Country country : countries.all()) {
            addCountryName(country.name(), country.code());
            String local = countries.localName(country, INDONESIAN);
            if (local != null) {
                addCountryName(local, country.code());
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/regions.tsv")) {
            ActorDef region = new ActorDef(row[1], ActorKind.TERRITORY, row[0], null, "regions.tsv: " + row[1] + " [" + row[0] + "]");
            names.add(row[1], new Name(NameType.ACTOR, row[0], region));
        }
        for (String file : new String[] { "country/aliases.tsv", "extract/lexicon/country-names.tsv", "extract/lexicon/capitals.tsv" }) {
            for (String[] row : ResourceFiles.tsv(file)) {
                names.add(row[1], new Name(NameType.COUNTRY, row[0], null));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/demonyms.tsv")) {
            String code = row[0];
            adjectives.put(code, row[1]);
            addDemonym(row[1], code);
            if (row.length > 2) {
                for (String form : row[2].split("\\|")) {
                    addDemonym(form, code);
                }
            }
        }
    }

    /** CLDR names like "Myanmar (Burma)", "Bosnia & Herzegovina" or "Congo - Kinshasa" are also looked up in parts. */
    private void addCountryName(String name, String code) {
        Name country = new Name(NameType.COUNTRY, code, null);
        names.add(name, country);
        if (name.contains(" (")) {
            names.add(name.substring(0, name.indexOf(" (")), country);
        }
        if (name.contains(" & ")) {
            names.add(name.replace(" & ", " and "), country);
            names.add(name.replace(" & ", " dan "), country);
        }
        if (name.startsWith("St. ")) {
            names.add("Saint " + name.substring(4), country);
        }
    }

    private void addDemonym(String form, String code) {
        boolean people = form.endsWith("s") && !form.endsWith("ss") || form.endsWith("men");
        names.add(form, new Name(people ? NameType.PEOPLE : NameType.DEMONYM, code, null));
        if (!people && (form.endsWith("an") || form.endsWith("i"))) {
            names.add(form + "s", new Name(NameType.PEOPLE, code, null));
        }
    }

    private static String withoutLanguage(String alias) {
        return alias.length() > 3 && alias.charAt(2) == ':' ? alias.substring(3) : alias;
    }

    private void loadWords() {
        for (String[] row : ResourceFiles.tsv("extract/lexicon/bodies.tsv")) {
            language(row[0]).bodies().add(row[1], new Body(row[2], ActorKind.valueOf(row[3]), "state".equals(row[4]), "local".equals(row[4])));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/titles.tsv")) {
            if (row[0].equals("TITLE")) {
                language(row[1]).titles().add(row[2], new Title(row[3], "posted".equals(row[4]),
                        row[4].matches("[A-Z]{2}") ? row[4] : null));
            } else {
                officeWords.add(Tokenizer.norm(row[2]));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/cues.tsv")) {
            language(row[0]).cues().add(row[1], CueType.valueOf(row[2]));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/categories.tsv")) {
            language(row[0]).categories().add(row[1], new CategoryCue(ClaimCategory.valueOf(row[2]), Double.parseDouble(row[3])));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/transfers.tsv")) {
            if (row[1].startsWith("-")) {
                originSuffixes.add(row[1].substring(1));
            } else {
                language(row[0]).transfers().add(row[1], TransferType.valueOf(row[2]));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/roles.tsv")) {
            if (Role.valueOf(row[2]) == Role.SUFFIX) {
                affiliationSuffixes.add(Tokenizer.norm(row[1].substring(1)));
            } else {
                language(row[0]).roles().put(Tokenizer.norm(row[1]), Role.valueOf(row[2]));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/dates.tsv")) {
            language(row[0]).dates().add(row[1], new DateWord(DateType.valueOf(row[2]), Integer.parseInt(row[3])));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/function-words.tsv")) {
            if (row[0].endsWith("-affix")) {
                affixes.put(row[0].substring(0, row[0].length() - "-affix".length()), List.of(row[1].split(" ")));
                continue;
            }
            for (String word : row[1].split(" ")) {
                language(row[0]).functionWords().add(word);
                allFunctionWords.add(word);
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/group-heads.tsv")) {
            language(row[0]).groupHeads().add(row[1], ActorKind.valueOf(row[2]));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/publishers.tsv")) {
            publishers.put(Tokenizer.norm(row[0]), new Publisher(row[1], row[2]));
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/abbreviations.tsv")) {
            abbreviations.add(row[0].toLowerCase(Locale.ROOT));
        }
    }
}
