package org.allegationatlas.common.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.spi.StatisticsImplementor;

import io.agroal.api.AgroalDataSource;

/**
 * Read-only statements of the GraphQL read paths (a page of claims, the actors, aliases and claims of
 * a batch), run straight over JDBC into the API's records. Through Hibernate, each batch cost a JTA
 * transaction, a persistence context, managed entities with their dirty-checking snapshots and, for
 * {@code in :ids}, the translation of the query to SQL again on every call: more CPU than H2 spent
 * running the SQL. Outside a transaction every statement reads committed data on its own, as each
 * batch's own transaction did before; inside one (a write path), the data source hands out that
 * transaction's connection.
 * <p>
 * The statements still count in Hibernate's statistics ({@code hibernate_statements_total} on
 * {@code /q/metrics}, NoNPlusOneTest), so the N+1 checks see them.
 */
@ApplicationScoped
public class JdbcReads {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SessionFactory sessionFactory;

    private volatile Boolean h2;

    /** Whether the reads run on H2 (for its planner hints), told by a connection as {@link Database} tells it. */
    public boolean onH2() {
        Boolean is = h2;
        if (is == null) {
            try (Connection connection = dataSource.getConnection()) {
                h2 = is = Database.of(connection) == Database.H2;
            } catch (SQLException e) {
                throw new IllegalStateException("The database did not say what it is", e);
            }
        }
        return is;
    }

    /**
     * The rows of {@code sql}, at most {@code maxRows}. A {@link Collection} parameter is bound as one
     * SQL array, for {@code = any(?)}: one statement text whatever the number of ids, which H2 and
     * PostgreSQL answer from the primary key or index like an {@code in} list.
     */
    public <T> List<T> list(String sql, List<?> params, int maxRows, Row<T> row) {
        countStatement();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                statement.setObject(i + 1, value instanceof Collection<?> values ? array(connection, values) : value);
            }
            if (maxRows < Integer.MAX_VALUE) {
                statement.setMaxRows(maxRows);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading failed: " + e.getMessage(), e);
        }
    }

    private static java.sql.Array array(Connection connection, Collection<?> values) throws SQLException {
        Object first = values.isEmpty() ? null : values.iterator().next();
        String type = first instanceof String ? "VARCHAR" : "BIGINT";
        return connection.createArrayOf(type, values.toArray());
    }

    private void countStatement() {
        StatisticsImplementor statistics = sessionFactory.unwrap(SessionFactoryImplementor.class).getStatistics();
        if (statistics.isStatisticsEnabled()) {
            statistics.prepareStatement();
            statistics.closeStatement();
        }
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable DOUBLE column. */
    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable column holding an enum constant's name. */
    public static <E extends Enum<E>> E nullableEnum(ResultSet row, String column, Class<E> type) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
