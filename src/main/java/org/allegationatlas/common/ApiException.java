package org.allegationatlas.common;

/**
 * A client's mistake or a missing thing, reported as a GraphQL error whose
 * {@code extensions.code} is {@link #code()} and whose message is shown as is.
 * Anything else thrown reaches the client only as an opaque internal error.
 */
public class ApiException extends RuntimeException {

    public static final String VALIDATION = "VALIDATION";
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The request contradicts what is stored (e.g. it would overwrite curated work). */
    public static final String CONFLICT = "CONFLICT";

    private final String code;

    public ApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static ApiException validation(String message) {
        return new ApiException(VALIDATION, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(NOT_FOUND, message);
    }

    public String code() {
        return code;
    }
}
