package dev.cutover.framework.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The executing model of one migration ({@code executing_model}): which generation executes (0 =
 * legacy) and the generations that executed before it, most recent last. Switched only under its row
 * lock ({@link #lock}), in one short transaction; read through {@link ExecutingModelReader} (the
 * {@code executing_generation} view), which never locks.
 */
@Entity
@Table(name = "executing_model")
public class ExecutingModelPointer extends PanacheEntityBase {

    @Id
    public String migration;

    /** The generation executing; 0 is legacy. */
    public int generation;

    /** The generations that executed before, most recent last: what rollback returns to. */
    public int[] history;

    /** When it was last switched, on the database's clock. */
    @Generated(event = { EventType.INSERT, EventType.UPDATE }, sql = "now()")
    public Instant switchedAt;

    /**
     * Holds the migration's pointer row until the caller's transaction ends, creating it (at legacy) the
     * first time: concurrent switches of the migration queue here, one after the other.
     *
     * @return the pointer, locked
     */
    public static ExecutingModelPointer lock(String migration) {
        ExecutingModelPointer pointer = findById(migration, LockModeType.PESSIMISTIC_WRITE);
        if (pointer != null) {
            return pointer;
        }
        // a concurrent first switch inserts too: one insert waits for the other's commit and does nothing.
        // SQL, not HQL, like every statement of the activation's transaction: Hibernate parses an HQL
        // statement the first time it runs, which inside the critical section took 0.1 s (measured)
        getEntityManager().createNativeQuery("insert into executing_model (migration) values (?1) on conflict do nothing")
                .setParameter(1, migration).executeUpdate();
        return findById(migration, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Makes {@code next} the executing generation; the one executing until now goes on the history. */
    public void switchTo(int next) {
        history = Arrays.copyOf(history, history.length + 1);
        history[history.length - 1] = generation;
        generation = next;
    }

    /** @return the generation now executing, the one before; empty when there is nothing to go back to */
    public Optional<Integer> switchBack() {
        if (history.length == 0) {
            return Optional.empty();
        }
        generation = history[history.length - 1];
        history = Arrays.copyOf(history, history.length - 1);
        return Optional.of(generation);
    }
}
