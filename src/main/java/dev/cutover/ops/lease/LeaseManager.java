package dev.cutover.ops.lease;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.WriteFence;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Single writer per migration (DESIGN.md §7): an execution acquires its migration's lease before it
 * starts, binds it to its execution id as its first act, renews it while it runs, and releases it
 * when it ends, however it ends. A lease not renewed for {@code cutover.lease.ttl} has expired: its
 * holder crashed, and the next acquisition takes it over with a new token. Also the
 * {@link WriteFence}: a commit of an execution that is no longer the holder fails.
 */
@ApplicationScoped
public class LeaseManager implements WriteFence {

    /** This process, as lease owner: pid and host. */
    static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    /** @return this process as it names itself in leases and schedule records */
    public static String owner() {
        return OWNER;
    }

    /** The fence check: the holder's row, locked shared until the transaction ends. */
    private static final String HOLDER_CHECK = """
            select token from migration_lease where migration = ? and execution_id = ? for share""";

    /** The fence check of a lease that no execution uses (see {@link #checkUnbound}). */
    private static final String UNBOUND_CHECK = """
            select token from migration_lease where migration = ? and token = ? and execution_id is null for share""";

    @Inject
    LeaseConfig config;

    @Inject
    DataSource dataSource;

    /**
     * @return the lease, with the crashed execution it took over if the previous holder's expired
     * @throws LeaseHeldException when a live execution holds it
     */
    public Lease acquire(String migration) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long token = MigrationLease.nextToken();
            Instant now = MigrationLease.databaseNow();
            // a lease released between the insert and the lock is simply absent again: try again
            while (true) {
                if (MigrationLease.insertIfAbsent(migration, token, OWNER, now.plus(config.ttl()))) {
                    return new Lease(migration, token, null);
                }
                MigrationLease held = MigrationLease.lockForTakeover(migration).orElse(null);
                if (held == null) {
                    continue;
                }
                // the lock may have been waited for (a prune's transaction holds the row): expired or not is
                // decided now, or a lease that expired during the wait is refused as held "until" a past time
                Instant locked = MigrationLease.databaseClock();
                if (!held.expiredAt(locked)) {
                    throw new LeaseHeldException(migration, held.executionId, held.owner, held.expiresAt);
                }
                MigrationLease.takeOver(migration, token, OWNER, locked, locked.plus(config.ttl()));
                return new Lease(migration, token, held.executionId);
            }
        });
    }

    /**
     * Binds the lease to the execution that uses it (the execution's first act).
     *
     * @throws FencedException when the lease was taken over in between
     */
    public void bind(String migration, long token, long executionId) {
        if (!QuarkusTransaction.requiringNew().call(() -> MigrationLease.bind(migration, token, executionId))) {
            throw new FencedException("execution " + executionId + " lost the lease of " + migration + " before it began");
        }
    }

    /** Renews the execution's lease. @return false when it no longer holds it */
    public boolean renew(String migration, long executionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> MigrationLease.renew(migration, executionId, MigrationLease.databaseNow().plus(config.ttl())));
    }

    /**
     * Renews a lease that no execution uses: a task of this process that may outlast the ttl (a prune).
     *
     * @return false when it no longer holds it (it expired and another acquisition took it over)
     */
    public boolean renewUnbound(Lease lease) {
        return QuarkusTransaction.requiringNew().call(() -> MigrationLease.renewUnbound(lease.migration(), lease.token(),
                MigrationLease.databaseNow().plus(config.ttl())));
    }

    /** Releases the execution's lease, if it still holds it. */
    public void release(String migration, long executionId) {
        QuarkusTransaction.requiringNew().run(() -> MigrationLease.release(migration, executionId));
    }

    /** Releases a lease acquired for an execution that never started. */
    public void releaseUnbound(Lease lease) {
        QuarkusTransaction.requiringNew().run(() -> MigrationLease.releaseUnbound(lease.migration(), lease.token()));
    }

    /**
     * Checks, in the caller's transaction, that the acquisition of {@code lease} still holds it, like
     * {@link #check}: a takeover waits for that transaction to end.
     *
     * @throws FencedException when it no longer holds it
     */
    public void checkUnbound(Lease lease) {
        if (Sql.query(dataSource, UNBOUND_CHECK, rs -> rs.getLong(1), lease.migration(), lease.token()).isEmpty()) {
            throw new FencedException("this process no longer holds the lease of " + lease.migration()
                    + ": it expired and another execution took it over; this commit is refused");
        }
    }

    /**
     * Checks, in the caller's transaction, that the execution still holds the lease. The row is locked
     * shared, not renewed: the chunks of an execution's partitions check at once instead of queueing
     * on the lease row one commit after the other, while a takeover ({@code select ... for no key update}
     * in {@link #acquire}) still waits for every chunk that checked and then sees whether the lease expired.
     * The lease is renewed by {@link LeaseHeartbeat}. The lock is taken on the transaction's one
     * connection, the one its JDBC writes use too (README, "Two stores").
     */
    @Override
    public void check(String migration, long executionId) {
        // JDBC, not the session: the check runs in every chunk's commit (4,000 at 1M records in retrieve
        // alone), where Hibernate's native query cost three times a JDBC statement's CPU (async-profiler)
        if (Sql.query(dataSource, HOLDER_CHECK, rs -> rs.getLong(1), migration, executionId).isEmpty()) {
            throw new FencedException("execution " + executionId + " no longer holds the lease of " + migration
                    + ": another execution took over; this commit is refused");
        }
    }
}
