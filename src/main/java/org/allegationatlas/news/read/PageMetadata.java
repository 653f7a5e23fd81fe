package org.allegationatlas.news.read;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a page says about its article, the page's own statements first: JSON-LD, then OpenGraph and other
 * {@code <meta>} tags, {@code <link rel=canonical>}, {@code <html lang>}, {@code <time datetime>}; then the URL
 * (a date in its path) and the visible text near the headline. Read before the body is cleaned, as scripts and
 * meta tags are among what cleaning removes.
 */
record PageMetadata(String title, List<String> headlines, String visibleHeadline, String publisher, LocalDate publishedOn, String language,
        String canonicalUrl, String statedBody) {

    /** Meta tags that carry the publication date, most specific first (name, property or itemprop). */
    private static final List<String> DATE_META = List.of("article:published_time", "og:article:published_time",
            "article.published", "published_time", "og:published_time", "datepublished", "parsely-pub-date",
            "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "pub_date",
            "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
            "article:published", "date", "originalpublicationdate", "cxenseparse:recs:publishtime", "release_date",
            "content_create_date", "created", "og:updated_time", "article:modified_time");
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d\\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|\\.|$)");
    private static final Pattern URL_MONTH_NAME_DATE = Pattern.compile(
            "(?i)/((?:19|20)\\d\\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(0?[1-9]|[12]\\d|3[01])/");
    private static final Pattern URL_COMPACT_DATE = Pattern.compile("[/_-]((?:19|20)\\d\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])[/_-]");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»«/]\\s+|\\s+::\\s+");
    private static final Pattern HOST_LIKE = Pattern.compile("(?i)^(https?://)?(www\\.)?[\\p{L}\\d-]+(\\.[\\p{L}\\d-]+)+/?$");

    static PageMetadata read(Document document, String url) {
        JsonLd.Article ld = JsonLd.read(document);
        Element head = document.head();
        Map<String, String> metas = metas(document);

        String siteName = null;
        String publisher = null;
        for (String candidate : new String[] { ld.publisher(), metas.get("og:site_name"), metas.get("application-name"),
                metas.get("publisher"), metas.get("dc.publisher") }) {
            String name = siteName(candidate);
            if (siteName == null) {
                siteName = name;
            }
            if (publisher == null) {
                publisher = notAHost(name, url);
            }
        }

        List<String> headlines = new ArrayList<>();
        addIfPresent(headlines, ld.headline());
        addIfPresent(headlines, metas.get("og:title"));
        addIfPresent(headlines, metas.get("twitter:title"));
        addIfPresent(headlines, document.title());
        Element h1 = document.body() == null ? null : document.body().selectFirst("h1");
        String shown = h1 == null ? null : h1.text().strip();
        String title = null;
        for (String headline : headlines) {
            title = withoutSiteName(headline, siteName, url);
            break;
        }
        // "Headline | Section": the page's visible headline, when the title holds it whole
        if (title != null && ld.headline() == null && shown != null && shown.split("\\s+").length >= 3
                && !comparable(shown).equals(comparable(title)) && comparable(title).contains(comparable(shown))) {
            title = shown;
        }
        if (title == null && shown != null && !shown.isEmpty()) {
            title = shown;
        }
        if (title != null) {
            headlines.add(0, title);
        }
        if (publisher == null) {
            publisher = fromTitleSuffix(document.title(), url);
        }

        String canonical = firstNonBlank(absolute(document.selectFirst("link[rel~=(?i)^canonical$]"), "href"),
                metas.get("og:url"), ld.url());
        canonical = absoluteUrl(canonical, url);

        String language = Languages.tag(ld.language());
        if (language == null) {
            language = Languages.tag(document.selectFirst("html") == null ? null : document.selectFirst("html").attr("lang"));
        }
        if (language == null) {
            language = Languages.tag(firstNonBlank(httpEquiv(head, "content-language"), metas.get("language"),
                    metas.get("dc.language"), metas.get("og:locale")));
        }

        LocalDate date = date(document, metas, ld, url, headlines);
        return new PageMetadata(title, headlines, shown, publisher, date, language, canonical != null ? canonical : url,
                ld.articleBody());
    }

    /**
     * The metadata's date (JSON-LD, then meta tags, then {@code <time datetime>}); a timestamp in UTC yields to the
     * day the page shows or its URL names when that is the day before or after (an evening story in New York is
     * stamped with the next day in UTC). Without metadata: the URL's date, a {@code <time>}'s text, a date near the headline.
     */
    private static LocalDate date(Document document, Map<String, String> metas, JsonLd.Article ld, String url, List<String> headlines) {
        String stamp = ld.datePublished();
        LocalDate date = Dates.parse(stamp);
        for (int i = 0; date == null && i < DATE_META.size(); i++) {
            stamp = metas.get(DATE_META.get(i));
            date = Dates.parse(stamp);
        }
        if (date == null) {
            for (Element time : document.select("time[datetime], [itemprop=datePublished][datetime]")) {
                stamp = time.attr("datetime");
                date = Dates.parse(stamp);
                if (date != null) {
                    break;
                }
            }
        }
        LocalDate local = urlDate(url);
        if (local == null) {
            local = shownDate(document, headlines);
        }
        if (date == null) {
            return local;
        }
        if (local != null && Dates.isLocalDayOf(local, stamp, date)) {
            return local;
        }
        return date;
    }

    /** "/2019/11/18/", "/2019-11-18-", "/2019/nov/18/", "/20191118/". */
    private static LocalDate urlDate(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
            return Dates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
        }
        m = URL_MONTH_NAME_DATE.matcher(url);
        if (m.find()) {
            return Dates.inText(m.group(2) + " " + m.group(3) + ", " + m.group(1));
        }
        m = URL_COMPACT_DATE.matcher(url);
        if (m.find()) {
            return Dates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
        }
        return null;
    }

    /** The date the page shows: a {@code <time>}'s text, else a date written near the headline. */
    private static LocalDate shownDate(Document document, List<String> headlines) {
        for (Element time : document.select("time")) {
            LocalDate date = Dates.inText(time.text());
            if (date != null) {
                return date;
            }
        }
        return nearHeadline(document, headlines);
    }

    /** A date written in the text just after the headline (a byline's "November 18, 2019"). */
    private static LocalDate nearHeadline(Document document, List<String> headlines) {
        Element h1 = document.body() == null ? null : document.body().selectFirst("h1");
        if (h1 == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Element e = h1; e != null && text.length() < 1500; e = e.parent()) {
            Element next = e.nextElementSibling();
            while (next != null && text.length() < 1500) {
                text.append(next.text()).append(' ');
                next = next.nextElementSibling();
            }
        }
        return Dates.inText(text.length() > 1500 ? text.substring(0, 1500) : text.toString());
    }

    /** The headline without its " | Site" or "Site - " part. */
    static String withoutSiteName(String title, String siteName, String url) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title.strip();
        }
        String site = siteName == null ? null : comparable(siteName);
        String hostLabel = hostLabel(url);
        List<String> kept = new ArrayList<>(List.of(parts));
        // strip from either end the parts that name the site
        while (kept.size() > 1 && namesSite(kept.get(kept.size() - 1), site, hostLabel)) {
            kept.remove(kept.size() - 1);
        }
        while (kept.size() > 1 && namesSite(kept.get(0), site, hostLabel)) {
            kept.remove(0);
        }
        if (kept.size() == parts.length) {
            return title.strip();
        }
        // the separators inside what is left are the headline's own
        int start = title.indexOf(kept.get(0));
        String last = kept.get(kept.size() - 1);
        int end = title.lastIndexOf(last) + last.length();
        return start >= 0 && end > start ? title.substring(start, end).strip() : String.join(" - ", kept);
    }

    private static boolean namesSite(String part, String site, String hostLabel) {
        String p = comparable(part);
        if (p.isEmpty()) {
            return true;
        }
        if (site != null && p.equals(site)) {
            return true;
        }
        // "Sportsnet.ca", "Vortex Cannon Entertainment" on vortexcannon.org
        return hostLabel != null && startsWithHost(p, hostLabel);
    }

    /** "Headline - 9to5Mac" on 9to5mac.com: the suffix is the site's name as the site writes it. */
    private static String fromTitleSuffix(String title, String url) {
        String hostLabel = hostLabel(url);
        if (title == null || hostLabel == null) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(title);
        for (String part : new String[] { parts[parts.length - 1], parts[0] }) {
            if (parts.length > 1 && startsWithHost(comparable(part), hostLabel)) {
                return notAHost(part.strip(), url);
            }
        }
        return null;
    }

    /** A short name that starts as the host does: "sportsnet ca", "vortex cannon entertainment" on vortexcannon.org. */
    private static boolean startsWithHost(String comparableName, String hostLabel) {
        String joined = comparableName.replace(" ", "");
        return hostLabel.length() >= 4 && joined.startsWith(hostLabel) && joined.length() <= hostLabel.length() + 15
                && comparableName.split(" ").length <= 4;
    }

    /** "www.the-guardian.co.uk" -> "theguardian": the label before the public suffix, letters and digits only. */
    static String hostLabel(String url) {
        String host = host(url);
        if (host == null) {
            return null;
        }
        String[] labels = host.split("\\.");
        int i = labels.length - 2;
        // co.uk, com.br, co.id: a short second-level label belongs to the suffix
        if (i > 0 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
            i--;
        }
        return i >= 0 ? labels[i].replaceAll("[^a-z0-9]", "") : null;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String comparable(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A publisher's name, never a host name ("example.org", "www.example.org"): null then. */
    private static String notAHost(String name, String url) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String s = name.strip();
        if (HOST_LIKE.matcher(s).matches()) {
            return null;
        }
        String host = host(url);
        return host != null && s.equalsIgnoreCase(host) ? null : s;
    }

    /** Every meta tag's value by its property, name or itemprop (lower-cased; the first of a name wins). */
    private static Map<String, String> metas(Document document) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : document.getElementsByTag("meta")) {
            String content = meta.hasAttr("content") ? meta.attr("content") : meta.attr("datetime");
            if (content.isBlank()) {
                continue;
            }
            for (String attribute : new String[] { "property", "name", "itemprop" }) {
                String name = meta.attr(attribute);
                if (!name.isEmpty()) {
                    metas.putIfAbsent(name.toLowerCase(Locale.ROOT), content.strip());
                }
            }
        }
        return metas;
    }

    private static String httpEquiv(Element head, String name) {
        if (head == null) {
            return null;
        }
        for (Element meta : head.getElementsByTag("meta")) {
            if (meta.attr("http-equiv").equalsIgnoreCase(name) && !meta.attr("content").isBlank()) {
                return meta.attr("content");
            }
        }
        return null;
    }

    private static String absolute(Element e, String attribute) {
        if (e == null) {
            return null;
        }
        String value = e.absUrl(attribute);
        return value.isEmpty() ? blankToNull(e.attr(attribute)) : value;
    }

    private static String absoluteUrl(String href, String base) {
        if (href == null) {
            return null;
        }
        try {
            URI uri = base == null ? URI.create(href.strip()) : URI.create(base.strip()).resolve(href.strip());
            return uri.isAbsolute() ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            // JSON-LD and meta values carry entities now and then ("&#8217;"): as the text shows them
            list.add(Parser.unescapeEntities(value, false).strip().replaceAll("\\s+", " "));
        }
    }

    /** "Autoracing | F1 | Indy" -> "Autoracing"; a social handle ("@politifact") names no publisher. */
    private static String siteName(String value) {
        if (value == null || value.isBlank() || value.strip().startsWith("@")) {
            return null;
        }
        String name = Parser.unescapeEntities(value, false).strip();
        int bar = name.indexOf(" | ");
        return bar > 0 ? name.substring(0, bar).strip() : name;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
