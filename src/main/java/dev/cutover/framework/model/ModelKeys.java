package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The distinct keys of an indexed model ({@code model_key}, written by {@link ModelKeyIndex}), read on
 * the caller's connection and in its snapshot, never kept: a model whose every element spells its own
 * key (hostile legacy data) has as many keys as elements. The caller has seen the index built in that
 * snapshot ({@link ModelKeyIndex#requireBuilt}, as {@code KeyedModels} does when it opens the model): a
 * REPEATABLE READ snapshot goes on seeing it, so the keys are not checked again at every tick and slot.
 * Stateless.
 */
final class ModelKeys {

    /** The keys of the empty legacy model (a migration never planned): none. */
    static final ExecutingByKey.KeysReader NONE = new ExecutingByKey.KeysReader() {
        @Override
        public void forEach(ExecutingByKey.Key action) {
        }

        @Override
        public long count() {
            return 0;
        }
    };

    private ModelKeys() {
    }

    /** @return the keys of run {@code runId}'s legacy or staged model, read on {@code connection} when asked */
    static ExecutingByKey.KeysReader of(Connection connection, long runId, boolean legacy) {
        return new ExecutingByKey.KeysReader() {
            @Override
            public void forEach(ExecutingByKey.Key action) throws SQLException {
                ModelKeys.forEach(connection, runId, legacy, action);
            }

            @Override
            public long count() throws SQLException {
                return ModelKeys.count(connection, runId, legacy);
            }
        };
    }

    /**
     * Hands the keys to {@code action} in code-point order, read through a cursor
     * {@value ExecutingModelReader#FETCH_SIZE} at a time; the action may read on the same connection meanwhile.
     *
     * @param legacy the legacy model of run {@code runId} (its migrated records), or its staged model
     */
    static void forEach(Connection connection, long runId, boolean legacy, ExecutingByKey.Key action) throws SQLException {
        try (PreparedStatement ps = ExecutingModelReader.streaming(connection,
                "select key from model_key where run_id = ? and legacy = ? order by key")) {
            ps.setLong(1, runId);
            ps.setBoolean(2, legacy);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs.getString(1));
                }
            }
        }
    }

    /** @return how many keys {@link #forEach} hands on */
    static long count(Connection connection, long runId, boolean legacy) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select count(*) from model_key where run_id = ? and legacy = ?")) {
            ps.setLong(1, runId);
            ps.setBoolean(2, legacy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
