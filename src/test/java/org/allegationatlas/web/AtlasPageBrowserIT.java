package org.allegationatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.allegationatlas.PackagedApp;
import org.allegationatlas.news.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The Atlas page as a person uses it, in a real browser: Debian's Chromium driven by Playwright,
 * against the packaged application on a fresh embedded database holding the seed article.
 * Run with {@code ./mvnw verify -Pbrowser}; {@code -Datlas.screenshots=DIR} also saves the
 * screenshots of the documentation there.
 */
@Tag("browser") // ./mvnw verify -Pfull or -Pbrowser (docs/testing.md)
class AtlasPageBrowserIT {

    private static final String EDITOR_TOKEN = "browser-it-editor";
    private static final String DENIAL = "Para pejabat Iran membantah bahwa mereka memberikan drone atau dukungan lain ke Rusia.";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** North Korea's middle, a little west of Pyongyang: inside the shape at any zoom the page uses. */
    private static final double[] NORTH_KOREA = { 126.9, 40.2 };
    /** Brazil's middle: a country without claims. */
    private static final double[] BRAZIL = { -52.0, -10.0 };

    private static Process app;
    private static String base;
    /** Readiness is served on the management interface, on a port of its own. */
    private static String health;
    private static Playwright playwright;
    private static Browser browser;
    private static Path screenshots;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startAppAndBrowser(@TempDir Path dataDir) throws Exception {
        Path chromium = Path.of(System.getProperty("atlas.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("No Chromium at " + chromium + ". The browser tests drive an installed Chromium and never download one: "
                    + "install Debian's package (apt-get install chromium) or pass -Datlas.chromium=/path/to/chromium.");
        }
        String shots = System.getProperty("atlas.screenshots");
        screenshots = shots == null || shots.isBlank() ? null : Files.createDirectories(Path.of(shots));

        int port = freePort();
        base = "http://127.0.0.1:" + port;
        int managementPort = freePort();
        health = "http://127.0.0.1:" + managementPort + "/q/health/ready";
        app = PackagedApp.start(dataDir.resolve("app.log"), List.of("-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort, "-Datlas.data-dir=" + dataDir, "-Datlas.auth.tokens=editor:" + EDITOR_TOKEN,
                // the curator's desk reads pages and feeds of a news site on loopback (theCuratorsDeskReadsPagesAndFeeds)
                "-Datlas.fetch.allow-private-addresses=true", "-Datlas.fetch.host-delay=10ms"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!ready()) {
            if (!app.isAlive() || System.nanoTime() > deadline) {
                fail("the packaged app did not start: " + Files.readString(dataDir.resolve("app.log")));
            }
            Thread.sleep(200);
        }

        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    /** Requests of the open page answered with an HTTP error (a console error each in the browser). */
    private final List<String> failedRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 820).setLocale("en-GB"));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
        failedRequests.clear();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failedRequests.add(response.status() + " " + response.url());
            }
        });
    }

    @AfterEach
    void closePage(TestInfo test) {
        context.close();
    }

    @Test
    void theMapRendersWithNorthKoreaShadedAndBrazilNeutral() {
        page.navigate(base + "/");
        waitForMap();
        assertTrue(page.locator(".map-area").getAttribute("data-shaded").contains("KP"));
        int[] northKorea = pixelAt(NORTH_KOREA);
        int[] brazil = pixelAt(BRAZIL);
        assertEquals(List.of(0xe9, 0xed, 0xf1), List.of(brazil[0], brazil[1], brazil[2]), "a country without claims stays neutral");
        assertNotEquals(List.of(brazil[0], brazil[1], brazil[2]), List.of(northKorea[0], northKorea[1], northKorea[2]),
                "North Korea is shaded");
        // the darkest red of the scale: North Korea is the most accused of the seed
        assertTrue(northKorea[0] > 90 && northKorea[1] < 40 && northKorea[2] < 40, () -> "dark red, was " + List.of(northKorea[0], northKorea[1], northKorea[2]));
        assertEquals("North Korea", page.locator(".ranking li").first().locator(".name").textContent());
        assertEquals("4", page.locator(".ranking li").first().locator(".count").textContent());
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertEquals(List.of(), failedRequests, "every request of the page is answered (its icon too)");
        screenshot("atlas-map");
    }

    @Test
    void clickingNorthKoreaOnTheMapOpensItWithTheUnitedStatesAsAccuser() {
        page.navigate(base + "/");
        waitForMap();
        double[] at = screenPoint(NORTH_KOREA);
        page.mouse().click(at[0], at[1]);

        Locator title = page.locator("#country-title");
        title.waitFor();
        assertEquals("North Korea", title.locator(".name-en").textContent());
        assertEquals("Korea Utara", title.locator(".name-id").textContent());
        Locator accusers = page.locator("section.counterparts").first();
        assertTrue(accusers.textContent().contains("United States (4)"), accusers::textContent);
        assertTrue(page.url().contains("country=KP"), page.url());
        assertEquals(4, page.locator(".country-panel li.claim").count(), "the latest allegations: all four");
        // the Indonesian labels name the accuser in Indonesian
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bahasa Indonesia")).click();
        page.locator("#accusers-title:text('Dituduh oleh')").waitFor();
        assertTrue(accusers.textContent().contains("Amerika Serikat (4)"), accusers::textContent);
        screenshot("atlas-country-id");
    }

    @Test
    void aDeepLinkOpensTheCountryWithItsFiltersAndKeyboardAlone() {
        page.navigate(base + "/?country=KP&category=CONCEALMENT");
        page.locator("#country-title").waitFor();
        assertEquals("CONCEALMENT", page.locator("#f-category").inputValue());
        page.locator(".country-panel li.claim").first().waitFor();
        assertEquals(1, page.locator(".country-panel li.claim").count(), "only the concealment allegation");
        // Escape closes the panel; Tab reaches the ranking; Enter opens the country again
        page.keyboard().press("Escape");
        page.locator(".country-panel").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        page.locator(".ranking a").first().focus();
        page.keyboard().press("Enter");
        page.locator("#country-title .name-en:text('North Korea')").waitFor();
    }

    @Test
    void aCategoryFilterChangesTheCounts() {
        page.navigate(base + "/?country=KP");
        Locator accusers = page.locator("section.counterparts").first();
        page.locator("section.counterparts:has-text('United States (4)')").first().waitFor();
        page.locator("#f-category").selectOption("ARMS_TRANSFER");
        page.locator("section.counterparts:has-text('United States (3)')").first().waitFor();
        assertTrue(page.url().contains("category=ARMS_TRANSFER"), page.url());
        assertEquals("3", page.locator(".ranking li").first().locator(".count").textContent(), "the map's counts follow the filter");
        assertEquals(3, page.locator(".country-panel li.claim").count());
        page.locator("#f-category").selectOption("DIPLOMATIC_RECOGNITION");
        page.locator(".country-panel:has-text('No allegations against this country under these filters.')").waitFor();
        assertFalse(accusers.textContent().contains("United States"), accusers::textContent);
    }

    @Test
    void iransDenialIsHighlightedAtItsExactOffsetsInTheArticle() {
        // as a reader gets there: Iran's panel, the allegation, the denial threaded beneath it
        page.navigate(base + "/?country=IR");
        Locator denial = page.locator(".country-panel .responses li.stance-DENIES").first();
        assertTrue(denial.textContent().contains(DENIAL), denial::textContent);
        denial.locator("a").click();

        Locator selected = page.locator(".article-body mark.selected");
        selected.first().waitFor();
        assertEquals(DENIAL, String.join("", selected.allTextContents()), "the highlighted words are the quote");
        assertEquals("1326", selected.first().getAttribute("data-start"));
        assertEquals("1412", selected.last().getAttribute("data-end"));
        for (Locator mark : selected.all()) {
            assertTrue(mark.getAttribute("class").contains("stance-DENIES"), "coloured as a denial");
        }
        String body = (String) page.evaluate("() => document.querySelector('.article-body').textContent");
        assertEquals(DENIAL, body.substring(1326, 1412), "the body on the page is the article's, offsets intact");
        assertTrue(page.url().contains("article="), page.url());
        assertTrue((Boolean) page.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
                selected.first().elementHandle()), "the page scrolled to the sentence");
        screenshot("atlas-article");

        // every claim of the article is highlighted exactly where its offsets say
        @SuppressWarnings("unchecked")
        List<String> mismatches = (List<String>) page.evaluate("() => [...document.querySelectorAll('.article-claims li')].flatMap(li => {"
                + " const marks = [...document.querySelectorAll('.article-body mark')].filter(m => m.dataset.claims.split(' ').includes(li.dataset.claim));"
                + " const start = Math.min(...marks.map(m => +m.dataset.start)), end = Math.max(...marks.map(m => +m.dataset.end));"
                + " return start === +li.dataset.quoteStart && end === +li.dataset.quoteEnd ? [] : [li.dataset.claim]; })");
        assertEquals(List.of(), mismatches);
    }

    @Test
    void selectingAClaimInTheArticleScrollsToItsSentence() {
        page.navigate(base + "/?article=" + seedArticleId());
        page.locator(".article-claims li").first().waitFor();
        Locator denialItem = page.locator(".article-claims li.stance-DENIES").first();
        denialItem.locator("button").click();
        Locator selected = page.locator(".article-body mark.selected");
        selected.first().waitFor();
        assertEquals(denialItem.getAttribute("data-quote-start"), selected.first().getAttribute("data-start"));
        assertTrue(page.url().contains("claim=" + denialItem.getAttribute("data-claim")), page.url());
    }

    @Test
    void whoAccusesWhomListsTheClaimsOfALink() {
        page.navigate(base + "/?view=matrix");
        page.locator("table.pairs tbody tr").first().waitFor();
        assertEquals(3, page.locator("table.pairs tbody tr").count(), "US→KP, US→IR, US→RU");
        page.waitForFunction("() => window.atlas && window.atlas.matrix");
        screenshot("atlas-matrix");
        page.locator("table.pairs tbody tr").first().locator("a").click();
        page.locator("#pair-title").waitFor();
        assertTrue(page.locator("#pair-title").textContent().contains("United States"));
        assertEquals(4, page.locator(".pair li.claim").count());
        assertTrue(page.url().contains("accuser=US") && page.url().contains("accused=KP"), page.url());
    }

    @Test
    void theCuratorsDeskPreviewsAndStoresAnArticleOnlyWithAnEditorToken() throws Exception {
        String url = "https://test.invalid/browser-it/fiji-tuvalu";
        page.navigate(base + "/?view=curator");
        page.locator("#c-url").fill(url);
        page.locator("#c-title").fill("Fiji and Tuvalu");
        page.locator("#c-language").selectOption("en");
        page.locator("#c-published").fill("2024-05-01");
        page.locator("#c-body").fill("Fiji accused Tuvalu of secretly shipping rockets to Samoa. Tuvalu denied the accusation.");

        // no token: the page asks for one and sends nothing
        page.getByText("Preview extraction").click();
        page.locator(".status .error:has-text('Enter an editor token first')").waitFor();
        page.getByText("Store article").click();
        page.locator(".status .error:has-text('Enter an editor token first')").waitFor();
        // a wrong token: the server refuses to preview and to store, and the page says so
        page.locator("#c-token").fill("not-the-token");
        page.getByText("Preview extraction").click();
        page.locator(".status .error").filter(new Locator.FilterOptions().setHasNotText("Enter an editor token")).waitFor();
        page.getByText("Store article").click();
        page.locator(".status .error").filter(new Locator.FilterOptions().setHasNotText("Enter an editor token")).waitFor();
        assertNull(storedArticle(url), "nothing stored without a valid editor token");

        // the editor's token: the extractor's proposal, corrected, then stored
        page.locator("#c-token").fill(EDITOR_TOKEN);
        page.getByText("Preview extraction").click();
        page.locator(".status .ok").waitFor();
        int proposed = page.locator(".draft-claims > li").count();
        assertTrue(proposed > 0, "the extractor proposes claims");
        assertTrue(page.locator(".draft-actors > li").count() >= 2, "and the actors they name");
        assertNull(storedArticle(url), "a preview stores nothing");
        page.locator(".draft-claims > li").first().locator("input.wide").fill("Fiji accused Tuvalu of shipping rockets to Samoa.");

        page.getByText("Store article").click();
        page.locator(".status .stored-link").waitFor();
        JsonObject stored = storedArticle(url);
        assertEquals("Fiji and Tuvalu", stored.getString("title"));
        assertEquals(proposed, stored.getJsonArray("claims").size());
        assertTrue(stored.getJsonArray("claims").stream().anyMatch(c -> c.asJsonObject().getString("summary")
                .equals("Fiji accused Tuvalu of shipping rockets to Samoa.")), "the correction was stored");
        assertEquals(EDITOR_TOKEN, page.evaluate("() => sessionStorage.getItem('atlas.editor-token')"), "kept in the session");
        assertNull(page.evaluate("() => localStorage.getItem('atlas.editor-token')"), "never beyond it");
        screenshot("atlas-curator-stored");
        page.locator(".status .stored-link").click();
        page.locator(".article-body mark").first().waitFor();
        assertEquals(proposed, page.locator(".article-claims > li").count());
    }

    @Test
    void theCuratorsDeskReadsAPageByItsAddressAndPollsAFeed() throws Exception {
        try (TestSite site = new TestSite()) {
            // the feed's stories allege nothing: the other tests count the seed's allegations
            site.article("/world/shells", null, "US accuses North Korea", site.story("browser-shells", true))
                    .article("/world/rain", null, "Rain", site.story("browser-rain", false))
                    .article("/world/budget", null, "Budget", site.story("browser-budget", false))
                    .rss("/feed.xml", List.of("/world/rain", "/world/budget"));
            page.navigate(base + "/?view=curator");
            page.locator("#feeds-title").waitFor();
            page.locator(".feed-list:has-text('Enter an editor token')").waitFor();
            page.locator("#c-token").fill(EDITOR_TOKEN);

            // a page by its address: its reading in the form, the extractor's claims in the editor; nothing stored
            page.locator("#n-url").fill(site.url("/world/shells"));
            page.getByText("Read page").click();
            page.locator(".news .status .ok").waitFor();
            assertEquals(String.join("\n\n", site.story("browser-shells", true)), page.locator("#c-body").inputValue());
            assertEquals("US accuses North Korea", page.locator("#c-title").inputValue());
            assertEquals("Test Post", page.locator("#c-publisher").inputValue());
            assertEquals("2024-05-02", page.locator("#c-published").inputValue());
            assertTrue(page.locator(".draft-claims > li").count() > 0, "the extractor's proposal, to review");

            // a feed: subscribed, polled now, its articles counted
            page.locator("#f-url").fill(site.url("/feed.xml"));
            page.getByText("Subscribe", new Page.GetByTextOptions().setExact(true)).click();
            page.locator(".feeds-card .status .ok:has-text('Subscribed')").waitFor();
            page.locator("table.feeds tbody tr:has-text('Test Post: World')").waitFor();
            page.getByLabel("Poll Test Post: World now").click();
            page.locator(".feeds-card .status .ok:has-text('2 stored')").waitFor();
            page.locator("table.feeds tbody tr:has-text('Test Post: World') td.num:text('2')").waitFor();
            screenshot("atlas-curator-feeds");
            assertEquals(List.of(), failedRequests);
        }
    }

    @Test
    void atPhoneWidthThePageFitsTheScreen() {
        page.setViewportSize(390, 844);
        page.navigate(base + "/?country=KP&ui=id");
        page.locator("#country-title").waitFor();
        page.locator("#accusers-title:text('Dituduh oleh')").waitFor();
        waitForMap();
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"),
                "no sideways scrolling at phone width");
        page.evaluate("() => scrollTo(0, 0)");
        screenshot("atlas-phone");
    }

    // ---- helpers

    private void waitForMap() {
        page.locator(".map-area[data-shaded]").waitFor();
        page.waitForFunction("() => window.atlas && window.atlas.map && !window.atlas.map.isDisposed()");
        page.waitForTimeout(300); // the map's first frame
    }

    /** Where a longitude/latitude is on the screen. */
    private double[] screenPoint(double[] lonLat) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("ll => { const c = window.atlas.map; const p = c.convertToPixel({ seriesIndex: 0 }, ll);"
                + " const r = c.getDom().getBoundingClientRect(); return [r.left + p[0], r.top + p[1]]; }", List.of(lonLat[0], lonLat[1]));
        return new double[] { xy.get(0).doubleValue(), xy.get(1).doubleValue() };
    }

    /** The colour the map's canvas has at a longitude/latitude. */
    private int[] pixelAt(double[] lonLat) {
        @SuppressWarnings("unchecked")
        List<Number> rgba = (List<Number>) page.evaluate("ll => { const c = window.atlas.map; const p = c.convertToPixel({ seriesIndex: 0 }, ll);"
                + " const canvas = c.getDom().querySelector('canvas'); const k = canvas.width / canvas.clientWidth;"
                + " return [...canvas.getContext('2d').getImageData(Math.round(p[0] * k), Math.round(p[1] * k), 1, 1).data]; }",
                List.of(lonLat[0], lonLat[1]));
        return rgba.stream().mapToInt(Number::intValue).toArray();
    }

    private void screenshot(String name) {
        if (screenshots != null) {
            page.waitForTimeout(400);
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")));
        }
    }

    private static String seedArticleId() {
        return post("{ articles(first: 1) { edges { node { id } } } }").getJsonObject("data").getJsonObject("articles")
                .getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("id");
    }

    private static JsonObject storedArticle(String url) {
        JsonObject data = post("{ articles(filter: { text: \"Tuvalu\" }) { edges { node { url title claims { id summary } } } } }").getJsonObject("data");
        return data.getJsonObject("articles").getJsonArray("edges").stream().map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> n.getString("url").equals(url)).findFirst().orElse(null);
    }

    private static JsonObject post(String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Cache-Control", "no-cache").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.createReader(new java.io.StringReader(response.body())).readObject();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
