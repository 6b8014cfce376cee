package dev.cutover.migrations.ratelimits.admission;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a read in a new transaction at REPEATABLE READ on one connection, so the executing pointer and
 * the model behind it come from one PostgreSQL snapshot: an activation or a rollback committing
 * meanwhile is seen whole or not at all. {@code SET TRANSACTION} (not a session default) keeps the
 * isolation scoped to this transaction on the pooled connection. Anything thrown rolls back.
 */
@ApplicationScoped
public class AdmissionSnapshot {

    /** A read through the transaction's connection. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    // a decision is a few indexed reads (a model build on a cold cache included): longer means stuck
    private static final int TIMEOUT_SECONDS = 30;

    @Inject
    DataSource dataSource;

    /** @throws IllegalStateException wrapping an SQLException */
    public <T> T call(Read<T> read) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read");
                }
                return read.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("admission snapshot failed: " + e.getMessage(), e);
            }
        });
    }
}
