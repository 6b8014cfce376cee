package dev.cutover.framework.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows a run leaves in Cutover's tables for its steps and its models: its pages and items, its
 * record outcomes and leaves, its planned and staged models, its validation and its models' key
 * indexes. What stays of a run after {@link #delete} is its history: the job repository's executions,
 * its plan report's summary ({@code plan_report}, without the records it lists) and, for a run that was
 * activated, its generation's number ({@code model_generation}).
 *
 * <p>Deleting them is retention's one act, for runs no command needs any more: nothing restarts them,
 * no executor reads their models, no review reads their records. The caller decides which runs those are
 * and holds the migration's lease.
 *
 * <p><b>On restart.</b> {@link #delete} runs in the caller's transaction: a crash before it commits
 * leaves the run whole; after, nothing. Deleting a run again deletes nothing.
 */
public final class WorkingRows {

    /** Every table whose rows belong to one run by {@code run_id} and go with it. */
    public static final List<String> TABLES = List.of("retrieved_page", "raw_record", "record_outcome", "record_leaf",
            "record_leaf_count", "planned_entity", "planned_member", "target_entity", "validated_model",
            "model_key_index", "model_key", "legacy_key", "entity_key");

    /** The tables with a {@code run_id} that keep a deleted run's row: its history. */
    public static final List<String> HISTORY = List.of("plan_report", "model_generation", "pruned_run");

    private WorkingRows() {
    }

    /**
     * Deletes run {@code runId}'s rows from every table of {@link #TABLES}, in the caller's transaction
     * (each table's rows are found through an index that starts with {@code run_id}).
     *
     * @return how many rows were deleted
     */
    public static long delete(Connection connection, long runId) throws SQLException {
        long rows = 0;
        for (String table : TABLES) {
            try (PreparedStatement ps = connection.prepareStatement("delete from " + table + " where run_id = ?")) {
                ps.setLong(1, runId);
                rows += ps.executeUpdate();
            }
        }
        return rows;
    }
}
