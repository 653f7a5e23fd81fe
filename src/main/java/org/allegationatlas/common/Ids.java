package org.allegationatlas.common;

/** GraphQL IDs of stored rows are their numeric keys, as strings. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String id, String what) {
        try {
            return Long.parseLong(id.trim());
        } catch (RuntimeException e) {
            throw ApiException.validation("id: \"" + id + "\" is not " + what + " id; ids are the digits the API returned");
        }
    }
}
