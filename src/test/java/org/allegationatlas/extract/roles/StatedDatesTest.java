package org.allegationatlas.extract.roles;

import static org.allegationatlas.extract.lexicon.TestLexicon.LEXICON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.extract.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** When a claim was made: from the words of its sentence and the publication day. */
class StatedDatesTest {

    @Test
    void datesAreReadFromTheSentenceAndThePublicationDay() {
        LocalDate published = LocalDate.of(2022, 11, 4); // a Friday
        assertStated("Gedung Putih pada Rabu (2/11/2022) menuduh Korea Utara.", "id", published, "2022-11-02", DatePrecision.DAY);
        assertStated("Pemerintahan Biden pada Agustus mengatakan.", "id", published, "2022-08-01", DatePrecision.MONTH);
        assertStated("Officials said in December that it was so.", "en", published, "2021-12-01", DatePrecision.MONTH);
        assertStated("Canada said on Wednesday that it was so.", "en", published, "2022-11-02", DatePrecision.DAY);
        assertStated("Canada said on 3 November 2022 that it was so.", "en", published, "2022-11-03", DatePrecision.DAY);
        assertNull(StatedDates.find(Tokenizer.tokenize("Workers must go home by 2019."), LEXICON.language("en"), published));
    }

    private static void assertStated(String sentence, String language, LocalDate published, String date, DatePrecision precision) {
        StatedDates.Stated stated = StatedDates.find(Tokenizer.tokenize(sentence), LEXICON.language(language), published);
        assertEquals(LocalDate.parse(date), stated.date(), sentence);
        assertEquals(precision, stated.precision(), sentence);
    }
}
