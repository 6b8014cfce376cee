package dev.cutover.framework.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.run.CopyRows;
import dev.cutover.framework.run.RecordKey;

/**
 * {@link PlanningRows} in PostgreSQL, for the plan step. The leaves come sorted by the server through
 * cursors ({@link SortedLeaves}): {@link #openStored} reads the run's {@code record_leaf} rows, which the
 * normalize step wrote with the outcomes, a large run's in two ranges sorted at once; {@link #open} (a
 * run normalized before those rows existed) takes the leaves by {@code COPY} into a temporary table of
 * the step's own connection (dropped with its transaction: nothing to clean up after a crash, no
 * write-ahead log, invisible to every other run).
 * The entities go by {@code COPY} into {@code planned_entity} as stage
 * writes them (without their members), and their members into {@code planned_member} as stage writes
 * the lineage: each table on a connection of its own (one COPY at a time per connection), in a
 * transaction that first deletes what an earlier attempt of the same run wrote, members committed
 * first. A restarted plan step therefore replaces the rows; they derive only from the run's stored
 * outcomes, so a stale execution writing them again writes the same rows, and stage reads them only
 * once the (fenced) report of the run exists, which is saved after both commits. Memory: a fetch of
 * leaves per range and three COPY buffers.
 */
public final class PlanningTables implements PlanningRows {

    private final DataSource dataSource;
    private final long runId;
    private final Connection leafConnection;
    private final CopyRows leafCopy;
    private final Connection modelConnection;
    private final CopyRows modelCopy;
    private final Connection memberConnection;
    private final CopyRows memberCopy;
    // the order key at which the stored leaves are sorted in two ranges; null: at once (or not stored)
    private final String split;
    private SortedLeaves sorted;
    private int ordinal;
    private boolean finished;

    private PlanningTables(DataSource dataSource, long runId, String split,
            Connection leafConnection, CopyRows leafCopy, Connection modelConnection, CopyRows modelCopy,
            Connection memberConnection, CopyRows memberCopy) {
        this.dataSource = dataSource;
        this.runId = runId;
        this.split = split;
        this.leafConnection = leafConnection;
        this.leafCopy = leafCopy;
        this.modelConnection = modelConnection;
        this.modelCopy = modelCopy;
        this.memberConnection = memberConnection;
        this.memberCopy = memberCopy;
    }

    /** Opens the three transactions, creates the leaf table, deletes the run's earlier model rows. */
    public static PlanningTables open(DataSource dataSource, long runId) {
        return open(dataSource, runId, true, false, null);
    }

    /**
     * Opens the three transactions over the run's stored leaves ({@code record_leaf}, all of its migrated
     * records': see {@link PlanInputs#storedLeaves}); no leaf is added. Deletes the run's earlier model rows.
     * A large run's leaves are sorted in two ranges at once ({@link SortedLeaves}).
     */
    public static PlanningTables openStored(DataSource dataSource, long runId) {
        return open(dataSource, runId, false, true, null);
    }

    /** {@link #openStored} splitting the sort at {@code split} (an order key), or at once when {@code null}. */
    static PlanningTables openStored(DataSource dataSource, long runId, String split) {
        return open(dataSource, runId, false, false, split);
    }

    private static PlanningTables open(DataSource dataSource, long runId, boolean leafTable, boolean sampleSplit,
            String split) {
        Connection leaves = null;
        Connection model = null;
        Connection members = null;
        try {
            leaves = transaction(dataSource);
            try (Statement s = leaves.createStatement()) {
                if (leafTable) {
                    s.execute("""
                            create temporary table plan_leaf (
                                order_key text collate "C" not null,
                                group_key text collate "C" not null,
                                source    text collate "C" not null,
                                rec_id    text collate "C",
                                idx       integer,
                                leaf_no   integer not null,
                                leaf      text not null
                            ) on commit drop""");
                }
                // the sort of a million leaves: in memory on the server where it fits, else on its disk
                s.execute("set local work_mem = '64MB'");
            }
            CopyRows leafCopy = leafTable ? CopyRows.in(leaves, "copy plan_leaf from stdin", "the planned leaves of run " + runId)
                    : null;
            String at = sampleSplit ? SortedLeaves.sampledSplit(leaves, runId) : split;
            model = transaction(dataSource);
            deleteRun(model, "planned_entity", runId);
            CopyRows modelCopy = CopyRows.in(model, "copy planned_entity (run_id, ordinal, entity_id, body) from stdin",
                    "the planned model of run " + runId);
            members = transaction(dataSource);
            deleteRun(members, "planned_member", runId);
            CopyRows memberCopy = CopyRows.in(members,
                    "copy planned_member (run_id, ordinal, entity_id, source, record_key) from stdin",
                    "the planned lineage of run " + runId);
            return new PlanningTables(dataSource, runId, at, leaves, leafCopy, model, modelCopy, members, memberCopy);
        } catch (SQLException e) {
            rollbackAndClose(leaves);
            rollbackAndClose(model);
            rollbackAndClose(members);
            throw new IllegalStateException("cannot plan run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void addLeaf(LeafRow row) {
        if (leafCopy == null) {
            throw new IllegalStateException("the leaves of run " + runId + " are stored: none is added");
        }
        MemberRef member = row.member();
        leafCopy.field(row.order()).field(row.key()).field(member.source()).field(member.id())
                .field(member.index() == null ? null : member.index().toString()).field(row.leafNo())
                .field(row.leaf()).endRow();
    }

    @Override
    public Iterator<LeafRow> sortedLeaves() {
        try {
            // member order: source, then ids (code points), then id-less records by index
            if (leafCopy != null) {
                leafCopy.end();
                sorted = SortedLeaves.ofTable(leafConnection, "plan_leaf", runId);
            } else {
                sorted = SortedLeaves.ofStored(dataSource, leafConnection, runId, split);
            }
            return sorted.rows();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sort the planned leaves of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void addEntity(StoredEntity entity) {
        String id = entity.id();
        modelCopy.field(runId).field(ordinal).field(id).field(entity.withoutMembers()).endRow();
        for (JsonNode member : entity.members()) {
            String recordId = member.get(1).isNull() ? null : member.get(1).textValue();
            Integer index = member.size() > 2 ? member.get(2).intValue() : null;
            memberCopy.field(runId).field(ordinal).field(id).field(member.get(0).textValue())
                    .field(RecordKey.of(recordId, index)).endRow();
        }
        ordinal++;
    }

    /** Ends both COPYs, refreshes the tables' statistics (the run just filled them), commits the members, then the model. */
    @Override
    public void finish() {
        memberCopy.end();
        modelCopy.end();
        try {
            analyzeAndCommit(memberConnection, "planned_member");
            analyzeAndCommit(modelConnection, "planned_entity");
            finished = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the planned model of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Drops the leaves; rolls the model back unless {@link #finish} committed it. */
    @Override
    public void close() {
        if (leafCopy != null) {
            leafCopy.cancel();
        }
        if (!finished) {
            modelCopy.cancel();
            memberCopy.cancel();
        }
        if (sorted != null) {
            sorted.close();
        }
        rollbackAndClose(leafConnection);
        rollbackAndClose(modelConnection);
        rollbackAndClose(memberConnection);
    }

    private static Connection transaction(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static void deleteRun(Connection connection, String table, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    private static void analyzeAndCommit(Connection connection, String table) throws SQLException {
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("analyze " + table);
        }
        connection.commit();
    }

    static void rollbackAndClose(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // closing is what matters
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to release
        }
    }
}
