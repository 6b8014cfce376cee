package dev.cutover.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.cutover.framework.run.Sql;

/**
 * Waits of the tests that hold transactions open on several threads: for a signal from the other side,
 * never for a fixed time.
 */
public final class Waits {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private Waits() {
    }

    /** Waits until {@code latch} opens; fails the calling thread's work when it does not within 30 s. */
    public static void released(CountDownLatch latch) {
        try {
            if (!latch.await(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the held transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until a backend of this database waits on a lock in a statement containing {@code statementPart}
     * (the server's own word that the statement is blocked, {@code pg_stat_activity}).
     */
    public static void backendWaitingOnLockIn(DataSource dataSource, String statementPart) {
        await().atMost(WITHIN).until(() -> !Sql.query(dataSource, """
                select pid from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and position(? in query) > 0""",
                rs -> rs.getInt(1), statementPart).isEmpty());
    }
}
