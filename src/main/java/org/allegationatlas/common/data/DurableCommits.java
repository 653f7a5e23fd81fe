package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start on an H2 database that delays writing commits: a crash would lose writes whose
 * answers said they were stored. {@link ConnectionSettings} turns the delay off on every connection;
 * this catches the case where H2 did not let it (the setting needs the database's admin user).
 * Runs before anything else at start, the seed included.
 */
@ApplicationScoped
public class DurableCommits {

    @Inject
    AgroalDataSource dataSource;

    void check(@Observes @Priority(1) StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (Database.of(connection) != Database.H2) {
                return;
            }
            String delay = Database.h2Setting(connection, "WRITE_DELAY");
            if (delay != null && !"0".equals(delay.trim())) {
                throw new IllegalStateException("The H2 database delays writing commits by " + delay.trim()
                        + " ms, so a crash would lose writes that were confirmed, and H2 did not let the app turn that off"
                        + " (SET WRITE_DELAY 0 needs the database's admin user). Connect as the admin user, or add"
                        + " ;WRITE_DELAY=0 to QUARKUS_DATASOURCE_JDBC_URL");
            }
        }
    }
}
