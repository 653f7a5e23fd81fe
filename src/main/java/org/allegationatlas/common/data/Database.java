package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The databases the app runs on, told apart by the connection itself rather than by its URL. */
enum Database {
    H2, POSTGRESQL, OTHER;

    static Database of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        return "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : OTHER;
    }

    /** An H2 setting as INFORMATION_SCHEMA.SETTINGS shows it, or null. */
    static String h2Setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
