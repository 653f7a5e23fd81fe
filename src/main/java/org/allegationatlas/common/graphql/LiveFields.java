package org.allegationatlas.common.graphql;

import java.util.Set;

/**
 * Root query fields whose answers do not follow the data version: read from outside the database (a web page
 * changes without the database changing) or from state that writes do not version (a feed's last poll). The
 * response cache never keeps an answer to a query that asks for one of them. A feature declares its own as
 * an application-scoped bean implementing this.
 */
public interface LiveFields {

    /** The names of the root query fields, e.g. {@code previewPage}. */
    Set<String> rootFields();
}
