package dev.cutover.ops.schedule;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A fire time of a migration's schedule that a replica started ({@code schedule_fire}): of several
 * replicas on one database, the one whose {@link #record} created the row starts it.
 */
@Entity
@Table(name = "schedule_fire")
@IdClass(ScheduleFire.Key.class)
public class ScheduleFire extends PanacheEntityBase {

    /** The primary key: a migration and a fire time of its schedule. */
    public static class Key implements Serializable {
        public String migration;
        public Instant fireTime;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.migration.equals(migration) && k.fireTime.equals(fireTime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(migration, fireTime);
        }
    }

    @Id
    public String migration;

    @Id
    public Instant fireTime;

    /** The process that started it. */
    public String startedBy;

    /**
     * Records the fire time as started by {@code startedBy}, in the caller's transaction, unless some
     * replica recorded it first: one statement, so two replicas cannot both succeed.
     *
     * @return whether this call recorded it
     */
    static boolean record(String migration, Instant fireTime, String startedBy) {
        return getEntityManager().createQuery("""
                insert into ScheduleFire (migration, fireTime, startedBy) values (:migration, :fireTime, :startedBy)
                on conflict do nothing""").setParameter("migration", migration)
                .setParameter("fireTime", fireTime).setParameter("startedBy", startedBy).executeUpdate() == 1;
    }
}
