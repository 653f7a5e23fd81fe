package org.allegationatlas.news.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.allegationatlas.news.fetch.CheckedDnsResolver.AddressPolicy;
import org.allegationatlas.news.fetch.CheckedDnsResolver.AddressRefused;
import org.allegationatlas.news.fetch.CheckedDnsResolver.NameResolver;
import org.allegationatlas.news.fetch.FetchException.Reason;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.DeflateInputStreamFactory;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fetches web pages and feeds for "news in": the only code of the service that opens network
 * connections. It refuses URLs it must not fetch (schemes, user names, private addresses: see
 * {@link AddressRules}, checked on the address each connection really uses, redirects included),
 * and is a good citizen towards the sites it reads: robots.txt honoured, one request at a time per
 * host with a pause between, conditional GET, compression, a size limit, bounded retries, and a
 * User-Agent that says who is asking. docs/fetching.md tells the rules and settings.
 */
@ApplicationScoped
public class PageFetcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PageFetcher.class);

    /** A non-2xx body up to this size is read to the end so the connection can be reused. */
    private static final int SMALL_BODY = 64 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /**
     * What one request accepts: its content types ({@code anyType}: all), which of them are cut at
     * {@code maxBytes} rather than refused ({@code cutAll}: all), and how to name it in messages.
     */
    private record Accepting(Set<String> types, boolean anyType, Set<String> cutTypes, boolean cutAll, long maxBytes,
            String what, String acceptHeader) {

        boolean accepts(String mediaType) {
            return anyType || types.contains(mediaType);
        }

        boolean cuts(String mediaType) {
            return cutAll || cutTypes.contains(mediaType);
        }
    }

    /** One HTTP answer, its body read (2xx) or skipped. */
    private record Answer(int status, String contentType, byte[] body, boolean truncated, String location,
            String etag, String lastModified, String retryAfter) {
    }

    private final FetchSettings settings;
    private final String userAgent;
    private final CheckedDnsResolver resolver;
    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor alarms;
    private final HostTurns turns;
    private final Robots robots;
    private final Accepting pages;
    private final Accepting feeds;
    private final Accepting pagesOrFeeds;
    private final Accepting robotsFile;

    @Inject
    PageFetcher(FetchSettings settings,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this(settings, version, NameResolver.SYSTEM, new AddressRules(settings.allowPrivateAddresses())::refusal);
    }

    /** With stand-ins for DNS and for the address rules (tests: a "public" name that is really 127.0.0.1). */
    PageFetcher(FetchSettings settings, String version, NameResolver names, AddressPolicy policy) {
        this.settings = settings;
        this.userAgent = Robots.ROBOT_NAME + "/" + version
                + settings.contact().filter(c -> !c.isBlank()).map(c -> " (+" + c.strip() + ")").orElse("");
        this.resolver = new CheckedDnsResolver(names, policy, settings.allowPrivateAddresses());
        this.client = buildClient(settings, resolver, userAgent);
        this.alarms = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "atlas-fetch-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.alarms.setRemoveOnCancelPolicy(true);
        Duration longestPause = max(settings.hostDelay(), settings.crawlDelayCap());
        this.turns = new HostTurns(longestPause);
        this.robots = new Robots(settings.robotsCacheTtl(), settings.robotsErrorTtl());
        long maxPage = settings.maxPageSize().asLongValue();
        Set<String> pageTypes = mediaTypes(settings.pageTypes());
        Set<String> feedTypes = mediaTypes(settings.feedTypes());
        Set<String> both = new LinkedHashSet<>(pageTypes);
        both.addAll(feedTypes);
        // a cut HTML page still reads (the article is near its top); a cut XML document does not parse
        this.pages = new Accepting(pageTypes, false, pageTypes, false, maxPage, "a web page", String.join(", ", pageTypes));
        this.feeds = new Accepting(feedTypes, false, Set.of(), false, maxPage, "a feed", String.join(", ", feedTypes));
        this.pagesOrFeeds = new Accepting(both, false, pageTypes, false, maxPage, "a web page or a feed",
                String.join(", ", both));
        // RFC 9309: parse at least the first 500 KiB of a longer one
        this.robotsFile = new Accepting(Set.of(), true, Set.of(), true, settings.robotsMaxSize().asLongValue(),
                "robots.txt", "text/plain");
    }

    /** The User-Agent sent with every request. */
    public String userAgent() {
        return userAgent;
    }

    /** Fetches a web page (HTML, XHTML). */
    public FetchedPage fetch(String url, Validators conditional) throws FetchException {
        return fetch(url, conditional, FetchKind.PAGE);
    }

    /**
     * Fetches {@code url}, following redirects, honouring robots.txt and the host's turn, within
     * {@code atlas.fetch.deadline} all included.
     *
     * @param conditional the validators of the last fetch of this URL ({@link Validators#NONE} if none):
     *                    an unchanged page comes back as {@link FetchedPage#notModified()}
     */
    public FetchedPage fetch(String url, Validators conditional, FetchKind kind) throws FetchException {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        Validators validators = conditional == null ? Validators.NONE : conditional;
        Accepting accepting = switch (kind == null ? FetchKind.PAGE : kind) {
            case PAGE -> pages;
            case FEED -> feeds;
            case PAGE_OR_FEED -> pagesOrFeeds;
        };
        String asked = url == null ? "" : url.strip();
        URI hop = checkUrl(asked, asked, "");
        for (int redirects = 0;; redirects++) {
            String context = redirects == 0 ? "" : "redirected to " + hop + ": ";
            checkAddress(hop, asked, context);
            Robots.Verdict verdict = robotsFor(hop, asked, deadline);
            if (!verdict.isAllowed(hop.toString())) {
                throw verdict.closedBecause() != null
                        ? new FetchException(Reason.ROBOTS_UNAVAILABLE, asked, context + verdict.closedBecause())
                        : new FetchException(Reason.ROBOTS_DISALLOWED, asked, context + verdict.robotsUrl()
                                + " does not allow " + Robots.ROBOT_NAME + " to fetch " + hop.getRawPath()
                                + "; the service honours robots.txt");
            }
            Duration pause = max(settings.hostDelay(), min(verdict.crawlDelay(), settings.crawlDelayCap()));
            URI current = hop;
            Answer answer = turns.inTurn(host(hop), pause, deadline, asked,
                    pacing -> withRetries(pacing, current, validators, accepting, asked, context, deadline));
            if (REDIRECTS.contains(answer.status()) && answer.location() != null) {
                if (redirects >= settings.maxRedirects()) {
                    throw new FetchException(Reason.TOO_MANY_REDIRECTS, asked, "more than "
                            + settings.maxRedirects() + " redirects (the last to " + answer.location() + ")");
                }
                hop = checkUrl(resolve(hop, answer.location()), asked, "redirected to ");
                continue;
            }
            if (answer.status() == 304 && !validators.isEmpty()) {
                return new FetchedPage(asked, hop.toString(), 304, null, new byte[0], false,
                        firstNonNull(answer.etag(), validators.etag()),
                        firstNonNull(answer.lastModified(), validators.lastModified()), true);
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                return new FetchedPage(asked, hop.toString(), answer.status(), answer.contentType(), answer.body(),
                        answer.truncated(), answer.etag(), answer.lastModified(), false);
            }
            throw statusFailure(answer, asked, context);
        }
    }

    // ---- one URL: parse and refuse what must not be fetched ----

    /** The URL as the client will send it, or why it is refused; {@code context} prefixes the message. */
    private static URI checkUrl(String url, String asked, String context) throws FetchException {
        String shown = context + url;
        URI uri;
        try {
            uri = new URI(encodeLoosely(url));
        } catch (URISyntaxException e) {
            throw new FetchException(Reason.BAD_URL, asked, (context.isEmpty() ? "" : shown + ": ")
                    + "not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new FetchException(Reason.BAD_URL, asked, prefix(context, url)
                    + "not an absolute URL; give the whole address, starting with https://");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(Reason.SCHEME_REFUSED, asked, prefix(context, url)
                    + "the service fetches only http and https URLs, not " + scheme + ":");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().contains("@")) {
            throw new FetchException(Reason.BAD_URL, asked, prefix(context, url) + "the URL carries a user name"
                    + " (the part before @); the service never sends credentials, so give the URL without it");
        }
        if (uri.getHost() == null) {
            throw new FetchException(Reason.BAD_URL, asked, prefix(context, url) + "the URL has no host name"
                    + " the service can read");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new FetchException(Reason.BAD_URL, asked, prefix(context, url) + "port " + uri.getPort()
                    + " does not exist");
        }
        try {
            // no fragment (never sent), and "/" for an empty path so relative redirects resolve
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new URI(scheme + "://" + uri.getRawAuthority() + path + query);
        } catch (URISyntaxException e) {
            throw new FetchException(Reason.BAD_URL, asked, prefix(context, url) + "not a URL (" + e.getReason() + ")");
        }
    }

    private static String prefix(String context, String url) {
        return context.isEmpty() ? "" : context + url + ": ";
    }

    /** Percent-encodes what people paste but URIs forbid: spaces and non-ASCII characters (as UTF-8). */
    private static String encodeLoosely(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`'
                    && c != '{' && c != '|' && c != '}') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
            for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = end - 1;
        }
        return out == null ? url : out.toString();
    }

    private static String resolve(URI base, String location) {
        try {
            return base.resolve(new URI(encodeLoosely(location.strip()))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location; // checkUrl reports it
        }
    }

    /** Refuses a host whose every address is refused, before anything is sent (the connection checks again). */
    private void checkAddress(URI uri, String asked, String context) throws FetchException {
        try {
            resolver.resolve(uri.getHost());
        } catch (AddressRefused e) {
            throw new FetchException(Reason.ADDRESS_REFUSED, asked, context + e.getMessage());
        } catch (UnknownHostException e) {
            throw new FetchException(Reason.NETWORK, asked, context + uri.getHost() + " does not resolve (no such"
                    + " host, or DNS did not answer)");
        }
    }

    // ---- robots.txt ----

    private Robots.Verdict robotsFor(URI page, String asked, long deadline) throws FetchException {
        String site = site(page);
        Optional<Robots.Verdict> known = robots.cached(site);
        if (known.isPresent()) {
            return known.get();
        }
        // in the host's turn: callers that wait for it find the file read by the one before them
        return turns.inTurn(host(page), settings.hostDelay(), deadline, asked, pacing -> {
            Optional<Robots.Verdict> meanwhile = robots.cached(site);
            return meanwhile.isPresent() ? meanwhile.get() : readRobots(site, pacing, asked, deadline);
        });
    }

    private Robots.Verdict readRobots(String site, HostTurns.Pacing pacing, String asked, long deadline)
            throws FetchException {
        String robotsUrl = site + "/robots.txt";
        URI hop = URI.create(robotsUrl);
        String context = "reading " + robotsUrl + ": ";
        for (int redirects = 0;; redirects++) {
            Answer answer;
            try {
                answer = withRetries(pacing, hop, Validators.NONE, robotsFile, asked, context, deadline);
            } catch (FetchException e) {
                if (redirects > 0 && e.reason() == Reason.ADDRESS_REFUSED) {
                    return robots.closed(site, robotsUrl, "redirected to " + hop + ", which the service does not fetch");
                }
                throw e; // no answer: nothing to keep, the page's fetch fails with it
            }
            if (REDIRECTS.contains(answer.status()) && answer.location() != null) {
                if (redirects >= settings.maxRedirects()) {
                    return robots.closed(site, robotsUrl, "redirected more than " + settings.maxRedirects() + " times");
                }
                String next = resolve(hop, answer.location());
                try {
                    hop = checkUrl(next, asked, "redirected to ");
                } catch (FetchException e) {
                    return robots.closed(site, robotsUrl, "redirected to " + next + ", which the service does not fetch");
                }
                continue;
            }
            return robots.answered(site, robotsUrl, answer.status(), answer.body(), answer.contentType());
        }
    }

    // ---- one request, with retries ----

    /** Sends one request, again after a backoff for a transient failure (connection, 429, 503). */
    private Answer withRetries(HostTurns.Pacing pacing, URI uri, Validators validators, Accepting accepting,
            String asked, String context, long deadline) throws FetchException {
        for (int attempt = 0;; attempt++) {
            Answer answer;
            try {
                answer = pacing.request(() -> exchange(uri, validators, accepting, asked, context, deadline));
            } catch (FetchException e) {
                if (!e.isRetriable() || attempt >= settings.retries()) {
                    throw e;
                }
                long wait = backoff(attempt);
                if (System.nanoTime() + wait >= deadline) {
                    throw e;
                }
                LOG.debugf("%s: %s; again in %d ms", uri, e.detail(), TimeUnit.NANOSECONDS.toMillis(wait));
                HostTurns.sleepUntil(System.nanoTime() + wait, asked);
                continue;
            }
            if ((answer.status() == 429 || answer.status() == 503) && attempt < settings.retries()) {
                Optional<Duration> asksFor = retryAfter(answer.retryAfter());
                long wait = asksFor.map(Duration::toNanos).orElse(backoff(attempt));
                if (wait <= settings.retryAfterCap().toNanos() && System.nanoTime() + wait < deadline) {
                    HostTurns.sleepUntil(System.nanoTime() + wait, asked);
                    continue;
                }
            }
            return answer;
        }
    }

    private long backoff(int attempt) {
        return settings.retryBackoff().toNanos() << Math.min(attempt, 10);
    }

    /** Retry-After as delay-seconds or an HTTP date; empty when absent or unreadable. */
    private static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? Optional.of(Duration.ofDays(365)) : Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        Instant when = DateUtils.parseStandardDate(v);
        return when == null ? Optional.empty() : Optional.of(max(Duration.ZERO, Duration.between(Instant.now(), when)));
    }

    /** One GET: sends it, reads a 2xx body within the limits, and is cut off at the deadline. */
    private Answer exchange(URI uri, Validators validators, Accepting accepting, String asked, String context,
            long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout(asked, context);
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader(HttpHeaders.ACCEPT, accepting.acceptHeader());
        if (validators.etag() != null) {
            get.setHeader(HttpHeaders.IF_NONE_MATCH, validators.etag());
        }
        if (validators.lastModified() != null) {
            get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, validators.lastModified());
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = alarms.schedule(() -> {
            expired.set(true);
            get.cancel(); // closes the socket: a blocked connect or read ends at once
        }, left, TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        boolean reusable = false;
        try {
            response = client.executeOpen(null, get, HttpClientContext.create());
            int status = response.getCode();
            HttpEntity entity = response.getEntity();
            String contentType = header(response, HttpHeaders.CONTENT_TYPE);
            byte[] body = new byte[0];
            boolean truncated = false;
            if (status >= 200 && status < 300) {
                String mediaType = mediaType(contentType);
                if (!accepting.accepts(mediaType)) {
                    throw new FetchException(Reason.NOT_A_PAGE, asked, context + (contentType == null
                            ? "the server sent no content type"
                            : "the server sent " + mediaType) + ", not " + accepting.what()
                            + " (the service accepts " + accepting.acceptHeader() + ")");
                }
                boolean cut = accepting.cuts(mediaType);
                if (entity != null) {
                    if (!cut && entity.getContentLength() > accepting.maxBytes()) {
                        throw tooLarge(asked, context, accepting);
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream(initialSize(entity, accepting.maxBytes()));
                    truncated = readAtMost(entity, accepting.maxBytes(), out);
                    if (truncated && !cut) {
                        throw tooLarge(asked, context, accepting);
                    }
                    body = out.toByteArray();
                }
                reusable = !truncated;
            } else {
                reusable = entity == null || entity.getContentLength() >= 0 && entity.getContentLength() <= SMALL_BODY;
                if (entity != null && reusable) {
                    EntityUtils.consume(entity);
                }
            }
            return new Answer(status, contentType, body, truncated, header(response, HttpHeaders.LOCATION),
                    header(response, HttpHeaders.ETAG), header(response, HttpHeaders.LAST_MODIFIED),
                    header(response, HttpHeaders.RETRY_AFTER));
        } catch (IOException e) {
            reusable = false;
            if (expired.get()) {
                throw timeout(asked, context);
            }
            throw networkFailure(e, uri, asked, context);
        } finally {
            alarm.cancel(false);
            close(response, reusable);
        }
    }

    private static int initialSize(HttpEntity entity, long max) {
        long declared = entity.getContentLength();
        return (int) Math.min(declared > 0 ? declared : 64 * 1024, Math.min(max, 64L * 1024 * 1024));
    }

    /** Copies the (decoded) body into {@code out}, at most {@code max} bytes; true if there was more. */
    private static boolean readAtMost(HttpEntity entity, long max, ByteArrayOutputStream out) throws IOException {
        InputStream in = entity.getContent();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (total + n > max) {
                out.write(buffer, 0, (int) (max - total));
                return true;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return false;
    }

    /** Back to the pool when the answer was read to its end; else the connection is closed, nothing more read. */
    private static void close(ClassicHttpResponse response, boolean reusable) {
        if (response == null) {
            return;
        }
        try {
            if (!reusable && response instanceof CloseableHttpResponse closeable) {
                closeable.close(CloseMode.IMMEDIATE);
            } else {
                response.close();
            }
        } catch (IOException e) {
            LOG.debugf("closing a response: %s", e);
        }
    }

    // ---- failures ----

    private FetchException statusFailure(Answer answer, String asked, String context) {
        int status = answer.status();
        String phrase = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        StringBuilder detail = new StringBuilder(context).append("the server answered HTTP ").append(status);
        if (phrase != null) {
            detail.append(" (").append(phrase).append(')');
        }
        Optional<Duration> comeBack = retryAfter(answer.retryAfter());
        if ((status == 429 || status == 503) && comeBack.isPresent()) {
            detail.append(" and asked to come back in ").append(comeBack.get().toSeconds()).append(" s");
        }
        if (status >= 500 || status == 429) {
            detail.append("; try again later");
        }
        return new FetchException(Reason.HTTP_STATUS, asked, detail.toString(), status, null);
    }

    private FetchException networkFailure(IOException e, URI uri, String asked, String context) {
        String host = uri.getHost();
        if (e instanceof AddressRefused) {
            return new FetchException(Reason.ADDRESS_REFUSED, asked, context + e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(Reason.NETWORK, asked, context + host + " does not resolve (no such host,"
                    + " or DNS did not answer)");
        }
        if (e instanceof ConnectTimeoutException) {
            return new FetchException(Reason.TIMEOUT, asked, context + host + " did not accept a connection within "
                    + seconds(settings.connectTimeout()) + " (atlas.fetch.connect-timeout)").retriable();
        }
        if (e instanceof SocketTimeoutException) {
            return new FetchException(Reason.TIMEOUT, asked, context + host + " sent nothing for "
                    + seconds(settings.readTimeout()) + " (atlas.fetch.read-timeout)");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new FetchException(Reason.NETWORK, asked, context + host + " could not be connected to ("
                    + e.getMessage() + ")").retriable();
        }
        if (e instanceof NoHttpResponseException) {
            return new FetchException(Reason.NETWORK, asked, context + host + " closed the connection without"
                    + " answering").retriable();
        }
        if (e instanceof SSLException) {
            return new FetchException(Reason.NETWORK, asked, context + "the TLS connection to " + host
                    + " failed (" + e.getMessage() + ")");
        }
        return new FetchException(Reason.NETWORK, asked, context + "the connection to " + host + " failed ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    private FetchException timeout(String asked, String context) {
        return new FetchException(Reason.TIMEOUT, asked, context + "the fetch took longer than the "
                + seconds(settings.deadline()) + " it may take (atlas.fetch.deadline)");
    }

    private static FetchException tooLarge(String asked, String context, Accepting accepting) {
        return new FetchException(Reason.TOO_LARGE, asked, context + accepting.what() + " larger than "
                + accepting.maxBytes() + " bytes (atlas.fetch.max-page-size)");
    }

    // ---- helpers ----

    private static CloseableHttpClient buildClient(FetchSettings settings, CheckedDnsResolver resolver,
            String userAgent) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        // gzip and deflate only, named here: HttpClient would otherwise also offer br/zstd when it finds
        // their libraries on the class path (brotli4j is, through Quarkus), by reflection
        LinkedHashMap<String, InputStreamFactory> decoders = new LinkedHashMap<>();
        decoders.put("gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("x-gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("deflate", DeflateInputStreamFactory.getInstance());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .setMaxConnTotal(32)
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .setRedirectsEnabled(false) // followed here, each hop checked
                        .setAuthenticationEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                .setContentDecoderRegistry(decoders)
                .setUserAgent(userAgent)
                .disableRedirectHandling()
                .disableAutomaticRetries() // retried here, within the host's turn and the deadline
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** "text/html; charset=utf-8" -> "text/html". */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> mediaTypes(List<String> configured) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : configured) {
            if (!mediaType(type).isEmpty()) {
                types.add(mediaType(type));
            }
        }
        return types;
    }

    /** The site a robots.txt speaks for: scheme, host and port (RFC 9309), as a URL prefix. */
    private static String site(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return scheme + "://" + host(uri) + (defaultPort ? "" : ":" + port);
    }

    private static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    @PreDestroy
    @Override
    public void close() {
        alarms.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
