package org.allegationatlas.extract.text;

/**
 * A word or punctuation mark of the body, with its offsets; {@code norm} is how lexicons compare it.
 * {@code pos} (Penn tags in English, UD in Indonesian) and {@code entity} (Indonesian B-PER/I-LOC/O ...)
 * come from the models, for the words around a cue that were tagged; null otherwise.
 */
public record Token(String text, String norm, int start, int end, String pos, String entity) {

    public Token(String text, String norm, int start, int end) {
        this(text, norm, start, end, null, null);
    }

    public Token tagged(String pos, String entity) {
        return new Token(text, norm, start, end, pos, entity);
    }

    public boolean capitalized() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    public boolean isWord() {
        return Character.isLetterOrDigit(text.codePointAt(0));
    }

    public boolean is(String normalized) {
        return norm.equals(normalized);
    }

    public boolean isQuote() {
        return text.equals("\"") || text.equals("“") || text.equals("”") || text.equals("«") || text.equals("»");
    }

    /** Tagged as a verb (Penn VB*, UD VERB/AUX); true when the sentence was not tagged, so rules work as before. */
    public boolean maybeVerb() {
        return pos == null || pos.startsWith("VB") || pos.equals("VERB") || pos.equals("AUX") || pos.equals("MD");
    }

    /** Tagged as a noun (Penn NN*, UD NOUN/PROPN). */
    public boolean noun() {
        return pos != null && (pos.startsWith("NN") || pos.equals("NOUN") || pos.equals("PROPN"));
    }

    /** Tagged as an adjective (Penn JJ*, UD ADJ). */
    public boolean adjective() {
        return pos != null && (pos.startsWith("JJ") || pos.equals("ADJ"));
    }
}
