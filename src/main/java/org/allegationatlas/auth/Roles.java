package org.allegationatlas.auth;

/** The two roles of the API: editors write (and read), readers read. */
public final class Roles {

    public static final String EDITOR = "editor";
    public static final String READER = "reader";

    private Roles() {
    }
}
