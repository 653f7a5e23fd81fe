package org.allegationatlas.extract.roles;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.lexicon.PhraseTable;
import org.allegationatlas.extract.text.Token;

/**
 * The category of a claim from the cue words of categories.tsv in what is said: each distinct
 * cue adds its weight once (saying "workers" twice is no more evidence than once); the highest
 * total wins, ties going to the category named first; below 1, OTHER.
 */
final class Categories {

    private Categories() {
    }

    static ClaimCategory of(List<Token> tokens, int from, int to, Lexicon.Language lang) {
        Map<ClaimCategory, Double> totals = new EnumMap<>(ClaimCategory.class);
        Map<ClaimCategory, Integer> firstSeen = new EnumMap<>(ClaimCategory.class);
        Set<String> seen = new HashSet<>();
        for (PhraseTable.Match<Lexicon.CategoryCue> m : lang.categories().findAll(tokens, from, to)) {
            StringBuilder phrase = new StringBuilder();
            for (int i = m.start(); i < m.end(); i++) {
                phrase.append(tokens.get(i).norm()).append(' ');
            }
            if (seen.add(phrase.toString())) {
                totals.merge(m.value().category(), m.value().weight(), Double::sum);
                firstSeen.putIfAbsent(m.value().category(), m.start());
            }
        }
        ClaimCategory best = ClaimCategory.OTHER;
        double bestTotal = 0;
        for (Map.Entry<ClaimCategory, Double> e : totals.entrySet()) {
            double total = e.getValue();
            boolean better = total > bestTotal
                    || total == bestTotal && best != ClaimCategory.OTHER && firstSeen.get(e.getKey()) < firstSeen.get(best);
            if (better) {
                best = e.getKey();
                bestTotal = total;
            }
        }
        return bestTotal >= 1 ? best : ClaimCategory.OTHER;
    }
}
