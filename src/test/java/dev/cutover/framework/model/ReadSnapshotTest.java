package dev.cutover.framework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A live executor's unit of work on the real Agroal JTA datasource: one PostgreSQL snapshot at
 * REPEATABLE READ, not leaking that level to pooled connections, all or nothing.
 */
@QuarkusTest
class ReadSnapshotTest {

    private static final String MIGRATION = "read-snapshot-test";

    @Inject
    ReadSnapshot snapshot;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionManager transactions;

    @BeforeEach
    void pointerAtGeneration0() {
        Sql.update(dataSource, "insert into executing_model (migration) values (?)", MIGRATION);
    }

    @AfterEach
    void cleanUp() {
        Sql.update(dataSource, "delete from executing_model where migration like ?", MIGRATION + "%");
    }

    @Test
    void theWorkRunsAtRepeatableRead() {
        String level = snapshot.call(c -> text(c, "show transaction_isolation"));

        assertThat(level).isEqualTo("repeatable read");
    }

    @Test
    void aSwitchCommittedWhileTheWorkRunsIsInvisibleToIt() {
        int[] reads = snapshot.call(c -> {
            int before = generation(c);
            commitSwitchTo(7);
            return new int[] { before, generation(c) };
        });

        assertThat(reads).containsExactly(0, 0);
        assertThat(snapshot.call(ReadSnapshotTest::generation)).isEqualTo(7);
    }

    @Test
    void withoutTheSnapshotTheSameReadsWouldSeeTheSwitch() {
        // the control experiment: the datasource's default level shows a switch between two statements,
        // so the test above would catch a tick that ran at it
        int[] reads = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                int before = generation(c);
                commitSwitchTo(8);
                return new int[] { before, generation(c) };
            }
        });

        assertThat(reads).containsExactly(0, 8);
    }

    @Test
    void theIsolationLevelEndsWithTheTransaction() {
        for (int i = 0; i < 5; i++) {
            snapshot.call(c -> text(c, "select 1"));
            String after = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return text(c, "show transaction_isolation");
                }
            });
            assertThat(after).isEqualTo("read committed");
        }
    }

    @Test
    void aFailingWorkLeavesNothingBehindAndItsExceptionReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("tick failed");

        assertThatThrownBy(() -> snapshot.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into executing_model (migration) values (?)")) {
                ps.setString(1, MIGRATION + "-2");
                ps.executeUpdate();
            }
            throw failure;
        })).isSameAs(failure);

        assertThat(Sql.query(dataSource, "select count(*) from executing_model where migration = ?",
                rs -> rs.getLong(1), MIGRATION + "-2")).containsExactly(0L);
    }

    /**
     * A model build that outlasts the transaction (seen at 1M records: "This ResultSet is closed", every
     * tick) fails naming the timeout. The work waits until the transaction manager has rolled its
     * transaction back, then reads on.
     */
    @Test
    void aWorkThatOutlastsItsTransactionFailsNamingTheTimeout() {
        assertThatThrownBy(() -> snapshot.call(c -> {
            int before = generation(c);
            Transaction transaction = current();
            // Awaitility polls on a thread of its own: it asks the transaction, not the thread's association
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> transaction.getStatus() != Status.STATUS_ACTIVE);
            return before + generation(c);
        }, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the unit of work ran past its transaction's timeout of 1 s and was rolled back");
    }

    @Test
    void aWorkThatFailsWithinItsTimeoutFailsAsItThrew() {
        IllegalStateException failure = new IllegalStateException("model unreadable");

        assertThatThrownBy(() -> snapshot.call(c -> {
            throw failure;
        }, 1)).isSameAs(failure);
    }

    private Transaction current() {
        try {
            return transactions.getTransaction();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits a switch from another thread, in its own transaction, and waits for the commit. */
    private void commitSwitchTo(int generation) {
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> Sql.update(dataSource,
                "update executing_model set generation = ? where migration = ?", generation, MIGRATION))).join();
    }

    private static int generation(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select generation from executing_model where migration = ?")) {
            ps.setString(1, MIGRATION);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
