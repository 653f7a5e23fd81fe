package org.allegationatlas.extract.lexicon;

import org.allegationatlas.country.Countries;
import org.allegationatlas.extract.nlp.Taggers;

/** One lexicon for the stage tests of a test run: it takes seconds and tens of megabytes to load. */
public final class TestLexicon {

    public static final Lexicon LEXICON = new Lexicon(new Countries(), new Taggers()::isEnglishWord);

    private TestLexicon() {
    }
}
