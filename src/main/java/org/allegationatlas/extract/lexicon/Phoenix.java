package org.allegationatlas.extract.lexicon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.country.Countries;

/**
 * The PETRARCH2 / Phoenix event-coding dictionaries (MIT, Open Event Data Alliance), converted by
 * tools/convert-phoenix.py into src/main/resources/extract/lexicon/phoenix: people and bodies with their
 * country and role over time, place names of countries (provinces, cities), role nouns, and English
 * verbs with their CAMEO event codes.
 */
public final class Phoenix {

    /** A CAMEO code held over [from, to] (either end open when null). */
    public record Period(String code, LocalDate from, LocalDate to) {

        boolean covers(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }

        String text() {
            return code + (from == null && to == null ? "" : " " + (from == null ? "" : from) + "–" + (to == null ? "" : to));
        }
    }

    /** A person or body of the dictionaries, whose country depends on the date. */
    public record Dated(String name, ActorKind kind, List<Period> periods) {

        /** The period in force on {@code date}; without a date (or none covers it), the open-ended or undated one, else the last. */
        Period asOf(LocalDate date) {
            if (date != null) {
                for (Period p : periods) {
                    if (p.covers(date) && (p.from != null || p.to != null)) {
                        return p;
                    }
                }
            }
            Period open = null;
            for (Period p : periods) {
                if (p.from != null && p.to == null) {
                    open = p;
                }
            }
            if (open != null && (date == null || open.covers(date))) {
                return open;
            }
            for (Period p : periods) {
                if (p.from == null && p.to == null) {
                    return p;
                }
            }
            return periods.get(periods.size() - 1);
        }
    }

    /** CAMEO role codes (after the country) as words for a title. */
    private static final Map<String, String> ROLES = Map.ofEntries(Map.entry("GOV", "government"), Map.entry("MIL", "military"),
            Map.entry("ELI", "elite"), Map.entry("OPP", "opposition"), Map.entry("REB", "rebels"), Map.entry("COP", "police"),
            Map.entry("LEG", "legislature"), Map.entry("JUD", "judiciary"), Map.entry("MED", "media"), Map.entry("BUS", "business"),
            Map.entry("SPY", "intelligence"), Map.entry("PTY", "party"), Map.entry("IGO", "intergovernmental organisation"));

    private final Countries countries;

    Phoenix(Countries countries) {
        this.countries = countries;
    }

    /** The ISO alpha-2 country of a CAMEO code ("ZWEGOV" -> "ZW"); null for IGO, NGO and other non-country codes. */
    String country(String code) {
        if (code.length() < 3) {
            return null;
        }
        return countries.find(code.substring(0, 3)).map(c -> c.code()).orElse(null);
    }

    /** The actor a dated entry stands for on {@code date}, with its source for explanations. */
    ActorDef actorAsOf(Dated dated, LocalDate date) {
        Period p = dated.asOf(date);
        String country = country(p.code());
        String role = p.code().length() >= 6 ? ROLES.get(p.code().substring(3, 6)) : null;
        String source = "Phoenix actors: " + dated.name() + " [" + p.text() + "]" + (date == null ? "" : " as of " + date);
        return new ActorDef(dated.name(), dated.kind(), country, role == null || country == null ? null : role, source);
    }

    static List<Period> periods(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] p = part.split(":", -1);
            if (p.length == 3) {
                periods.add(new Period(p[0], date(p[1]), date(p[2])));
            }
        }
        return periods;
    }

    private static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null; // "0000-00-00"-like placeholders of the source
        }
    }

    /**
     * Loads people and bodies (by name, alias and an unambiguous surname), then place names, into
     * {@code names}; they come after the project's own lists, so those win a tie.
     */
    void loadNames(PhraseTable<Lexicon.Name> names, java.util.function.Predicate<String> commonWord) {
        Map<String, Set<String>> surnameCountries = new HashMap<>();
        Set<String> givenNames = new HashSet<>();
        Map<String, Dated> surnameEntry = new HashMap<>();
        for (String[] row : ResourceFiles.tsv("extract/lexicon/phoenix/actors.tsv")) {
            List<Period> periods = periods(row[3]);
            if (periods.isEmpty()) {
                continue;
            }
            Dated dated = new Dated(row[0], ActorKind.valueOf(row[2]), List.copyOf(periods));
            Lexicon.Name name = new Lexicon.Name(Lexicon.NameType.ACTOR, null, null, dated, false);
            names.add(row[0], name);
            if (!row[1].isEmpty()) {
                for (String alias : row[1].split("\\|")) {
                    names.add(alias, name);
                }
            }
            String[] words = row[0].split(" ");
            if (dated.kind() == ActorKind.PERSON && words.length >= 2) {
                String surname = words[words.length - 1];
                givenNames.add(words[0]);
                Set<String> seen = surnameCountries.computeIfAbsent(surname, k -> new HashSet<>());
                for (Period p : periods) {
                    seen.add(String.valueOf(country(p.code())));
                }
                surnameEntry.merge(surname, dated, (a, b) -> a.periods().size() >= b.periods().size() ? a : b);
            }
        }
        // "Mugabe menuduh ...": a surname alone, when every person of that surname served one country, and it is
        // neither a word ("the Wild", "Prime members") nor someone's given name ("Prince Andrew")
        for (Map.Entry<String, Set<String>> e : surnameCountries.entrySet()) {
            String surname = e.getKey();
            if (e.getValue().size() == 1 && !e.getValue().contains("null") && surname.length() >= 4
                    && !commonWord.test(surname.toLowerCase(Locale.ROOT)) && !givenNames.contains(surname)
                    && surname.chars().allMatch(Character::isLetter)) {
                names.add(surname, new Lexicon.Name(Lexicon.NameType.ACTOR, null, null, surnameEntry.get(surname), true));
            }
        }
        for (String[] row : ResourceFiles.tsv("extract/lexicon/phoenix/places.tsv")) {
            String country = countries.find(row[0]).map(c -> c.code()).orElse(null);
            String bare = row[1].regionMatches(true, 0, "the ", 0, 4) ? row[1].substring(4) : row[1];
            Lexicon.Name known = country == null ? null : names.lookup(bare);
            if (known != null && known.type() == Lexicon.NameType.COUNTRY && country.equals(known.country())) {
                // "The United States", "The Uk": another name of the country itself, not a place in it
                names.add(row[1], new Lexicon.Name(Lexicon.NameType.COUNTRY, country, null));
            } else if (country != null) {
                ActorDef place = new ActorDef(row[1], ActorKind.TERRITORY, country, null, "Phoenix places: " + row[1] + " [" + row[0] + "]");
                names.add(row[1], new Lexicon.Name(Lexicon.NameType.ACTOR, country, place));
            }
        }
    }

    /**
     * English verb forms by CAMEO code: accusing and criticising (11x) accuse; other verbal acts report; but those that
     * make no one a speaker alone ({@code notSpeaking}: "needed").
     */
    void loadVerbs(PhraseTable<Lexicon.CueType> englishCues, Set<String> notSpeaking) {
        for (String[] row : ResourceFiles.tsv("extract/lexicon/phoenix/verbs.tsv")) {
            if (notSpeaking.contains(row[0])) {
                continue;
            }
            String code = row[1];
            // 11x disapprove (criticise, accuse, blame); 10x demand, 12x reject, 13x threaten: a speaker's act
            Lexicon.CueType type = code.startsWith("11") ? Lexicon.CueType.ACCUSE
                    : code.startsWith("10") || code.startsWith("12") || code.startsWith("13") ? Lexicon.CueType.ACT : null;
            if (type != null && !row[0].contains(" ")) {
                englishCues.add(row[0], type);
            }
        }
    }

    /**
     * English verb forms of acts between parties (CAMEO 02-20: appeal, intend, consult, cooperate, aid, yield,
     * investigate, demand, disapprove, reject, threaten, protest, force, reduce relations, coerce, assault, fight, mass
     * violence); 01, making a public statement, is a speaker's verb and no act.
     */
    Set<String> actVerbs() {
        return verbForms(2, 20);
    }

    /** English verb forms of conflict (CAMEO 14-20: protest, force, reduce relations, coerce, assault, fight, mass violence). */
    Set<String> hostileVerbs() {
        return verbForms(14, 20);
    }

    /** Single-word English verb forms whose CAMEO root (the code's first two digits) is in [from, to]. */
    private static Set<String> verbForms(int from, int to) {
        Set<String> forms = new HashSet<>();
        for (String[] row : ResourceFiles.tsv("extract/lexicon/phoenix/verbs.tsv")) {
            int root = row[1].length() >= 2 ? Integer.parseInt(row[1].substring(0, 2)) : 0;
            if (root >= from && root <= to && !row[0].contains(" ")) {
                forms.add(row[0]);
            }
        }
        return forms;
    }

    /** English role nouns (minister, lawmaker, police ...), singular and regular plural. */
    Set<String> agents() {
        Set<String> nouns = new HashSet<>();
        for (String[] row : ResourceFiles.tsv("extract/lexicon/phoenix/agents.tsv")) {
            if (!row[0].contains(" ")) {
                nouns.add(row[0]);
                nouns.add(row[0].endsWith("y") ? row[0].substring(0, row[0].length() - 1) + "ies"
                        : row[0].endsWith("man") ? row[0].substring(0, row[0].length() - 3) + "men" : row[0] + "s");
            }
        }
        return nouns;
    }
}
