package org.allegationatlas.common;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP-47 language tags, checked and in their canonical spelling ("id", "en-US"). */
public final class Languages {

    private Languages() {
    }

    /** @return the canonical tag, or null for null; a VALIDATION error for a malformed tag. */
    public static String canonical(String tag, String field) {
        if (tag == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ApiException.validation(field + ": \"" + tag + "\" is not a BCP-47 language tag; use e.g. \"id\", \"en\" or \"en-GB\"");
        }
    }
}
