package org.allegationatlas.extract.roles;

/**
 * An actor named in a sentence, over tokens [start, end).
 * {@code origin}: named as the maker of something ("Iranian-made"); {@code guessedCountry}: its
 * country came from the context, not from the words.
 */
record Mention(ArticleActors.Actor actor, int start, int end, boolean origin, boolean guessedCountry) {
}
