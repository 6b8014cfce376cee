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

/** The dispatch log holds whatever a migrated policy may hold: no value is too long to dispatch. */
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

    private static String incompressible(int length, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
