package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a unit of work of a live executor in a new JTA transaction at REPEATABLE READ on one connection:
 * every statement reads the same PostgreSQL snapshot (taken by its first query), so the executing
 * pointer, the model ({@link ExecutingBehavior}) and the executor's own tables are read as of one
 * instant, and an activation or a rollback committing meanwhile is seen whole by the next unit or not
 * at all. What the work writes commits with it; any exception rolls everything back and is rethrown.
 *
 * <p>{@code SET TRANSACTION} rather than {@link Connection#setTransactionIsolation}: PostgreSQL scopes it
 * to this transaction itself (no pooled connection keeps a session default) and refuses it after the
 * first query, so it cannot silently come too late.
 */
@ApplicationScoped
public class ReadSnapshot {

    /** Work that reads (and may write) through the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A unit of work is short; one that hangs this long is stuck and is rolled back. */
    public static final int TIMEOUT_SECONDS = 60;

    @Inject
    DataSource dataSource;

    /**
     * @return what the work returned, after the transaction committed
     * @throws IllegalStateException wrapping an SQLException, or any failure of a work that ran past
     *                               {@value #TIMEOUT_SECONDS} s, saying so; other runtime exceptions as thrown
     */
    public <T> T call(Work<T> work) {
        return call(work, TIMEOUT_SECONDS);
    }

    <T> T call(Work<T> work, int timeoutSeconds) {
        long started = System.nanoTime();
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set transaction isolation level repeatable read");
                    }
                    return work.run(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException("snapshot transaction failed: " + e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            if (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                throw e;
            }
            // the transaction manager rolled the work back at its timeout and closed its connection: the
            // work then fails on whatever it read next ("This ResultSet is closed"), which names no cause
            throw new IllegalStateException("the unit of work ran past its transaction's timeout of " + timeoutSeconds
                    + " s and was rolled back (a live executor reads the executing model inside it, building it"
                    + " when not cached: a model too large for the heap builds slowly, see README \"Limits of this"
                    + " version\"): " + e.getMessage(), e);
        }
    }
}
