package dev.cutover.ops.lease;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.type.StandardBasicTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A migration's lease ({@code migration_lease}): the right of one execution to write, as
 * {@link LeaseManager} takes, binds, renews and releases it. Every change is one statement whose
 * affected-row count decides (insert if absent, update or delete on a condition), never a read then a
 * write. Every time is on the database's clock ({@link #databaseNow}), the one clock that all processes
 * sharing the lease agree on. Each method runs in its caller's transaction. The statements are written
 * where they run rather than as named queries, which Hibernate would parse at every command's start
 * (README, "Two stores"): HQL, except the token, SQL with typed results. The fence check, which
 * reads the row in every data-path commit, is JDBC ({@link LeaseManager#check}).
 */
@Entity
@Table(name = "migration_lease")
public class MigrationLease extends PanacheEntityBase {

    @Id
    public String migration;

    /** Changes on every acquisition: what fences off an execution whose lease was taken over. */
    public long token;

    /** The execution that uses the lease; {@code null} between acquisition and bind. */
    public Long executionId;

    /** The process that acquired it ({@link LeaseManager#owner()}). */
    public String owner;

    public Instant expiresAt;

    public Instant acquiredAt;

    /** @return whether the lease had expired at {@code now} */
    boolean expiredAt(Instant now) {
        return expiresAt.isBefore(now);
    }

    /**
     * @return the database's clock as of the transaction's start (PostgreSQL's {@code now()}): the
     *         same value for every call in one transaction, so expiries computed from it are those
     *         that {@code now() + ttl} in the statements themselves would give
     */
    static Instant databaseNow() {
        return getEntityManager().createQuery("select instant", Instant.class).getSingleResult();
    }

    /**
     * @return the database's clock as it is now ({@code clock_timestamp()}), not when the transaction
     *         began as {@link #databaseNow}: for a decision taken after waiting on a lock
     */
    static Instant databaseClock() {
        return ((java.time.OffsetDateTime) getSession().createNativeQuery("select clock_timestamp() as now", Object.class)
                .addScalar("now", StandardBasicTypes.OFFSET_DATE_TIME).getSingleResult()).toInstant();
    }

    /** @return a token no acquisition used before (sequence {@code lease_token}) */
    static long nextToken() {
        return ((Number) getSession().createNativeQuery("select nextval('lease_token') as token", Object.class)
                .addScalar("token", StandardBasicTypes.LONG).getSingleResult()).longValue();
    }

    /** @return whether the lease was created; false when the migration's lease row exists already */
    static boolean insertIfAbsent(String migration, long token, String owner, Instant expiresAt) {
        return getEntityManager().createQuery("""
                insert into MigrationLease (migration, token, owner, expiresAt)
                values (:migration, :token, :owner, :expiresAt) on conflict do nothing""")
                .setParameter("migration", migration).setParameter("token", token).setParameter("owner", owner)
                .setParameter("expiresAt", expiresAt).executeUpdate() == 1;
    }

    /**
     * @return the migration's lease, its row locked until the transaction ends (a takeover's lock: it
     *         waits for every commit that checked the lease); empty when there is none
     */
    static Optional<MigrationLease> lockForTakeover(String migration) {
        return Optional.ofNullable(findById(migration, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Gives the locked lease to a new acquisition: a new token, no execution, a fresh expiry. */
    static void takeOver(String migration, long token, String owner, Instant now, Instant expiresAt) {
        getEntityManager().createQuery("""
                update MigrationLease set token = :token, owner = :owner, executionId = null, expiresAt = :expiresAt,
                  acquiredAt = :now
                where migration = :migration""").setParameter("migration", migration)
                .setParameter("token", token).setParameter("owner", owner).setParameter("now", now)
                .setParameter("expiresAt", expiresAt).executeUpdate();
    }

    /** @return whether the acquisition with {@code token} still held the lease, now bound to the execution */
    static boolean bind(String migration, long token, long executionId) {
        return getEntityManager().createQuery("""
                update MigrationLease set executionId = :executionId where migration = :migration and token = :token""")
                .setParameter("migration", migration)
                .setParameter("token", token).setParameter("executionId", executionId).executeUpdate() == 1;
    }

    /** @return whether the execution held the lease, now expiring at {@code expiresAt} */
    static boolean renew(String migration, long executionId, Instant expiresAt) {
        return getEntityManager().createQuery("""
                update MigrationLease set expiresAt = :expiresAt
                where migration = :migration and executionId = :executionId""").setParameter("migration", migration)
                .setParameter("executionId", executionId).setParameter("expiresAt", expiresAt).executeUpdate() == 1;
    }

    /** @return whether the acquisition with {@code token}, bound to no execution, held the lease, now expiring at {@code expiresAt} */
    static boolean renewUnbound(String migration, long token, Instant expiresAt) {
        return getEntityManager().createQuery("""
                update MigrationLease set expiresAt = :expiresAt
                where migration = :migration and token = :token and executionId is null""").setParameter("migration", migration)
                .setParameter("token", token).setParameter("expiresAt", expiresAt).executeUpdate() == 1;
    }

    /** Deletes the lease if the execution holds it. */
    static void release(String migration, long executionId) {
        getEntityManager().createQuery("""
                delete from MigrationLease where migration = :migration and executionId = :executionId""")
                .setParameter("migration", migration)
                .setParameter("executionId", executionId).executeUpdate();
    }

    /** Deletes the lease if the acquisition with {@code token} still holds it. */
    static void releaseUnbound(String migration, long token) {
        getEntityManager().createQuery("""
                delete from MigrationLease where migration = :migration and token = :token""")
                .setParameter("migration", migration)
                .setParameter("token", token).executeUpdate();
    }
}
