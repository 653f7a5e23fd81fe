package org.allegationatlas.extract.lexicon;

import java.util.Map;

/**
 * Actors known beyond the dictionaries (those stored in the database): every name and alias, and
 * the canonical name of each country's STATE actor, so that an article names them as stored.
 */
public record ActorNames(PhraseTable<ActorDef> names, Map<String, String> stateNames) {

    public static final ActorNames NONE = new ActorNames(new PhraseTable<>(), Map.of());
}
