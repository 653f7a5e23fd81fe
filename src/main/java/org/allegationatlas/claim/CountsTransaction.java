package org.allegationatlas.claim;

import java.sql.Connection;
import java.sql.SQLException;

import org.allegationatlas.common.data.ConnectionSettings;

import io.agroal.api.AgroalDataSource;

/**
 * One transaction of counts maintenance on a connection of its own, without the statement timeout (which is for
 * callers' reads: adding a million-row tally or counting every claim again may rightly take minutes): committed
 * when the work returns, rolled back when it throws.
 */
final class CountsTransaction {

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private CountsTransaction() {
    }

    static <T> T run(AgroalDataSource dataSource, String failure, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            ConnectionSettings.liftStatementTimeout(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
    }
}
