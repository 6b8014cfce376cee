package dev.cutover.framework.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Plain JDBC for the data path (README, "Two stores"; the control plane is Panache entities): one
 * statement, positional parameters. Connections come from the JTA-aware datasource, so a call inside
 * a chunk joins the chunk's transaction, on the connection Hibernate uses in it too; after entity
 * changes in that transaction, see {@link EntityFlush}.
 */
public final class Sql {

    private Sql() {
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(DataSource dataSource, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + firstLine(sql) + ": " + e.getMessage(), e);
        }
    }

    /** Takes one row; may fail like the caller. */
    @FunctionalInterface
    public interface RowAction<X extends Exception> {
        void accept(ResultSet rs) throws SQLException, X;
    }

    /**
     * Hands each row of a query to {@code action}, {@code fetchSize} rows per round trip, without holding
     * them: the driver reads through a cursor only inside a transaction, so the query runs on a connection
     * of its own in a read-only transaction that is rolled back. Call it outside any other transaction.
     */
    public static <X extends Exception> void forEachRow(DataSource dataSource, String sql, int fetchSize,
            RowAction<X> action, Object... parameters) throws SQLException, X {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(fetchSize);
                bind(ps, parameters);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    public static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + firstLine(sql) + ": " + e.getMessage(), e);
        }
    }

    public static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
