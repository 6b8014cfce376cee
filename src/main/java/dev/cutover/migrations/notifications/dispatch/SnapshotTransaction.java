package dev.cutover.migrations.notifications.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs work in a new JTA transaction at REPEATABLE READ on one connection, so that every statement of
 * the work reads the same PostgreSQL snapshot (taken by its first query) and a transaction that commits
 * meanwhile (an activation, a rollback) is entirely visible to the next run or not at all.
 *
 * <p>Why {@code SET TRANSACTION} rather than {@link Connection#setTransactionIsolation}: both work on
 * the Agroal JTA datasource (verified: the connection arrives enlisted with autocommit off and no
 * statement run yet; the driver turns {@code setTransactionIsolation} into a session default that Agroal
 * resets when the connection returns to the pool). {@code SET TRANSACTION} is scoped to this
 * transaction by PostgreSQL itself, so no later user of the pooled connection depends on that reset,
 * and PostgreSQL refuses it after the first query, so it cannot silently come too late.
 *
 * <p>Any exception rolls the whole transaction back and is rethrown: nothing of the work remains.
 */
@ApplicationScoped
public class SnapshotTransaction {

    /** Work that reads and writes through the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A tick is short; one that hangs this long is stuck and should give its slots back. */
    static final int TIMEOUT_SECONDS = 60;

    @Inject
    DataSource dataSource;

    /**
     * @return what the work returned, after the transaction committed
     * @throws IllegalStateException wrapping an SQLException; other runtime exceptions as thrown
     */
    public <T> T call(Work<T> work) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read");
                }
                return work.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("snapshot transaction failed: " + e.getMessage(), e);
            }
        });
    }
}
