package org.allegationatlas.news.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.allegationatlas.news.fetch.CheckedDnsResolver.NameResolver;
import org.allegationatlas.news.fetch.FetchException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a web site on 127.0.0.1: what a page fetch returns, and each rule of safety and
 * politeness it keeps. Timing assertions are loose (the machine is shared): they check order and
 * lower bounds, never tight upper ones.
 */
class PageFetcherTest {

    private static final String HTML = "text/html; charset=utf-8";

    private LoopbackServer site;
    private final List<PageFetcher> fetchers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetchers.forEach(PageFetcher::close);
        site.close();
    }

    private PageFetcher fetcher(FetchSettings settings) {
        PageFetcher fetcher = new PageFetcher(settings, "test", NameResolver.SYSTEM,
                new AddressRules(settings.allowPrivateAddresses())::refusal);
        fetchers.add(fetcher);
        return fetcher;
    }

    private PageFetcher fetcher() {
        return fetcher(TestSettings.quick());
    }

    @Test
    void pageComesWithItsBodyAndTheUrlItCameFrom() throws Exception {
        site.on("/story", e -> LoopbackServer.redirect(e, 301, "/news/story-1.html"))
                .page("/news/story-1.html", HTML, "<html><title>Story</title>ünïcode</html>");

        FetchedPage page = fetcher().fetch(site.url("/story"), Validators.NONE);

        assertEquals(site.url("/story"), page.requestedUrl());
        assertEquals(site.url("/news/story-1.html"), page.finalUrl());
        assertEquals(200, page.status());
        assertEquals(HTML, page.contentType());
        assertEquals("<html><title>Story</title>ünïcode</html>", new String(page.body(), StandardCharsets.UTF_8));
        assertFalse(page.truncated());
        assertFalse(page.notModified());
        String userAgent = site.seen("/news/story-1.html").get(0).headers().getFirst("User-Agent");
        assertEquals("AllegationAtlas/test (+mailto:test@example.org)", userAgent);
    }

    @Test
    void unchangedPageIsNotModifiedOnAConditionalGet() throws Exception {
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        site.on("/page", e -> {
            e.getResponseHeaders().set("ETag", "\"v1\"");
            e.getResponseHeaders().set("Last-Modified", lastModified);
            if ("\"v1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
                e.sendResponseHeaders(304, -1);
            } else {
                LoopbackServer.send(e, 200, HTML, "<p>first version</p>");
            }
        });
        PageFetcher fetcher = fetcher();

        FetchedPage first = fetcher.fetch(site.url("/page"), Validators.NONE);
        FetchedPage again = fetcher.fetch(site.url("/page"), Validators.of(first));

        assertFalse(first.notModified());
        assertEquals("\"v1\"", first.etag());
        assertEquals(lastModified, first.lastModified());
        assertTrue(again.notModified());
        assertEquals(304, again.status());
        assertEquals(0, again.body().length);
        assertEquals("\"v1\"", again.etag(), "the validators to send next time");
        var second = site.seen("/page").get(1).headers();
        assertEquals("\"v1\"", second.getFirst("If-None-Match"));
        assertEquals(lastModified, second.getFirst("If-Modified-Since"));
    }

    @Test
    void gzipBodyIsDecoded() throws Exception {
        String text = "<html>" + "All the news that fits. ".repeat(2000) + "</html>";
        site.on("/zipped", e -> {
            String accepted = e.getRequestHeaders().getFirst("Accept-Encoding");
            boolean gzip = accepted != null && accepted.contains("gzip");
            e.getResponseHeaders().set("Content-Type", HTML);
            if (gzip) {
                e.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = gzip ? new GZIPOutputStream(e.getResponseBody()) : e.getResponseBody()) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchedPage page = fetcher().fetch(site.url("/zipped"), Validators.NONE);

        assertEquals(text, new String(page.body(), StandardCharsets.UTF_8));
        assertTrue(site.seen("/zipped").get(0).headers().getFirst("Accept-Encoding").contains("gzip"));
    }

    @Test
    void fiveRedirectsAreFollowedAndASixthIsRefused() throws Exception {
        for (int i = 0; i < 6; i++) {
            int next = i + 1;
            site.on("/hop/" + i, e -> LoopbackServer.redirect(e, 302, "/hop/" + next));
        }
        site.page("/hop/5", HTML, "<p>five hops away</p>").page("/hop/6", HTML, "<p>six hops away</p>");
        PageFetcher fetcher = fetcher();

        FetchedPage five = fetcher.fetch(site.url("/hop/0"), Validators.NONE);
        assertEquals(site.url("/hop/5"), five.finalUrl());

        site.on("/hop/5", e -> LoopbackServer.redirect(e, 307, "/hop/6"));
        FetchException six = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/hop/0"), Validators.NONE));
        assertEquals(Reason.TOO_MANY_REDIRECTS, six.reason());
        assertTrue(six.getMessage().contains("more than 5 redirects"), six.getMessage());
        assertTrue(site.seen("/hop/6").isEmpty(), "the sixth redirect is not followed");
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() throws Exception {
        // "news.example" is a public site for this test: it resolves to 127.0.0.1, which the stand-in rules
        // let through; every other address is judged by the real rules with private addresses refused
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger rebindLookups = new AtomicInteger();
        NameResolver names = host -> switch (host) {
            case "news.example" -> new InetAddress[] { loopback };
            case "metadata.example" -> new InetAddress[] { InetAddress.getByName("169.254.169.254") };
            // public when checked first, private when the connection asks again
            case "rebind.example" -> rebindLookups.getAndIncrement() == 0
                    ? new InetAddress[] { loopback }
                    : new InetAddress[] { InetAddress.getByName("10.0.0.1") };
            default -> throw new UnknownHostException(host);
        };
        AddressRules rules = new AddressRules(false);
        FetchSettings settings = TestSettings.quick().privateRefused();
        PageFetcher fetcher = new PageFetcher(settings, "test", names,
                address -> address.equals(loopback) ? java.util.Optional.empty() : rules.refusal(address));
        fetchers.add(fetcher);
        String port = ":" + site.port();
        site.page("/fine", HTML, "<p>public</p>")
                .on("/to-intranet", e -> LoopbackServer.redirect(e, 302, "http://10.0.0.1/admin"))
                .on("/to-metadata", e -> LoopbackServer.redirect(e, 302, "http://metadata.example/latest/"));

        assertEquals("<p>public</p>", new String(fetcher.fetch("http://news.example" + port + "/fine",
                Validators.NONE).body(), StandardCharsets.UTF_8));

        FetchException intranet = assertThrows(FetchException.class,
                () -> fetcher.fetch("http://news.example" + port + "/to-intranet", Validators.NONE));
        assertEquals(Reason.ADDRESS_REFUSED, intranet.reason(), intranet.getMessage());
        assertEquals("http://news.example" + port + "/to-intranet: redirected to http://10.0.0.1/admin: 10.0.0.1 is"
                + " a private address (RFC 1918); the service fetches only public addresses (set"
                + " ATLAS_FETCH_ALLOW_PRIVATE_ADDRESSES=true to allow private ones)", intranet.getMessage());

        FetchException metadata = assertThrows(FetchException.class,
                () -> fetcher.fetch("http://news.example" + port + "/to-metadata", Validators.NONE));
        assertEquals(Reason.ADDRESS_REFUSED, metadata.reason());
        assertTrue(metadata.getMessage().contains("metadata.example resolves to 169.254.169.254, a link-local address"),
                metadata.getMessage());

        int requestsBefore = site.seen().size();
        FetchException rebound = assertThrows(FetchException.class,
                () -> fetcher.fetch("http://rebind.example" + port + "/fine", Validators.NONE));
        assertEquals(Reason.ADDRESS_REFUSED, rebound.reason(), rebound.getMessage());
        assertTrue(rebound.getMessage().contains("rebind.example resolves to 10.0.0.1"), rebound.getMessage());
        assertEquals(requestsBefore, site.seen().size(), "nothing was sent once the name pointed elsewhere");
    }

    @Test
    void addressesAndUrlsThatMustNotBeFetchedAreRefusedByDefault() {
        PageFetcher fetcher = fetcher(TestSettings.quick().privateRefused());
        String onlyPublic = "; the service fetches only public addresses (set ATLAS_FETCH_ALLOW_PRIVATE_ADDRESSES=true"
                + " to allow private ones)";
        Map<String, Object[]> cases = Map.ofEntries(
                Map.entry("http://127.0.0.1/x", new Object[] { Reason.ADDRESS_REFUSED,
                        "http://127.0.0.1/x: 127.0.0.1 is a loopback address" + onlyPublic }),
                Map.entry("http://[::1]/", new Object[] { Reason.ADDRESS_REFUSED,
                        "http://[::1]/: ::1 is a loopback address" + onlyPublic }),
                Map.entry("http://169.254.169.254/latest/meta-data/", new Object[] { Reason.ADDRESS_REFUSED,
                        "169.254.169.254 is a link-local address (where cloud metadata services answer)" }),
                Map.entry("http://10.0.0.1/", new Object[] { Reason.ADDRESS_REFUSED,
                        "10.0.0.1 is a private address (RFC 1918)" + onlyPublic }),
                Map.entry("http://[::ffff:127.0.0.1]/", new Object[] { Reason.ADDRESS_REFUSED,
                        "::ffff:127.0.0.1 is 127.0.0.1, a loopback address" }),
                Map.entry("http://[fd00::1]:8080/", new Object[] { Reason.ADDRESS_REFUSED,
                        "fd00::1 is a unique local address" }),
                Map.entry("http://100.64.1.1/", new Object[] { Reason.ADDRESS_REFUSED, "carrier-grade NAT" }),
                Map.entry("http://0.0.0.0:8080/", new Object[] { Reason.ADDRESS_REFUSED,
                        "0.0.0.0 is an unspecified address (0.0.0.0/8, which reaches this machine); the service never"
                                + " connects there" }),
                Map.entry("file:///etc/passwd", new Object[] { Reason.SCHEME_REFUSED,
                        "file:///etc/passwd: the service fetches only http and https URLs, not file:" }),
                Map.entry("ftp://ftp.example.org/pub/", new Object[] { Reason.SCHEME_REFUSED, "not ftp:" }),
                Map.entry("gopher://gopher.example.org/", new Object[] { Reason.SCHEME_REFUSED, "not gopher:" }),
                Map.entry("http://user@news.example.org/", new Object[] { Reason.BAD_URL,
                        "the URL carries a user name (the part before @); the service never sends credentials" }),
                Map.entry("http://user:secret@news.example.org/", new Object[] { Reason.BAD_URL, "user name" }),
                Map.entry("news.example.org/story", new Object[] { Reason.BAD_URL, "not an absolute URL" }),
                Map.entry("http://[::1/", new Object[] { Reason.BAD_URL, "not a URL" }));
        for (var c : cases.entrySet()) {
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(c.getKey(), Validators.NONE),
                    c.getKey());
            assertEquals(c.getValue()[0], e.reason(), c.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains((String) c.getValue()[1]), e.getMessage());
            assertTrue(e.getMessage().startsWith(c.getKey() + ": "), e.getMessage());
        }
    }

    @Test
    void theSwitchLetsPrivateAddressesThrough() throws Exception {
        site.page("/intranet", HTML, "<p>intranet</p>");
        assertEquals(200, fetcher().fetch(site.url("/intranet"), Validators.NONE).status());
        FetchException off = assertThrows(FetchException.class, () -> fetcher(TestSettings.quick().privateRefused())
                .fetch(site.url("/intranet"), Validators.NONE));
        assertEquals(Reason.ADDRESS_REFUSED, off.reason());
        assertEquals(1, site.seen().stream().filter(s -> s.path().equals("/intranet")).count());
    }

    @Test
    void contentThatIsNotAPageIsRefusedAndFeedsAreForFeedFetches() throws Exception {
        site.page("/data.json", "application/json", "{\"a\":1}")
                .page("/feed.xml", "application/rss+xml; charset=utf-8", "<rss version=\"2.0\"><channel/></rss>");
        PageFetcher fetcher = fetcher();

        FetchException json = assertThrows(FetchException.class,
                () -> fetcher.fetch(site.url("/data.json"), Validators.NONE));
        assertEquals(Reason.NOT_A_PAGE, json.reason());
        assertTrue(json.getMessage().contains("the server sent application/json, not a web page"), json.getMessage());

        FetchException feedAsPage = assertThrows(FetchException.class,
                () -> fetcher.fetch(site.url("/feed.xml"), Validators.NONE, FetchKind.PAGE));
        assertEquals(Reason.NOT_A_PAGE, feedAsPage.reason());

        FetchedPage feed = fetcher.fetch(site.url("/feed.xml"), Validators.NONE, FetchKind.FEED);
        assertEquals("application/rss+xml; charset=utf-8", feed.contentType());
        assertEquals(Reason.NOT_A_PAGE, assertThrows(FetchException.class,
                () -> fetcher.fetch(site.url("/data.json"), Validators.NONE, FetchKind.FEED)).reason());
    }

    @Test
    void aPageOverTheLimitIsCutAsItStreamsWithoutHoldingTheRest() throws Exception {
        long fifty = 50L << 20;
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        site.on("/huge", e -> {
            // generated as it goes: the server holds one 64 KB block, never the 50 MB
            byte[] block = "<p>filler</p>\n".repeat(64 * 1024 / 14).getBytes(StandardCharsets.US_ASCII);
            e.getResponseHeaders().set("Content-Type", HTML);
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                while (written.get() < fifty) {
                    out.write(block);
                    written.addAndGet(block.length);
                }
            } catch (IOException hungUp) {
                // the fetcher closed the connection
            } finally {
                done.countDown();
            }
        });
        long limit = TestSettings.quick().maxPageSize().asLongValue();
        PageFetcher fetcher = fetcher();

        long allocatedBefore = allocatedByThisThread();
        FetchedPage page = fetcher.fetch(site.url("/huge"), Validators.NONE);
        long allocated = allocatedByThisThread() - allocatedBefore;

        assertTrue(page.truncated());
        assertEquals(limit, page.body().length);
        assertEquals("<p>filler</p>\n", new String(page.body(), 0, 14, StandardCharsets.US_ASCII));
        // holding 50 MB would allocate at least that; a 1 MB cut with its buffers allocates a few MB
        assertTrue(allocated < 20L << 20, "allocated " + allocated + " bytes for a page cut at " + limit);
        assertTrue(done.await(30, TimeUnit.SECONDS), "the server noticed the fetcher hang up");
        assertTrue(written.get() < fifty, "the rest was not downloaded: the server wrote " + written.get());
    }

    @Test
    void theLimitCountsDecodedBytesSoAGzipBombIsCutToo() throws Exception {
        site.on("/bomb", e -> {
            e.getResponseHeaders().set("Content-Type", HTML);
            e.getResponseHeaders().set("Content-Encoding", "gzip");
            e.sendResponseHeaders(200, 0);
            byte[] zeros = new byte[64 * 1024];
            try (OutputStream out = new GZIPOutputStream(e.getResponseBody())) {
                for (int i = 0; i < 800; i++) { // 50 MB once decoded, about 50 KB on the wire
                    out.write(zeros);
                }
            } catch (IOException hungUp) {
                // the fetcher closed the connection
            }
        });
        long limit = TestSettings.quick().maxPageSize().asLongValue();

        long allocatedBefore = allocatedByThisThread();
        FetchedPage page = fetcher().fetch(site.url("/bomb"), Validators.NONE);
        long allocated = allocatedByThisThread() - allocatedBefore;

        assertTrue(page.truncated());
        assertEquals(limit, page.body().length);
        assertTrue(allocated < 20L << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void aFeedOverTheLimitIsRefusedNotCut() throws Exception {
        site.on("/big-feed.xml", e -> {
            e.getResponseHeaders().set("Content-Type", "application/rss+xml");
            e.sendResponseHeaders(200, 0);
            byte[] item = "<item><title>x</title></item>".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = e.getResponseBody()) {
                for (int i = 0; i < 100; i++) { // about 3 MB
                    out.write(item);
                }
            } catch (IOException hungUp) {
                // the fetcher closed the connection
            }
        });

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(site.url("/big-feed.xml"), Validators.NONE, FetchKind.FEED));

        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("a feed larger than 1048576 bytes"), e.getMessage());
    }

    @Test
    void robotsTxtIsHonouredAndReadOncePerSite() throws Exception {
        // a group for this service: everything but /private/; other robots are kept out entirely
        site.page("/robots.txt", "text/plain", """
                User-agent: AllegationAtlas
                Disallow: /private/

                User-agent: *
                Disallow: /
                """)
                .page("/public/a.html", HTML, "<p>a</p>")
                .page("/public/b.html", HTML, "<p>b</p>")
                .page("/private/c.html", HTML, "<p>c</p>");
        PageFetcher fetcher = fetcher();

        assertEquals(200, fetcher.fetch(site.url("/public/a.html"), Validators.NONE).status());
        assertEquals(200, fetcher.fetch(site.url("/public/b.html"), Validators.NONE).status());
        FetchException disallowed = assertThrows(FetchException.class,
                () -> fetcher.fetch(site.url("/private/c.html"), Validators.NONE));

        assertEquals(Reason.ROBOTS_DISALLOWED, disallowed.reason());
        assertEquals(site.url("/private/c.html") + ": " + site.url("/robots.txt") + " does not allow AllegationAtlas"
                + " to fetch /private/c.html; the service honours robots.txt", disallowed.getMessage());
        assertTrue(site.seen("/private/c.html").isEmpty());
        assertEquals(1, site.seen("/robots.txt").size(), "robots.txt is kept, not read again for each page");
    }

    @Test
    void aRobotsTxtThatAnswersAServerErrorClosesTheSiteForAWhile() throws Exception {
        site.on("/robots.txt", e -> LoopbackServer.send(e, 500, "text/plain", "oops"))
                .page("/page.html", HTML, "<p>page</p>");
        PageFetcher fetcher = fetcher();

        FetchException first = assertThrows(FetchException.class,
                () -> fetcher.fetch(site.url("/page.html"), Validators.NONE));
        FetchException second = assertThrows(FetchException.class,
                () -> fetcher.fetch(site.url("/page.html"), Validators.NONE));

        assertEquals(Reason.ROBOTS_UNAVAILABLE, first.reason());
        assertTrue(first.getMessage().contains("robots.txt answered HTTP 500"), first.getMessage());
        assertEquals(Reason.ROBOTS_UNAVAILABLE, second.reason());
        assertEquals(1, site.seen("/robots.txt").size(), "the closed verdict is kept (robots-error-ttl)");
        assertTrue(site.seen("/page.html").isEmpty());
    }

    @Test
    void requestsToOneHostWaitTheirTurnAndThePauseBetween() throws Exception {
        Duration pause = Duration.ofMillis(300);
        for (int i = 0; i < 4; i++) {
            site.on("/slow/" + i, e -> {
                sleep(100);
                LoopbackServer.send(e, 200, HTML, "<p>slow</p>");
            });
        }
        PageFetcher fetcher = fetcher(TestSettings.quick().hostDelay(pause));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<FetchedPage>> pages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String url = site.url("/slow/" + i);
                pages.add(callers.submit(() -> fetcher.fetch(url, Validators.NONE)));
            }
            for (Future<FetchedPage> page : pages) {
                assertEquals(200, page.get(60, TimeUnit.SECONDS).status());
            }
        } finally {
            callers.shutdownNow();
        }

        List<LoopbackServer.Seen> seen = new ArrayList<>(site.seen());
        seen.sort((a, b) -> Long.compare(a.start(), b.start()));
        assertEquals(5, seen.size(), "robots.txt once, then the four pages");
        assertEquals(1, site.mostInFlight(), "never two requests to the host at once");
        for (int i = 1; i < seen.size(); i++) {
            long gap = seen.get(i).start() - seen.get(i - 1).end();
            // the server's own clock: its end of one request is before the fetcher's, so this is a lower bound
            assertTrue(gap >= pause.toNanos() * 9 / 10, "gap " + gap / 1_000_000 + " ms before " + seen.get(i).path());
        }
    }

    @Test
    void aFetchWhoseTurnWouldComeAfterItsDeadlineGivesUpAtOnce() {
        site.page("/page", HTML, "<p>page</p>");
        // robots.txt is read at once; the page would have to wait 5 s after it, past the 2 s deadline
        PageFetcher fetcher = fetcher(TestSettings.quick().hostDelay(Duration.ofSeconds(5))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/page"), Validators.NONE));

        assertEquals(Reason.HOST_BUSY, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1's turn would come too late"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "did not wait the pause out");
        assertTrue(site.seen("/page").isEmpty());
    }

    @Test
    void robotsCrawlDelayLengthensThePause() throws Exception {
        site.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 1\n")
                .page("/one", HTML, "<p>1</p>")
                .page("/two", HTML, "<p>2</p>");
        PageFetcher fetcher = fetcher();

        fetcher.fetch(site.url("/one"), Validators.NONE);
        fetcher.fetch(site.url("/two"), Validators.NONE);

        long gap = site.seen("/two").get(0).start() - site.seen("/one").get(0).end();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(900), "gap " + gap / 1_000_000 + " ms");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        site.on("/silent", e -> await(release));
        PageFetcher fetcher = fetcher(TestSettings.quick().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(30)));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/silent"), Validators.NONE));

        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1 sent nothing for 1 s (atlas.fetch.read-timeout)"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(25), "ended by the read timeout");
    }

    @Test
    void aServerThatDripsForeverIsCutOffAtTheDeadline() {
        site.on("/drip", e -> {
            e.getResponseHeaders().set("Content-Type", HTML);
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                while (release.getCount() > 0) { // a byte now and then: never silent for the read timeout
                    out.write('.');
                    out.flush();
                    sleep(200);
                }
            } catch (IOException hungUp) {
                // the fetcher gave up
            }
        });
        PageFetcher fetcher = fetcher(TestSettings.quick().timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/drip"), Validators.NONE));

        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().contains("took longer than the 3 s it may take (atlas.fetch.deadline)"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void anErrorStatusIsReportedWithItsCode() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(site.url("/missing"), Validators.NONE));

        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(404, e.httpStatus());
        assertEquals(site.url("/missing") + ": the server answered HTTP 404 (Not Found)", e.getMessage());
    }

    @Test
    void aBusyServerIsAskedAgainAfterItsRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        site.on("/busy", e -> {
            if (calls.getAndIncrement() == 0) {
                e.getResponseHeaders().set("Retry-After", "1");
                LoopbackServer.send(e, 503, "text/plain", "busy");
            } else {
                LoopbackServer.send(e, 200, HTML, "<p>ready</p>");
            }
        });

        FetchedPage page = fetcher().fetch(site.url("/busy"), Validators.NONE);

        assertEquals(200, page.status());
        List<LoopbackServer.Seen> tries = site.seen("/busy");
        assertEquals(2, tries.size());
        assertTrue(tries.get(1).start() - tries.get(0).end() >= TimeUnit.MILLISECONDS.toNanos(900));
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnceSayingWhenToComeBack() {
        site.on("/later", e -> {
            e.getResponseHeaders().set("Retry-After", "3600");
            LoopbackServer.send(e, 429, "text/plain", "slow down");
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(site.url("/later"), Validators.NONE));

        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(429, e.httpStatus());
        assertTrue(e.getMessage().endsWith("HTTP 429 (Too Many Requests) and asked to come back in 3600 s; try again"
                + " later"), e.getMessage());
        assertEquals(1, site.seen("/later").size());
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch("http://127.0.0.1:" + closedPort + "/", Validators.NONE));

        assertEquals(Reason.NETWORK, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1 could not be connected to"), e.getMessage());
    }

    @Test
    void theDefaultsSendNoCredentialsAndNoCookiesBack() throws Exception {
        site.on("/cookie", e -> {
            e.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
            LoopbackServer.send(e, 200, HTML, "<p>cookie</p>");
        }).page("/after", HTML, "<p>after</p>");
        PageFetcher fetcher = fetcher();

        fetcher.fetch(site.url("/cookie"), Validators.NONE);
        fetcher.fetch(site.url("/after"), Validators.NONE);

        assertNull(site.seen("/after").get(0).headers().getFirst("Cookie"));
        assertNull(site.seen("/after").get(0).headers().getFirst("Authorization"));
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
