package org.allegationatlas.news.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The article a page describes in its JSON-LD ({@code <script type="application/ld+json">}): the first object typed
 * as an article (NewsArticle, ReportageNewsArticle, BlogPosting ..., in arrays and {@code @graph}s too), its
 * publisher resolved through {@code @id} when the graph names it elsewhere. Jackson reads it, leniently (comments,
 * single quotes, trailing commas, raw line breaks in strings); a script it still cannot read gives up its
 * {@code "datePublished"}, {@code "headline"} ... to a plain pattern instead.
 */
final class JsonLd {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_MISSING_VALUES)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
            "satiricalarticle", "blogposting", "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle",
            "report", "advertisercontentarticle", "discussionforumposting", "review");

    /** The fields read from the article object (or from a broken script by pattern). */
    record Article(String headline, String datePublished, String publisher, String language, String url, String articleBody) {
        static final Article NONE = new Article(null, null, null, null, null, null);
    }

    private JsonLd() {
    }

    static Article read(Document document) {
        List<JsonNode> objects = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Element script : document.select("script[type~=(?i)application/ld\\+json]")) {
            String json = unwrap(script.data());
            if (json.isEmpty()) {
                continue;
            }
            try (JsonParser parser = LENIENT.createParser(json)) {
                Iterator<JsonNode> values = LENIENT.readValues(parser, JsonNode.class);
                while (values.hasNext()) {
                    flatten(values.next(), objects);
                }
            } catch (IOException | RuntimeException e) {
                broken.add(json);
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode object : objects) {
            String id = text(object.get("@id"));
            if (id != null) {
                byId.putIfAbsent(id, object);
            }
        }
        for (JsonNode object : objects) {
            if (isArticle(object)) {
                return article(object, byId);
            }
        }
        for (String json : broken) {
            Article article = byPattern(json);
            if (article.headline() != null || article.datePublished() != null) {
                return article;
            }
        }
        return Article.NONE;
    }

    private static Article article(JsonNode a, Map<String, JsonNode> byId) {
        String headline = first(text(a.get("headline")), text(a.get("name")));
        String date = first(text(a.get("datePublished")), text(a.get("dateCreated")));
        String publisher = name(resolve(a.get("publisher"), byId));
        String language = language(a.get("inLanguage"));
        if (language == null) {
            JsonNode page = resolve(a.get("isPartOf"), byId);
            language = page == null ? null : language(page.get("inLanguage"));
        }
        String url = first(text(a.get("url")), id(a.get("mainEntityOfPage")));
        return new Article(headline, date, publisher, language, url, text(a.get("articleBody")));
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, into));
        } else if (node.isObject()) {
            into.add(node);
            flatten(node.get("@graph"), into);
            JsonNode main = node.get("mainEntity");
            if (main != null && main.isObject()) {
                flatten(main, into);
            }
        }
    }

    private static boolean isArticle(JsonNode object) {
        JsonNode type = object.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asText().toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT));
    }

    /** An object referred to by {@code {"@id": ...}} alone: the graph's object of that id. */
    private static JsonNode resolve(JsonNode node, Map<String, JsonNode> byId) {
        if (node != null && node.isArray() && !node.isEmpty()) {
            node = node.get(0);
        }
        if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
            JsonNode target = byId.get(node.get("@id").asText());
            return target != null ? target : node;
        }
        return node;
    }

    private static String name(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return blankToNull(node.asText());
        }
        return text(node.get("name"));
    }

    private static String language(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return first(text(node.get("alternateName")), text(node.get("name")));
        }
        return text(node);
    }

    private static String id(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isObject() ? text(node.get("@id")) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        return node.isValueNode() ? blankToNull(node.asText()) : null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Without the HTML comment or CDATA some pages wrap their JSON in, and a trailing semicolon. */
    private static String unwrap(String data) {
        String s = data.strip();
        if (s.startsWith("<!--")) {
            s = s.substring(4);
        }
        if (s.endsWith("-->")) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.strip();
        if (s.startsWith("//<![CDATA[") || s.startsWith("<![CDATA[")) {
            s = s.substring(s.indexOf('[', 3) + 1);
            int end = s.lastIndexOf("]]>");
            if (end >= 0) {
                s = s.substring(0, end);
            }
            s = s.strip();
            if (s.endsWith("//")) {
                s = s.substring(0, s.length() - 2);
            }
        }
        s = s.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static Article byPattern(String json) {
        return new Article(field(json, "headline"), first(field(json, "datePublished"), field(json, "dateCreated")),
                null, field(json, "inLanguage"), null, null);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,500})\"").matcher(json);
        return m.find() ? blankToNull(m.group(1).replace("\\/", "/").replace("\\\"", "\"")) : null;
    }
}
