package org.allegationatlas.extract;

/** A word or punctuation mark of the body, with its offsets; {@code norm} is how lexicons compare it. */
record Token(String text, String norm, int start, int end) {

    boolean capitalized() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    boolean isWord() {
        return Character.isLetterOrDigit(text.codePointAt(0));
    }

    boolean is(String normalized) {
        return norm.equals(normalized);
    }

    boolean isQuote() {
        return text.equals("\"") || text.equals("“") || text.equals("”") || text.equals("«") || text.equals("»");
    }
}
