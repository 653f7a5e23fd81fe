package org.allegationatlas.extract.text;

import static org.allegationatlas.extract.lexicon.TestLexicon.LEXICON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The text stage on its own: sentences, tokens, language. */
class TextTest {

    @Test
    void sentencesEndAtStopsButNotAtAbbreviationsInitialsOrInsideQuotes() {
        String text = "Gen. Smith met U.S. envoys on Rabu (2/11/2022). He said: \"Fine. Go.\" John F. Kennedy was named.\nA new line.";
        List<String> sentences = new SentenceSplitter(LEXICON.abbreviations()).split(text, 0).stream()
                .map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("Gen. Smith met U.S. envoys on Rabu (2/11/2022).", "He said: \"Fine. Go.\"",
                "John F. Kennedy was named.", "A new line."), sentences);
    }

    @Test
    void tokensKeepTheirOffsetsAndSplitThePossessive() {
        String text = "Korea's envoy met U.S. officials in Sana'a.";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertEquals(List.of("Korea", "'s", "envoy", "met", "U.S.", "officials", "in", "Sana'a", "."), tokens.stream().map(Token::text).toList());
        for (Token t : tokens) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
        }
    }

    @Test
    void languageIsToldByFunctionWords() {
        LanguageDetector detector = LEXICON.languageDetector();
        assertEquals("id", detector.detect("Gedung Putih menuduh Korea Utara mengirim peluru ke Rusia untuk perang di Ukraina."));
        assertEquals("en", detector.detect("The White House accused North Korea of sending shells to Russia for the war."));
    }

    @Test
    void aDatelineNamesItsPublisherAndCity() {
        Dateline wire = Dateline.of("WASHINGTON (Reuters) - The White House said.", name -> false);
        assertEquals("Reuters", wire.publisher());
        assertEquals("WASHINGTON", wire.city());
        Dateline twoPart = Dateline.of("REPUBLIKA.CO.ID, WASHINGTON -- Gedung Putih menuduh.", name -> false);
        assertEquals("REPUBLIKA.CO.ID", twoPart.publisher());
        assertEquals("WASHINGTON", twoPart.city());
        assertEquals("Gedung", "REPUBLIKA.CO.ID, WASHINGTON -- Gedung Putih menuduh.".substring(twoPart.end()).split(" ")[0]);
        assertEquals(Dateline.NONE, Dateline.of("The White House said so.", name -> false));
    }
}
