package dev.cutover.migrations.notifications.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import dev.cutover.migrations.notifications.behavior.DispatchTarget;

/** Writes and reads {@code dispatch_log} through the caller's connection (the tick's transaction). */
final class DispatchLogWriter {

    private DispatchLogWriter() {
    }

    /** Logs the targets due in one slot as dispatched by tick {@code tick} from {@code executing}. */
    static int insert(Connection connection, long tick, ExecutingDispatchModel executing, Instant slot,
            Collection<DispatchTarget> due) throws SQLException {
        if (due.isEmpty()) {
            return 0;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(slot, ZoneOffset.UTC);
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into dispatch_log (tick, slot, tenant, channel, priority, recipient, model, generation)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (DispatchTarget target : due) {
                ps.setLong(1, tick);
                ps.setObject(2, at);
                ps.setString(3, target.tenant());
                ps.setString(4, target.channel());
                ps.setInt(5, target.priority());
                ps.setString(6, target.recipient());
                ps.setString(7, executing.kind());
                ps.setInt(8, executing.generation());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return due.size();
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
