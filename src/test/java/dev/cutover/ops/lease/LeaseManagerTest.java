package dev.cutover.ops.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.WriteFence.FencedException;
import dev.cutover.support.Waits;
import dev.cutover.support.proof.ProofFigures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lease as Panache entity and named statements keeps its semantics: one holder per migration
 * (also when first acquisitions race), takeover of an expired lease only, with a new token, after
 * every commit that checked it; bind, renew and release decided by their affected rows; and the fence
 * check a {@code for share} row lock in the caller's transaction, on the one connection that the
 * transaction's JDBC writes use. Waits are for what PostgreSQL reports (a backend waiting on a lock,
 * the statement a backend ran), never for time to pass.
 */
@QuarkusTest
class LeaseManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    LeaseManager leases;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).as("test threads ended").isTrue();
    }

    private static String freshMigration() {
        return "lease-test-" + System.nanoTime();
    }

    @Test
    void aLiveLeaseIsRefusedToASecondAcquisitionNamingItsHolder() {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        assertThat(lease.crashedExecution()).isNull();
        leases.bind(migration, lease.token(), 41);

        assertThatThrownBy(() -> leases.acquire(migration)).isInstanceOfSatisfying(LeaseHeldException.class, held -> {
            assertThat(held.holderExecutionId()).isEqualTo(41L);
            assertThat(held.expiresAt()).isAfter(java.time.Instant.now().minusSeconds(5));
        });
        leases.release(migration, 41);
        Lease unbound = leases.acquire(migration);
        assertThat(unbound.crashedExecution()).as("released: a fresh lease").isNull();
        // a prune's or a rollback's lease, or an execution's before it binds: named by its process, not "execution 0"
        assertThatThrownBy(() -> leases.acquire(migration)).isInstanceOfSatisfying(LeaseHeldException.class, held -> {
            assertThat(held.holderExecutionId()).isNull();
            assertThat(held.getMessage()).startsWith("process " + LeaseManager.owner() + " holds the lease of " + migration);
        });
    }

    @Test
    void anExpiredLeaseIsTakenOverWithANewTokenAndTheOldHolderIsFencedOff() {
        String migration = freshMigration();
        Lease first = leases.acquire(migration);
        leases.bind(migration, first.token(), 51);
        expire(migration);

        Lease second = leases.acquire(migration);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.crashedExecution()).isEqualTo(51);
        assertThat(leaseRow(migration)).containsExactly(String.valueOf(second.token()), null, LeaseManager.owner());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> leases.check(migration, 51)))
                .isInstanceOf(FencedException.class);
        assertThat(leases.renew(migration, 51)).as("the crashed execution renews nothing").isFalse();
        assertThatThrownBy(() -> leases.bind(migration, first.token(), 51)).isInstanceOf(FencedException.class);
        leases.bind(migration, second.token(), 52);
        QuarkusTransaction.requiringNew().run(() -> leases.check(migration, 52));
    }

    @Test
    void anUnboundLeaseIsRenewedAndCheckedByItsTokenUntilAnotherAcquisitionTakesItOver() {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        expire(migration);
        assertThat(leases.renewUnbound(new Lease(migration, lease.token() + 1, null))).as("another token renews nothing").isFalse();
        assertThat(expired(migration)).isTrue();
        assertThat(leases.renewUnbound(lease)).isTrue();
        assertThat(expired(migration)).as("the holder's renew extends it").isFalse();
        QuarkusTransaction.requiringNew().run(() -> leases.checkUnbound(lease));

        expire(migration);
        Lease taker = leases.acquire(migration);
        leases.bind(migration, taker.token(), 71);
        assertThat(leases.renewUnbound(lease)).as("taken over: nothing to renew").isFalse();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> leases.checkUnbound(lease)))
                .isInstanceOf(FencedException.class).hasMessageContaining("no longer holds the lease of " + migration);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> leases.checkUnbound(taker)))
                .as("bound to an execution, the lease is that execution's").isInstanceOf(FencedException.class);
        leases.release(migration, 71);
    }

    @Test
    void bindRenewAndReleaseActOnlyForTheHolder() {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        assertThatThrownBy(() -> leases.bind(migration, lease.token() + 1, 61)).isInstanceOf(FencedException.class);
        leases.bind(migration, lease.token(), 61);
        expire(migration);

        assertThat(leases.renew(migration, 62)).isFalse();
        assertThat(expired(migration)).as("another execution's renew extends nothing").isTrue();
        assertThat(leases.renew(migration, 61)).isTrue();
        assertThat(expired(migration)).as("the holder's renew extends it").isFalse();

        leases.release(migration, 62);
        leases.releaseUnbound(new Lease(migration, lease.token() + 1, null));
        assertThat(leaseRow(migration)).as("released only by its holder").isNotNull();
        leases.release(migration, 61);
        assertThat(leaseRow(migration)).isNull();
    }

    /**
     * The race made certain: a first acquisition's row is inserted but not committed when the lease
     * manager's insert arrives, so its insert-if-absent waits for that transaction; when it commits,
     * the manager finds a live holder (LeaseHeldException), when it rolls back, the lease is free.
     */
    @Test
    void aFirstAcquisitionThatWaitedForARacingOneEndsHeldOrAcquiredNeverInAConstraintViolation() throws Exception {
        for (boolean racerCommits : new boolean[] { true, false }) {
            String migration = freshMigration();
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch end = new CountDownLatch(1);
            Future<?> racer = threads.submit(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        Sql.update(dataSource, "insert into migration_lease (migration, token, owner, expires_at) "
                                + "values (?, nextval('lease_token'), 'racer', now() + interval '30 seconds')", migration);
                        inserted.countDown();
                        Waits.released(end);
                        if (!racerCommits) {
                            throw new RacerRolledBack();
                        }
                    });
                } catch (RacerRolledBack expected) {
                    // the racer's insert is gone
                }
            });
            Waits.released(inserted);
            CompletableFuture<Lease> acquisition = CompletableFuture.supplyAsync(() -> leases.acquire(migration), threads);
            Waits.backendWaitingOnLockIn(dataSource, "insert into migration_lease");
            assertThat(acquisition).as("the acquisition waits for the racer's transaction").isNotDone();
            end.countDown();
            racer.get(20, TimeUnit.SECONDS);

            if (racerCommits) {
                assertThat(acquisition).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .withCauseInstanceOf(LeaseHeldException.class);
                assertThat(leaseRow(migration).get(2)).isEqualTo("racer");
            } else {
                Lease lease = acquisition.get(20, TimeUnit.SECONDS);
                assertThat(leaseRow(migration)).containsExactly(String.valueOf(lease.token()), null, LeaseManager.owner());
            }
        }
    }

    @Test
    void concurrentFirstAcquisitionsEndWithExactlyOneHolderAndLeaseHeldForEveryOther() throws Exception {
        int contenders = 6;
        int rounds = ProofFigures.scaled(10, 200);
        for (int round = 0; round < rounds; round++) {
            String migration = freshMigration();
            CyclicBarrier start = new CyclicBarrier(contenders);
            List<Future<Lease>> attempts = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                attempts.add(threads.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    return leases.acquire(migration);
                }));
            }
            List<Lease> acquired = new ArrayList<>();
            int held = 0;
            for (Future<Lease> attempt : attempts) {
                try {
                    acquired.add(attempt.get(20, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).as("round %d: a refusal, not a crash", round).isInstanceOf(LeaseHeldException.class);
                    held++;
                }
            }
            assertThat(acquired).as("round %d: exactly one holder", round).hasSize(1);
            assertThat(held).isEqualTo(contenders - 1);
            assertThat(leaseRow(migration).get(0)).isEqualTo(String.valueOf(acquired.get(0).token()));
        }
    }

    /**
     * PostgreSQL shows the check ran {@code ... for share}; the lock lets other checks through and holds
     * off any update of the row; and Hibernate's session and the JDBC statements of the same transaction
     * (the check's and the chunk's) run on the same backend, in the same transaction.
     */
    @Test
    void theFenceCheckLocksTheLeaseRowForShareOnTheConnectionOfTheCallersJdbcWrites() throws Exception {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        leases.bind(migration, lease.token(), 71);
        HeldTransaction chunk = hold(() -> {
            List<Long> jdbc = Sql.query(dataSource, "select pg_backend_pid(), txid_current()",
                    rs -> List.of(rs.getLong(1), rs.getLong(2))).get(0);
            Object[] hibernate = (Object[]) entityManager.createNativeQuery("select pg_backend_pid(), txid_current()")
                    .getSingleResult();
            assertThat(List.of(((Number) hibernate[0]).longValue(), ((Number) hibernate[1]).longValue()))
                    .as("Hibernate's session and the datasource: one connection, one transaction").isEqualTo(jdbc);
            leases.check(migration, 71);
            return jdbc.get(0).intValue();
        });

        String checkSql = Sql.query(dataSource, "select query from pg_stat_activity where pid = ?", rs -> rs.getString(1),
                chunk.backendPid()).get(0);
        assertThat(checkSql).contains("migration_lease").endsWith("for share");
        try (Connection other = dataSource.getConnection()) {
            assertThat(lockNowait(other, migration, "for share")).as("another check goes through").isNull();
            assertThat(lockNowait(other, migration, "for no key update")).as("a takeover or update must wait")
                    .isEqualTo("55P03");
        }
        chunk.commit();
    }

    @Test
    void aFencedCheckRollsBackTheJdbcWritesOfItsTransaction() {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        leases.bind(migration, lease.token(), 81);
        long runId = -System.nanoTime();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Sql.update(dataSource, "insert into retrieved_page (run_id, source, page_no, first_index, item_count, total, "
                    + "watermark) values (?, 's1', 0, 0, 0, 0, 0)", runId);
            leases.check(migration, 82);
        })).isInstanceOf(FencedException.class);
        assertThat(Sql.query(dataSource, "select 1 from retrieved_page where run_id = ?", rs -> 1, runId))
                .as("the chunk's JDBC write went with the fenced transaction").isEmpty();
    }

    @Test
    void aTakeoverWaitsUntilTheTransactionThatCheckedTheLeaseHasEnded() throws Exception {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        leases.bind(migration, lease.token(), 91);
        expire(migration);
        HeldTransaction chunk = hold(() -> {
            leases.check(migration, 91);
            return 0;
        });

        CompletableFuture<Lease> takeover = CompletableFuture.supplyAsync(() -> leases.acquire(migration), threads);
        Waits.backendWaitingOnLockIn(dataSource, "for no key update");
        assertThat(takeover).as("the takeover waits for the chunk that checked").isNotDone();
        chunk.commit();

        assertThat(takeover.get(20, TimeUnit.SECONDS).crashedExecution()).isEqualTo(91);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> leases.check(migration, 91)))
                .isInstanceOf(FencedException.class);
    }

    /**
     * Whether the holder's lease has expired is decided when its row is locked, not when the acquisition
     * began: an acquisition that waited on the lock past the expiry takes the lease over, where it said
     * "held, expires at" a time already past (a prune's transaction held the row beyond the lease's life).
     */
    @Test
    void aLeaseThatExpiredWhileTheAcquisitionWaitedForItsRowIsTakenOver() throws Exception {
        String migration = freshMigration();
        Lease lease = leases.acquire(migration);
        leases.bind(migration, lease.token(), 97);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            assertThat(lockNowait(holder, migration, "for share")).isNull();
            CompletableFuture<Lease> acquisition = CompletableFuture.supplyAsync(() -> leases.acquire(migration), threads);
            Waits.backendWaitingOnLockIn(dataSource, "for no key update");
            // expires now: after the waiting acquisition's transaction began, before it gets the row
            try (PreparedStatement ps = holder.prepareStatement(
                    "update migration_lease set expires_at = clock_timestamp() where migration = ?")) {
                ps.setString(1, migration);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            holder.commit();
            assertThat(acquisition.get(20, TimeUnit.SECONDS).crashedExecution()).isEqualTo(97);
        }
    }

    /**
     * The lease path's mixing rule: its writes are statements that execute at once (nothing waits for
     * a flush), so the JDBC statement that follows in the same transaction sees them.
     */
    @Test
    void leaseStatementsInATransactionAreSeenByTheJdbcStatementThatFollowsIt() {
        String migration = freshMigration();
        QuarkusTransaction.requiringNew().run(() -> {
            long token = MigrationLease.nextToken();
            java.time.Instant now = MigrationLease.databaseNow();
            assertThat(MigrationLease.insertIfAbsent(migration, token, "mixing", now.plusSeconds(30))).isTrue();
            assertThat(MigrationLease.bind(migration, token, 101)).isTrue();
            assertThat(Sql.query(dataSource, "select execution_id from migration_lease where migration = ?",
                    rs -> rs.getLong(1), migration)).containsExactly(101L);
            MigrationLease.release(migration, 101);
            assertThat(Sql.query(dataSource, "select 1 from migration_lease where migration = ?", rs -> 1, migration))
                    .isEmpty();
        });
    }

    // --- helpers ---

    /** Ends the racing transaction by a rollback. */
    private static final class RacerRolledBack extends RuntimeException {
    }

    /** A transaction kept open on a thread of its own until {@link #commit()}. */
    private record HeldTransaction(int backendPid, CountDownLatch end, Future<?> thread) {
        void commit() throws Exception {
            end.countDown();
            thread.get(20, TimeUnit.SECONDS);
        }
    }

    /** Interface for the work of a held transaction: returns its backend pid (or 0). */
    private interface Work {
        int run() throws Exception;
    }

    private HeldTransaction hold(Work work) throws Exception {
        CompletableFuture<Integer> begun = new CompletableFuture<>();
        CountDownLatch end = new CountDownLatch(1);
        Future<?> thread = threads.submit(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    try {
                        begun.complete(work.run());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    Waits.released(end);
                });
            } catch (RuntimeException | Error e) {
                begun.completeExceptionally(e);
                throw e;
            }
        });
        return new HeldTransaction(begun.get(20, TimeUnit.SECONDS), end, thread);
    }

    /** @return null when the lock was granted at once, else the SQLState of the refusal */
    private static String lockNowait(Connection connection, String migration, String lock) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select 1 from migration_lease where migration = ? " + lock + " nowait")) {
            ps.setString(1, migration);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return null;
            }
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private void expire(String migration) {
        Sql.update(dataSource, "update migration_lease set expires_at = now() - interval '1 second' where migration = ?",
                migration);
    }

    private boolean expired(String migration) {
        return Sql.query(dataSource, "select expires_at < now() from migration_lease where migration = ?",
                rs -> rs.getBoolean(1), migration).get(0);
    }

    /** @return token, execution id and owner of the lease row, or null when there is none */
    private List<String> leaseRow(String migration) {
        List<List<String>> rows = Sql.query(dataSource,
                "select token, execution_id, owner from migration_lease where migration = ?",
                rs -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)), migration);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
