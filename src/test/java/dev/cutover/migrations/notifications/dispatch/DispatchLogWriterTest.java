package dev.cutover.migrations.notifications.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import dev.cutover.migrations.notifications.behavior.DispatchTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatch log holds whatever a migrated policy may hold (no value is too long to dispatch), and a
 * tick's targets gathered in parts are logged once each, in a fixed order.
 */
@QuarkusTest
class DispatchLogWriterTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTenantAndARecipientOfKilobytesAreLoggedLikeAnyOther() {
        // normalization keeps tenants and pager keys of any length; a btree index row holds ~2.7 KB at
        // most once compressed, so the text must not compress (a repeated letter would)
        String tenant = "tenant-" + incompressible(3000, 1);
        String recipient = "pager-key-" + incompressible(3000, 2);
        Instant slot = Instant.parse("2031-01-01T09:00:00Z");
        int written = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return DispatchLogWriter.insert(c, 1, new ExecutingDispatchModel(0, null, 0), slot,
                        List.of(new DispatchTarget(tenant, "pager", 1, recipient)));
            }
        });
        assertThat(written).isEqualTo(1);
        assertThat(Sql.query(dataSource, "select count(*) from dispatch_log where tenant = ? and recipient = ?",
                rs -> rs.getLong(1), tenant, recipient)).containsExactly(1L);
        Sql.update(dataSource, "delete from dispatch_log where slot = ?", java.time.OffsetDateTime.parse("2031-01-01T09:00:00Z"));
    }

    @Test
    void targetsGatheredInPartsAreLoggedOncePerSlotInSlotThenCodePointOrder() {
        Instant first = Instant.parse("2031-01-02T09:00:00Z");
        Instant second = first.plusSeconds(60);
        // U+FFFD sorts before U+1F600 by code point, after it by UTF-16 unit (a surrogate pair starts D83D)
        DispatchTarget replacement = new DispatchTarget("t\uFFFD", "email", 1, "a@x.test");
        DispatchTarget emoji = new DispatchTarget("t\uD83D\uDE00", "email", 1, "a@x.test");
        DispatchTarget plain = new DispatchTarget("t", "sms", 2, "+100");
        DispatchTarget pager = new DispatchTarget("t", "pager", 5, "key");
        int written = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                DispatchLogWriter.TickLog log = new DispatchLogWriter.TickLog(c);
                // the same target from two parts or two schedules of a slot, and in both slots
                log.add(second, List.of(emoji, plain));
                log.add(first, List.of(emoji, replacement));
                log.add(first, List.of(plain, emoji));
                log.add(second, List.of(pager, emoji));
                log.add(first, List.of());
                return log.log(7, new ExecutingDispatchModel(2, 1L, 3));
            }
        });

        assertThat(written).isEqualTo(6);
        List<String> logged = Sql.query(dataSource, """
                select slot, tenant, channel, priority, recipient, tick, model, generation from dispatch_log
                where slot in (?, ?) order by id""", rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " "
                + new DispatchTarget(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)) + " " + rs.getLong(6)
                + " " + rs.getString(7) + " " + rs.getInt(8), at(first), at(second));
        assertThat(logged).containsExactly(
                first + " " + plain + " 7 generation 2",
                first + " " + replacement + " 7 generation 2",
                first + " " + emoji + " 7 generation 2",
                second + " " + pager + " 7 generation 2",
                second + " " + plain + " 7 generation 2",
                second + " " + emoji + " 7 generation 2");
        // the order a part's targets come in (DispatchModel#dueAt) is the order they are logged in
        assertThat(new java.util.TreeSet<>(List.of(emoji, replacement, plain))).containsExactly(plain, replacement, emoji);
        // the next tick (on a pooled connection, likely the same one) logs its own targets only
        Instant third = second.plusSeconds(60);
        assertThat(QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                DispatchLogWriter.TickLog log = new DispatchLogWriter.TickLog(c);
                log.add(third, List.of(pager));
                return log.log(8, new ExecutingDispatchModel(2, 1L, 3));
            }
        })).as("nothing gathered outlives its tick").isEqualTo(1);
        Sql.update(dataSource, "delete from dispatch_log where slot in (?, ?, ?)", at(first), at(second), at(third));
    }

    private static java.time.OffsetDateTime at(Instant slot) {
        return java.time.OffsetDateTime.ofInstant(slot, java.time.ZoneOffset.UTC);
    }

    private static String incompressible(int length, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
