package dev.cutover.framework.plan;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a run's planned model into {@code planned_entity} by {@code COPY}, entity by entity as the
 * planner makes them, in one transaction of its own that first deletes what an earlier attempt of the
 * same run wrote. A restarted plan step therefore replaces the rows; they derive only from the run's
 * stored outcomes, so a stale execution writing them again writes the same rows, and stage reads them
 * only once the (fenced) report of the run exists. Not thread-safe; close it in every case.
 */
public final class PlannedModelWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final long runId;
    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(BUFFER + 4096);
    private int ordinal;
    private boolean finished;

    private PlannedModelWriter(long runId, Connection connection, CopyIn copy) {
        this.runId = runId;
        this.connection = connection;
        this.copy = copy;
    }

    /** Opens the transaction, deletes the run's earlier rows and starts the COPY. */
    public static PlannedModelWriter open(DataSource dataSource, long runId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement delete = connection.createStatement()) {
                delete.execute("delete from planned_entity where run_id = " + runId);
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy planned_entity (run_id, ordinal, entity_id, body) from stdin");
            return new PlannedModelWriter(runId, connection, copy);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot write the planned model of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Adds the next entity of the model (an object with a string {@code id}). */
    public void add(ObjectNode entity) {
        buffer.append(runId).append('\t').append(ordinal++).append('\t');
        escape(entity.get("id").textValue());
        buffer.append('\t');
        escape(entity.toString());
        buffer.append('\n');
        if (buffer.length() >= BUFFER) {
            flush();
        }
    }

    /** Ends the COPY, refreshes the table's statistics (the run just filled it) and commits. */
    public void finish() {
        flush();
        try {
            copy.endCopy();
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze planned_entity");
            }
            connection.commit();
            finished = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the planned model of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** @return how many entities were added */
    public int count() {
        return ordinal;
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            }
        } catch (SQLException e) {
            // the failure that got us here is the one to report
        } finally {
            closeQuietly(connection);
        }
    }

    private void flush() {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the planned model of run " + runId + ": " + e.getMessage(), e);
        }
    }

    // COPY's text format: backslash, tab, newline and carriage return are escaped
    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
