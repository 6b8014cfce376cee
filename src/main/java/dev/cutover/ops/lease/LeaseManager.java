package dev.cutover.ops.lease;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.util.List;

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

    @Inject
    DataSource dataSource;

    @Inject
    LeaseConfig config;

    /**
     * @return the lease, with the crashed execution it took over if the previous holder's expired
     * @throws LeaseHeldException when a live execution holds it
     */
    public Lease acquire(String migration) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long ttl = config.ttl().toMillis();
            List<Long> fresh = Sql.query(dataSource, """
                    insert into migration_lease (migration, token, owner, expires_at)
                    values (?, nextval('lease_token'), ?, now() + ? * interval '1 millisecond')
                    on conflict (migration) do nothing returning token""", rs -> rs.getLong(1), migration, OWNER, ttl);
            if (!fresh.isEmpty()) {
                return new Lease(migration, fresh.get(0), null);
            }
            record Holder(Long executionId, Timestamp expiresAt, boolean expired) {
            }
            Holder holder = Sql.query(dataSource, """
                    select execution_id, expires_at, expires_at < now() from migration_lease where migration = ? for update""",
                    rs -> new Holder((Long) rs.getObject(1), rs.getTimestamp(2), rs.getBoolean(3)), migration).get(0);
            if (!holder.expired()) {
                throw new LeaseHeldException(migration, holder.executionId() == null ? 0 : holder.executionId(),
                        holder.expiresAt().toInstant());
            }
            long token = Sql.query(dataSource, """
                    update migration_lease set token = nextval('lease_token'), owner = ?, execution_id = null,
                      expires_at = now() + ? * interval '1 millisecond', acquired_at = now()
                    where migration = ? returning token""", rs -> rs.getLong(1), OWNER, ttl, migration).get(0);
            return new Lease(migration, token, holder.executionId());
        });
    }

    /**
     * Binds the lease to the execution that uses it (the execution's first act).
     *
     * @throws FencedException when the lease was taken over in between
     */
    public void bind(String migration, long token, long executionId) {
        int bound = QuarkusTransaction.requiringNew().call(() -> Sql.update(dataSource,
                "update migration_lease set execution_id = ? where migration = ? and token = ?", executionId, migration, token));
        if (bound == 0) {
            throw new FencedException("execution " + executionId + " lost the lease of " + migration + " before it began");
        }
    }

    /** Renews the execution's lease. @return false when it no longer holds it */
    public boolean renew(String migration, long executionId) {
        return QuarkusTransaction.requiringNew().call(() -> renewInCurrentTransaction(migration, executionId)) > 0;
    }

    /** Releases the execution's lease, if it still holds it. */
    public void release(String migration, long executionId) {
        QuarkusTransaction.requiringNew().run(() -> Sql.update(dataSource,
                "delete from migration_lease where migration = ? and execution_id = ?", migration, executionId));
    }

    /** Releases a lease acquired for an execution that never started. */
    public void releaseUnbound(Lease lease) {
        QuarkusTransaction.requiringNew().run(() -> Sql.update(dataSource,
                "delete from migration_lease where migration = ? and token = ?", lease.migration(), lease.token()));
    }

    /**
     * Checks, in the caller's transaction, that the execution still holds the lease. The row is locked
     * shared, not renewed: the chunks of an execution's partitions check at once instead of queueing
     * on the lease row one commit after the other, while a takeover ({@code select ... for update} in
     * {@link #acquire}) still waits for every chunk that checked and then sees whether the lease expired.
     * The lease is renewed by {@link LeaseHeartbeat}.
     */
    @Override
    public void check(String migration, long executionId) {
        if (holdsInCurrentTransaction(migration, executionId) == 0) {
            throw new FencedException("execution " + executionId + " no longer holds the lease of " + migration
                    + ": another execution took over; this commit is refused");
        }
    }

    private int holdsInCurrentTransaction(String migration, long executionId) {
        // the row lock taken here orders this commit against a concurrent takeover
        return Sql.query(dataSource, "select 1 from migration_lease where migration = ? and execution_id = ? for share",
                rs -> rs.getInt(1), migration, executionId).size();
    }

    private int renewInCurrentTransaction(String migration, long executionId) {
        return Sql.update(dataSource, """
                update migration_lease set expires_at = now() + ? * interval '1 millisecond'
                where migration = ? and execution_id = ?""", config.ttl().toMillis(), migration, executionId);
    }
}
