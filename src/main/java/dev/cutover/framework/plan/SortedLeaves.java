package dev.cutover.framework.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.run.SideLane;

/**
 * The plan step's leaves read back sorted by PostgreSQL through cursors, {@value #FETCH} rows at a time,
 * in the one order of {@link PlanningRows#sortedLeaves}. A large run's stored leaves ({@code record_leaf})
 * are read as two ranges of the order key, below and from the median order key of a 1% sample of the
 * run's rows, and the server sorts both at once, each range in a process of its own: one sort of
 * everything kept one server process busy for seconds while the plan step waited for its first row and
 * the other core stood idle. The rows of one group share their order key, so no group is split, and the
 * rows come in the same order whatever the split: it moves time, never the plan. The range from the
 * median is sorted on a connection (a read-only transaction) and a thread of its own
 * ({@code cutover-leaf-sort}); {@link #close} cancels its query if it is still sorting and waits for it. Restart: nothing is kept; a restarted plan
 * step samples and sorts again (at another split maybe, to the same rows).
 */
final class SortedLeaves implements AutoCloseable {

    /** Rows per fetch of a cursor. */
    private static final int FETCH = 1000;

    /** Sampled rows of the run below which it is sorted at once (1% of about 50,000 leaves). */
    static final int SPLIT_SAMPLE = 500;

    private static final String SORTED = """
            select order_key, group_key, source, rec_id, idx, leaf_no, leaf from %s
            order by order_key, group_key, source, rec_id is null, rec_id, idx, leaf_no""";

    // pages of the table at random: quick whatever it holds of other runs, and any median splits right
    private static final String SAMPLED_MEDIAN = """
            select percentile_disc(0.5) within group (order by order_key), count(*)
            from record_leaf tablesample system (1) where run_id = ?""";

    private final long runId;
    private final PreparedStatement first;
    private final Connection secondConnection;
    private final PreparedStatement second;
    private final SideLane sorter;
    private final Future<ResultSet> secondRows;

    private SortedLeaves(long runId, PreparedStatement first, Connection secondConnection, PreparedStatement second,
            SideLane sorter, Future<ResultSet> secondRows) {
        this.runId = runId;
        this.first = first;
        this.secondConnection = secondConnection;
        this.second = second;
        this.sorter = sorter;
        this.secondRows = secondRows;
    }

    /** Sorts every row of {@code table} (a temporary table of {@code connection}'s) at once. */
    static SortedLeaves ofTable(Connection connection, String table, long runId) throws SQLException {
        return new SortedLeaves(runId, cursor(connection, table), null, null, null, null);
    }

    /**
     * Sorts the run's stored leaves: below and from {@code split} at once, or all at once when
     * {@code split} is {@code null}.
     *
     * @param connection the plan step's leaf transaction, which reads the rows below the split
     * @param dataSource where the connection reading the rows from the split comes from
     */
    static SortedLeaves ofStored(DataSource dataSource, Connection connection, long runId, String split) throws SQLException {
        if (split == null) {
            return new SortedLeaves(runId, cursor(connection, "record_leaf where run_id = ?", runId), null, null, null, null);
        }
        PreparedStatement below = cursor(connection, "record_leaf where run_id = ? and order_key < ?", runId, split);
        Connection other = dataSource.getConnection();
        try {
            other.setAutoCommit(false);
            other.setReadOnly(true);
            try (Statement s = other.createStatement()) {
                s.execute("set local work_mem = '64MB'");
                // sorted, it waits idle until the first range is read (minutes at tens of millions of
                // leaves); the session's timeout is for transactions holding row locks, and it holds none
                s.execute("set local idle_in_transaction_session_timeout = 0");
            }
            PreparedStatement from = cursor(other, "record_leaf where run_id = ? and order_key >= ?", runId, split);
            // executeQuery returns once the server has sorted and sent the first fetch
            SideLane sorter = new SideLane("cutover-leaf-sort");
            return new SortedLeaves(runId, below, other, from, sorter, sorter.submit(from::executeQuery));
        } catch (SQLException | RuntimeException e) {
            below.close();
            PlanningTables.rollbackAndClose(other);
            throw e;
        }
    }

    /** @return the sorted query of {@code rows} (a table and its condition), read {@value #FETCH} rows a fetch */
    private static PreparedStatement cursor(Connection connection, String rows, Object... parameters) throws SQLException {
        PreparedStatement query = connection.prepareStatement(SORTED.formatted(rows));
        for (int i = 0; i < parameters.length; i++) {
            query.setObject(i + 1, parameters[i]);
        }
        query.setFetchSize(FETCH);
        return query;
    }

    /**
     * @return the median order key of a sample of the run's stored leaves, or {@code null} when the
     *         sample holds fewer than {@value #SPLIT_SAMPLE} rows (a run sorted quickly at once)
     */
    static String sampledSplit(Connection connection, long runId) throws SQLException {
        try (PreparedStatement sample = connection.prepareStatement(SAMPLED_MEDIAN)) {
            sample.setLong(1, runId);
            try (ResultSet rs = sample.executeQuery()) {
                rs.next();
                return rs.getLong(2) < SPLIT_SAMPLE ? null : rs.getString(1);
            }
        }
    }

    /** Runs the first query (waits for its sort) and reads on, into the second range's rows when split. */
    Iterator<PlanningRows.LeafRow> rows() throws SQLException {
        return new Rows(first.executeQuery());
    }

    /** Cancels the second range's query if it is still sorting, waits for its thread, closes both. */
    @Override
    public void close() {
        if (secondRows != null) {
            if (!secondRows.isDone()) {
                try {
                    second.cancel();
                } catch (SQLException e) {
                    // the rollback below ends it anyway
                }
            }
            // cancelled, or failed: the plan has failed already or read every row; waits for the query to return
            sorter.close();
            closeQuietly(second);
            PlanningTables.rollbackAndClose(secondConnection);
        }
        closeQuietly(first);
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // its transaction is rolled back
        }
    }

    private ResultSet secondRows() {
        return SideLane.await(secondRows, "sorting the planned leaves of run " + runId);
    }

    private final class Rows implements Iterator<PlanningRows.LeafRow> {
        private ResultSet rs;
        private boolean onSecond;
        private PlanningRows.LeafRow next;
        private boolean done;

        Rows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                try {
                    if (rs.next()) {
                        String id = rs.getString(4);
                        Integer index = (Integer) rs.getObject(5);
                        next = new PlanningRows.LeafRow(rs.getString(1), rs.getString(2),
                                new MemberRef(rs.getString(3), id, index), rs.getInt(6), rs.getString(7));
                    } else {
                        rs.close();
                        if (secondRows != null && !onSecond) {
                            onSecond = true;
                            rs = secondRows();
                        } else {
                            done = true;
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the planned leaves of run " + runId + ": "
                            + e.getMessage(), e);
                }
            }
            return next != null;
        }

        @Override
        public PlanningRows.LeafRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            PlanningRows.LeafRow row = next;
            next = null;
            return row;
        }
    }
}
