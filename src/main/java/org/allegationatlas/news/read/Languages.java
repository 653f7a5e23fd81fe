package org.allegationatlas.news.read;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declared language as the primary BCP-47 subtag the rest of the pipeline compares ("en-US", "en_GB" -> "en";
 * the legacy "in" -> "id"; "English" -> "en"). Null for what names no language ("x-default", "", "und").
 */
final class Languages {

    private static final Pattern TAG = Pattern.compile("^\\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\\s*(?:[,;].*)?$");
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("english", "en"),
            Map.entry("indonesian", "id"), Map.entry("bahasa indonesia", "id"), Map.entry("german", "de"),
            Map.entry("french", "fr"), Map.entry("spanish", "es"), Map.entry("portuguese", "pt"),
            Map.entry("russian", "ru"), Map.entry("korean", "ko"), Map.entry("italian", "it"), Map.entry("dutch", "nl"),
            Map.entry("japanese", "ja"), Map.entry("chinese", "zh"), Map.entry("arabic", "ar"), Map.entry("malay", "ms"));

    private Languages() {
    }

    static String tag(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String named = NAMES.get(declared.strip().toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Matcher m = TAG.matcher(declared);
        if (!m.matches()) {
            return null;
        }
        String language = Locale.forLanguageTag(m.group(1).toLowerCase(Locale.ROOT)).getLanguage();
        if (language.isEmpty() || language.equals("und") || language.equals("zxx") || language.equals("mul")) {
            return null;
        }
        return language.equals("in") ? "id" : language;
    }
}
