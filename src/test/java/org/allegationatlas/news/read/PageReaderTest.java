package org.allegationatlas.news.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The page reader on small pages written for these tests (src/test/resources/news/pages). */
class PageReaderTest {

    private static final PageReader READER = PageReader.withFunctionWords();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void readsTheArticleWithoutThePageAroundIt() {
        ReadPage page = read("id-article.html", "https://kabar.example.org/internasional/2022/11/02/gedung-putih-tuding-korut");

        assertEquals(List.of(
                "WASHINGTON — Gedung Putih menuding Korea Utara secara diam-diam memasok peluru artileri dalam jumlah besar kepada Rusia untuk perangnya di Ukraina.",
                "Juru bicara Dewan Keamanan Nasional John Kirby mengatakan, pengiriman itu disamarkan seolah-olah ditujukan ke negara-negara di Timur Tengah atau Afrika Utara.",
                "\"Kami yakin Korea Utara berusaha mengaburkan ke mana sebenarnya amunisi itu dikirim,\" kata Kirby kepada wartawan, Rabu (2/11/2022).",
                "Tanggapan Pyongyang",
                "Pyongyang sebelumnya membantah telah menjual senjata kepada Moskow, dan menyebut tuduhan itu sebagai rekayasa Amerika Serikat.",
                "Kirby tidak merinci berapa banyak peluru yang telah dikirim, namun menyebut pemerintah AS terus memantau apakah kiriman itu benar-benar sampai."),
                List.of(page.body().split("\n\n")), "paragraphs in order, one blank line apart, nothing else");
        for (String furniture : List.of("cookie", "Ekonomi", "Olahraga", "Beranda", "Oleh Rahmat", "Bagikan", "Foto: AP", "Baca juga",
                "Iklan", "Korea Utara Luncurkan", "Komentar", "Semoga perang", "Terpopuler", "Hak cipta")) {
            assertFalse(page.body().contains(furniture), "left out: " + furniture);
        }
        assertEquals(1, count(page.body(), "Gedung Putih menuding"), "the headline is not repeated, the lead is there once");
    }

    @Test
    void readsTheMetadataOfAnIndonesianPage() {
        ReadPage page = read("id-article.html", "https://kabar.example.org/internasional/2022/11/02/gedung-putih-tuding-korut?utm_source=feed");

        assertEquals("Gedung Putih Tuding Korut Pasok Peluru Artileri ke Rusia", page.title());
        assertEquals("Kabar Contoh", page.publisher());
        assertEquals(LocalDate.of(2022, 11, 2), page.publishedOn());
        assertEquals("id", page.language());
        assertEquals("https://kabar.example.org/internasional/2022/11/02/gedung-putih-tuding-korut", page.canonicalUrl(),
                "the relative canonical link, made absolute");
        assertEquals("https://kabar.example.org/internasional/2022/11/02/gedung-putih-tuding-korut?utm_source=feed", page.url());
    }

    @Test
    void theStoryInChunksIsReadWholeAndTheNextStoryBelowIsNot() {
        ReadPage page = read("two-stories.html", "https://daily.example.org/story");

        assertEquals(4, page.body().split("\n\n").length, page.body());
        assertTrue(page.body().startsWith("North Korea is covertly supplying"), page.body());
        assertTrue(page.body().endsWith("hold the parties to account."), page.body());
        assertFalse(page.body().contains("Stock markets"), "the next story is not this one");
    }

    @Test
    void theArticleUnderItsHeadlineIsReadNotTheLongerStoryLoadedBelowIt() {
        // the layout that holds the headline is named after its sidebar, and the next story is twice as long
        ReadPage page = read("next-story-below.html", "https://harbour.example.org/natuna");

        assertEquals(4, page.body().split("\n\n").length, page.body());
        assertTrue(page.body().startsWith("Jakarta said on Tuesday"), page.body());
        assertTrue(page.body().endsWith("every encounter at sea."), page.body());
        assertFalse(page.body().contains("central bank"), "the next story is not this one");
    }

    @Test
    void aHeadlineWrittenInAnyElementStillMarksWhereTheArticleIs() {
        // a longer story above; the page's headline in a <dt>, no h1
        ReadPage page = read("headline-in-dt.html", "https://harbour.example.org/natuna");

        assertTrue(page.body().contains("Jakarta said on Tuesday"), page.body());
        assertTrue(page.body().endsWith("every encounter at sea."), page.body());
        assertFalse(page.body().contains("Jakarta protests"), "the headline is not repeated");
        assertFalse(page.body().contains("central bank"), "the story above is not this one");
    }

    @Test
    void anArticleInUnnamedChunksIsReadWhole() {
        ReadPage page = read("article-in-unnamed-chunks.html", "https://harbour.example.org/trawlers");

        assertEquals(12, page.body().split("\n\n").length, page.body());
        assertTrue(page.body().startsWith("Jakarta said on Tuesday"), page.body());
        assertTrue(page.body().endsWith("before the end of the year."), page.body());
        assertFalse(page.body().contains("Home"), page.body());
    }

    @Test
    void everyLineIsTrimmedAndParagraphsAreOneBlankLineApart() {
        for (String name : List.of("id-article.html", "metadata-jsonld.html", "charset-id.html", "broken-jsonld.html")) {
            String body = read(name, "https://example.org/a").body();
            assertFalse(body.isEmpty(), name);
            assertFalse(body.contains("\n\n\n"), name);
            for (String line : body.split("\n", -1)) {
                assertEquals(line.strip(), line, name + ": " + line);
            }
        }
    }

    @Test
    void jsonLdComesFirst() {
        ReadPage page = read("metadata-jsonld.html", "https://news.example.org/2022/11/02/kirby?ref=home");

        assertEquals("White House says North Korea ships shells to Russia", page.title(), "JSON-LD headline, not og:title or <title>");
        assertEquals(LocalDate.of(2022, 11, 2), page.publishedOn(), "datePublished, not article:published_time or <time>");
        assertEquals("Warta Contoh", page.publisher(), "the publisher the graph names by @id, not og:site_name");
        assertEquals("id", page.language(), "the graph's inLanguage before <html lang>");
        assertEquals("https://news.example.org/2022/11/02/kirby", page.canonicalUrl(), "mainEntityOfPage");
        assertFalse(page.body().contains("White House says North Korea ships"), "the headline is not in the body");
    }

    @Test
    void openGraphComesBeforeTimeElements() {
        ReadPage page = read("metadata-opengraph.html", "https://daily.example.org/world/kirby-shells?page=1");

        assertEquals("Kirby: Shells went to Russia", page.title());
        assertEquals("Example Daily", page.publisher());
        assertEquals(LocalDate.of(2022, 11, 3), page.publishedOn(), "article:published_time, not the <time>");
        assertEquals("en", page.language(), "og:locale en_GB");
        assertEquals("https://daily.example.org/world/kirby-shells", page.canonicalUrl(), "og:url");
    }

    @Test
    void aTimeElementWhenNothingElseDatesThePage() {
        ReadPage page = read("metadata-time.html", "https://blog.example.org/2022/10/01/shells-and-drones");

        assertEquals(LocalDate.of(2022, 11, 4), page.publishedOn(), "<time datetime> before the date in the URL");
        assertEquals("en", page.language(), "<html lang=en-US>");
        assertEquals("https://blog.example.org/2022/10/01/shells-and-drones", page.canonicalUrl(), "no canonical: the url");
        assertFalse(page.body().contains("Posted"), "the byline line is not text");
    }

    @Test
    void theUrlOrNothingDatesAPageWithoutMetadata() {
        assertEquals(LocalDate.of(2022, 11, 5),
                read("metadata-none.html", "https://blog.example.org/2022/11/05/shells-again").publishedOn());
        ReadPage undated = read("metadata-none.html", "https://blog.example.org/shells-again");
        assertNull(undated.publishedOn());
        assertNull(undated.publisher(), "no site name: no publisher, not the host");
        assertEquals("en", undated.language(), "no declaration: guessed from the English body");
    }

    @Test
    void anUndeclaredIndonesianPageIsGuessedIndonesian() {
        assertEquals("id", read("charset-id.html", "https://kabar.example.org/kirby").language());
    }

    @Test
    void brokenJsonLdStillGivesItsDateAndHeadline() {
        ReadPage page = read("broken-jsonld.html", "https://daily.example.org/moscow-denies");

        assertEquals(LocalDate.of(2022, 11, 2), page.publishedOn());
        assertEquals("Moscow denies buying rockets", page.title());
        assertTrue(page.body().startsWith("Russia's Ministry of Defence denied"), page.body());
    }

    @Test
    void aPageWithoutAnArticleGivesNoText() {
        ReadPage page = read("no-article.html", "https://daily.example.org/login");

        assertTrue(page.body().length() < 80, "at most a stray line: " + page.body());
        assertEquals("Sign in", page.title());
    }

    @Test
    void emptyAndNonHtmlBytesDoNotFail() {
        ReadPage empty = READER.read(new byte[0], null, null);
        assertEquals("", empty.body());
        assertNull(empty.title());
        assertNull(empty.language(), "no text, no guess");

        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff };
        assertEquals("", READER.read(png, "image/png", "https://example.org/x.png").body(), "not HTML by its header");
        assertEquals("", READER.read(png, null, "https://example.org/x.png").body(), "not text by its bytes");
    }

    @Test
    void utf8UnderALyingLatin1HeaderIsReadAsUtf8() {
        byte[] utf8 = resource("charset-id.html").getBytes(StandardCharsets.UTF_8);
        assertIndonesianReadRight(READER.read(utf8, "text/html; charset=ISO-8859-1", "https://kabar.example.org/a"));
    }

    @Test
    void aByteOrderMarkDecides() {
        byte[] text = resource("charset-id.html").replace("<head>", "<head><meta charset=\"windows-1252\">")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertIndonesianReadRight(READER.read(withBom, null, "https://kabar.example.org/a"));
    }

    @Test
    void utf16WithItsByteOrderMarkIsText() {
        byte[] text = resource("charset-id.html").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        assertIndonesianReadRight(READER.read(withBom, null, "https://kabar.example.org/a"));
    }

    @Test
    void aMetaCharsetIsFollowed() {
        byte[] cp1252 = resource("charset-id.html").replace("<head>", "<head><meta charset=\"windows-1252\">").getBytes(WINDOWS_1252);
        assertIndonesianReadRight(READER.read(cp1252, null, "https://kabar.example.org/a"));

        byte[] httpEquiv = resource("charset-id.html")
                .replace("<head>", "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")
                .getBytes(WINDOWS_1252);
        assertIndonesianReadRight(READER.read(httpEquiv, null, "https://kabar.example.org/a"));
    }

    @Test
    void undeclaredBytesThatAreNotUtf8AreWindows1252() {
        byte[] cp1252 = resource("charset-id.html").getBytes(WINDOWS_1252);
        assertIndonesianReadRight(READER.read(cp1252, null, "https://kabar.example.org/a"));
        assertIndonesianReadRight(READER.read(cp1252, "text/html; charset=utf-8", "https://kabar.example.org/a"));
    }

    private static void assertIndonesianReadRight(ReadPage page) {
        assertTrue(page.body().startsWith("“Kami yakin Korea Utara berusaha mengaburkan ke mana amunisi itu dikirim,” kata Kirby — juru bicara"),
                page.body());
        assertTrue(page.body().contains("Pelé dan café"), page.body());
        assertTrue(page.body().contains("huruf é dan ’ harus"), page.body());
        assertFalse(page.body().contains("\uFFFD"), page.body());
        assertEquals("Kirby: “Kami yakin” Korut kirim peluru", page.title());
    }

    private static ReadPage read(String name, String url) {
        return READER.read(resource(name).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url);
    }

    private static String resource(String name) {
        try (InputStream in = PageReaderTest.class.getResourceAsStream("/news/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
