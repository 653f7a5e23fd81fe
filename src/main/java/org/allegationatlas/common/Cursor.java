package org.allegationatlas.common;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort key and id of the last row a page returned.
 * Clients must treat it as opaque; the "v1" prefix lets the format change later.
 */
public record Cursor(String sortKey, long id) {

    private static final String PREFIX = "v1:";

    public String encode() {
        String raw = PREFIX + id + ":" + (sortKey == null ? "-" : "=" + sortKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null when {@code after} is null or blank: the first page. */
    public static Cursor decode(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                String rest = raw.substring(PREFIX.length());
                int colon = rest.indexOf(':');
                long id = Long.parseLong(rest.substring(0, colon));
                String key = rest.substring(colon + 1);
                if (key.equals("-")) {
                    return new Cursor(null, id);
                }
                if (key.startsWith("=")) {
                    return new Cursor(key.substring(1), id);
                }
            }
        } catch (RuntimeException malformed) {
            // fall through to the error below
        }
        throw ApiException.validation("after: \"" + after + "\" is not a cursor of this list; "
                + "pass an endCursor or edge cursor this list returned, or omit it for the first page");
    }

    /** The sort key of a list ordered by a date; a VALIDATION error when the cursor came from another list. */
    public LocalDate dateKey() {
        try {
            return sortKey == null ? null : LocalDate.parse(sortKey);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("after: \"" + encode() + "\" is a cursor of another list; pass a cursor this list returned");
        }
    }
}
