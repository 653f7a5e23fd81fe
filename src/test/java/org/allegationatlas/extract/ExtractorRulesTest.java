package org.allegationatlas.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.allegationatlas.claim.ClaimCategory;
import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.claim.Stance;
import org.allegationatlas.country.Countries;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.ClaimInput;
import org.junit.jupiter.api.Test;

/** The rules one by one, on sentences written for the purpose; no container, no database. */
class ExtractorRulesTest {

    private static final Countries COUNTRIES = new Countries();
    private static final Lexicon LEXICON = new Lexicon(COUNTRIES);
    private static final Extractor EXTRACTOR = Extractor.standalone(COUNTRIES);

    @Test
    void sentencesEndAtStopsButNotAtAbbreviationsInitialsOrInsideQuotes() {
        String text = "Gen. Smith met U.S. envoys on Rabu (2/11/2022). He said: \"Fine. Go.\" John F. Kennedy was named.\nA new line.";
        List<String> sentences = new SentenceSplitter(LEXICON.abbreviations).split(text, 0).stream()
                .map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("Gen. Smith met U.S. envoys on Rabu (2/11/2022).", "He said: \"Fine. Go.\"",
                "John F. Kennedy was named.", "A new line."), sentences);
    }

    @Test
    void languageIsToldByFunctionWords() {
        LanguageDetector detector = new LanguageDetector(LEXICON);
        assertEquals("id", detector.detect("Gedung Putih menuduh Korea Utara mengirim peluru ke Rusia untuk perang di Ukraina."));
        assertEquals("en", detector.detect("The White House accused North Korea of sending shells to Russia for the war."));
    }

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

    @Test
    void anAccusationNamesClaimantSubjectCounterpartyStanceAndCategory() {
        ArticleInput article = extract("Kementerian Pertahanan Rusia menuduh Ukraina memasok drone ke Moldova.", "2024-01-10");
        ClaimInput claim = article.claims().get(0);
        assertEquals(Stance.ALLEGES, claim.stance());
        assertEquals(ClaimCategory.ARMS_TRANSFER, claim.category());
        assertEquals("RU", country(article, claim.claimant()));
        assertEquals("Russian Ministry of Defence", actor(article, claim.claimant()).name());
        assertEquals("UA", country(article, claim.subject()));
        assertEquals("MD", country(article, claim.counterparty()));
    }

    @Test
    void aDenialAnswersTheAllegationAboutTheSameCountry() {
        ArticleInput article = extract("The Kremlin accused Poland of hiding weapons for Ukraine. "
                + "Polish officials denied that they had hidden any weapons.", "2024-01-10");
        ClaimInput allegation = article.claims().get(0);
        ClaimInput denial = article.claims().get(1);
        assertEquals(Stance.DENIES, denial.stance());
        assertEquals("PL", country(article, denial.subject()), "\"they\" of Polish officials is Poland");
        assertEquals(allegation.key(), denial.respondsTo());
    }

    @Test
    void aReportedActOfAnotherCountryIsAnAllegationAndOfOnesOwnAStatement() {
        ArticleInput article = extract("Seoul said North Korea sent workers to Russia. Seoul said it would send aid to Japan.", "2024-01-10");
        assertEquals(Stance.ALLEGES, article.claims().get(0).stance());
        assertEquals(ClaimCategory.LABOR_TRANSFER, article.claims().get(0).category());
        assertEquals(Stance.STATES, article.claims().get(1).stance());
    }

    @Test
    void aPurchaseAlsoMakesTheConverseSupply() {
        ArticleInput article = extract("Intelijen AS menyebut militer Rusia membeli roket dari Iran.", "2024-01-10");
        List<String> pairs = article.claims().stream()
                .map(c -> country(article, c.subject()) + "->" + country(article, c.counterparty())).toList();
        assertEquals(List.of("RU->IR", "IR->RU"), pairs);
    }

    @Test
    void aPassiveOrRelativeDenialIsTheDoersOwn() {
        for (String text : new String[] { "Tuduhan yang dibantah Jakarta itu pertama kali dilontarkan oleh aktivis di Australia.",
                "The charge, which Jakarta rejected on Tuesday, was first made by Australian activists." }) {
            ArticleInput article = extract(text, "2024-01-10");
            ClaimInput denial = article.claims().stream().filter(c -> c.stance() == Stance.DENIES).findFirst().orElseThrow();
            assertEquals("ID", country(article, denial.claimant()), text);
            assertEquals("ID", country(article, denial.subject()), text);
        }
    }

    @Test
    void aPassiveAccusationNamesTheAccuserAfterTheVerb() {
        ArticleInput article = extract("Iran telah lama dituduh Amerika Serikat bersekongkol menjatuhkan pemerintah Irak.", "2024-01-10");
        ClaimInput claim = article.claims().get(0);
        assertEquals(Stance.ALLEGES, claim.stance());
        assertEquals("US", country(article, claim.claimant()));
        assertEquals("IR", country(article, claim.subject()));
    }

    @Test
    void saysItsSideNeverDidItIsADenialWithoutADenialVerb() {
        for (String text : new String[] { "Menteri Luar Negeri Iran menegaskan bahwa negaranya tidak pernah mengirim drone ke Rusia.",
                "Turkish officials insisted they had never cut off the water supply to Syria." }) {
            ArticleInput article = extract(text, "2024-01-10");
            ClaimInput claim = article.claims().get(0);
            assertEquals(Stance.DENIES, claim.stance(), text);
            assertEquals(country(article, claim.claimant()), country(article, claim.subject()), text);
        }
    }

    @Test
    void aCountryInAnAdjectiveIsNotTheCounterparty() {
        ArticleInput article = extract("Amerika Serikat menuduh Iran membantu pemberontak anti-AS di Yaman.", "2024-01-10");
        ClaimInput claim = article.claims().get(0);
        assertEquals("US", country(article, claim.claimant()));
        assertEquals("IR", country(article, claim.subject()));
        assertFalse("US".equals(country(article, claim.counterparty())),
                "\"anti-AS\" describes the rebels; the United States receives nothing");
    }

    @Test
    void aRegionalOfficialSpeaksForTheCountryOfTheRegion() {
        ArticleInput article = extract("Gubernur Jawa Timur menuding Malaysia memperlakukan pekerja migran secara tidak manusiawi.",
                "2024-01-10");
        ClaimInput claim = article.claims().get(0);
        assertEquals(Stance.ALLEGES, claim.stance());
        assertEquals("ID", country(article, claim.claimant()));
        assertEquals("MY", country(article, claim.subject()));
    }

    @Test
    void theUrlsHostIsNeverTheClaimant() {
        ArticleInput article = EXTRACTOR.extractFromLexicon(new RawArticleInput("https://www.example.org/news/1", null, null, null,
                LocalDate.parse("2024-01-10"), null, "Iranian drones struck Kyiv overnight.")).article();
        assertEquals(1, article.claims().size());
        assertNull(article.claims().get(0).claimant(), "no speaker in the text");
        assertEquals(List.of(), article.actors().stream().filter(a -> a.name().contains("example")).toList());
    }

    private static void assertStated(String sentence, String language, LocalDate published, String date, DatePrecision precision) {
        StatedDates.Stated stated = StatedDates.find(Tokenizer.tokenize(sentence), LEXICON.language(language), published);
        assertEquals(LocalDate.parse(date), stated.date(), sentence);
        assertEquals(precision, stated.precision(), sentence);
    }

    private static ArticleInput extract(String body, String publishedOn) {
        return EXTRACTOR.extractFromLexicon(new RawArticleInput("urn:test:rules", null, "Test Wire", null,
                LocalDate.parse(publishedOn), null, body)).article();
    }

    private static ActorInput actor(ArticleInput article, String key) {
        return article.actors().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }

    private static String country(ArticleInput article, String key) {
        return key == null ? null : actor(article, key).country();
    }
}
