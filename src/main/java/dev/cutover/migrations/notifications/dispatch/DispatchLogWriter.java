package dev.cutover.migrations.notifications.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import org.postgresql.PGConnection;

import dev.cutover.framework.run.CopyRows;
import dev.cutover.migrations.notifications.behavior.DispatchTarget;

/** Writes and reads {@code dispatch_log} through the caller's connection (the tick's transaction). */
final class DispatchLogWriter {

    private DispatchLogWriter() {
    }

    /** Logs the targets due in one slot as dispatched by tick {@code tick} from {@code executing}. */
    static int insert(Connection connection, long tick, ExecutingDispatchModel executing, Instant slot,
            Collection<DispatchTarget> due) throws SQLException {
        TickLog log = new TickLog(connection);
        log.add(slot, due);
        return log.log(tick, executing);
    }

    /**
     * The targets due in a tick's slots, gathered as they are computed (a part of a key's model at a
     * time, {@link DueTargets}) in a temporary table of the tick's transaction, then logged by one
     * statement: each target once per slot however many parts or schedules made it due, in slot then
     * {@link DispatchTarget} order (code points, the table's {@code "C"} collation). So a tick holds one
     * part's targets, never all of a slot's. Rolled back with the tick; emptied at its commit.
     */
    static final class TickLog {

        private final Connection connection;
        private boolean created;
        private long gathered;

        TickLog(Connection connection) {
            this.connection = connection;
        }

        /** Gathers targets due in {@code slot} (a whole UTC minute). */
        void add(Instant slot, Collection<DispatchTarget> targets) throws SQLException {
            if (targets.isEmpty()) {
                return;
            }
            create();
            CopyRows out = new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy dispatch_due (slot, tenant, channel, priority, recipient) from stdin"),
                    "the targets due at " + slot);
            try {
                // Instant's text is ISO 8601 in UTC, which timestamptz reads as such
                String at = slot.toString();
                for (DispatchTarget target : targets) {
                    out.field(at).field(target.tenant()).field(target.channel()).field(target.priority())
                            .field(target.recipient()).endRow();
                }
                out.end();
            } catch (RuntimeException e) {
                out.cancel();
                throw e;
            }
            gathered += targets.size();
        }

        /** @return the rows logged: the distinct targets gathered per slot */
        int log(long tick, ExecutingDispatchModel executing) throws SQLException {
            if (gathered == 0) {
                return 0;
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into dispatch_log (tick, slot, tenant, channel, priority, recipient, model, generation)
                    select ?, slot, tenant, channel, priority, recipient, ?, ?
                    from (select distinct slot, tenant, channel, priority, recipient from dispatch_due) due
                    order by slot, tenant, channel, priority, recipient""")) {
                ps.setLong(1, tick);
                ps.setString(2, executing.kind());
                ps.setInt(3, executing.generation());
                return ps.executeUpdate();
            }
        }

        private void create() throws SQLException {
            if (created) {
                return;
            }
            // a temporary table lives as long as the pooled connection: created once per connection, its
            // rows deleted at each commit; "C" orders text by code point, as DispatchTarget does
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table if not exists dispatch_due (
                            slot      timestamptz not null,
                            tenant    text collate "C" not null,
                            channel   text collate "C" not null,
                            priority  integer not null,
                            recipient text collate "C" not null
                        ) on commit delete rows""");
            }
            created = true;
        }
    }

    /** @return the highest tick number logged, 0 when none: tick numbers go on from there after a restart */
    static long lastTick(Connection connection) throws SQLException {
        // by id (the primary key) rather than max(tick), which would scan the whole log
        try (PreparedStatement ps = connection.prepareStatement("select tick from dispatch_log order by id desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** @return whether anything was logged for {@code slot} */
    static boolean logged(Connection connection, Instant slot) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select exists (select 1 from dispatch_log where slot = ?)")) {
            ps.setObject(1, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
