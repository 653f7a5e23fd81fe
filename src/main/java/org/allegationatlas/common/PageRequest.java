package org.allegationatlas.common;

/** first/after of a connection, checked: {@code first} is within 0..max, the cursor well-formed. */
public record PageRequest(int first, Cursor after) {

    /** Page size when a client gives none (the contract's default). */
    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer first, String after, int maxPageSize) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > maxPageSize) {
            throw ApiException.validation("first: " + size + " is out of range; ask for 0 to " + maxPageSize
                    + " items a page and follow pageInfo.endCursor for more");
        }
        return new PageRequest(size, Cursor.decode(after));
    }

    /** Rows to fetch: one more than the page, to know whether a next page exists. */
    public int fetchSize() {
        return first + 1;
    }
}
