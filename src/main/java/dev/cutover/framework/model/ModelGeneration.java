package dev.cutover.framework.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.type.StandardBasicTypes;

import dev.cutover.framework.run.EntityRows;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One activated generation of a migration ({@code model_generation}): generations are numbered 1, 2,
 * 3... in activation order and never reused; each names the run whose staged model it is. Written once
 * by an activation, never changed.
 */
@Entity
@Table(name = "model_generation")
@IdClass(ModelGeneration.Key.class)
public class ModelGeneration extends PanacheEntityBase {

    /** The primary key: a migration and its generation number. */
    public static class Key implements Serializable {
        public String migration;
        public int generation;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.migration.equals(migration) && k.generation == generation;
        }

        @Override
        public int hashCode() {
            return Objects.hash(migration, generation);
        }
    }

    @Id
    public String migration;

    @Id
    public int generation;

    public long runId;

    public String digest;

    public String entityKind;

    /** The apply that activated it. */
    public long executionId;

    /** On the database's clock. */
    @Generated
    public Instant activatedAt;

    protected ModelGeneration() {
    }

    public ModelGeneration(String migration, int generation, long runId, String digest, String entityKind, long executionId) {
        this.migration = migration;
        this.generation = generation;
        this.runId = runId;
        this.digest = digest;
        this.entityKind = entityKind;
        this.executionId = executionId;
    }

    /**
     * @return the number the migration's next activation takes; call under the pointer's lock. SQL, not
     *         HQL: it runs inside the activation's critical section, where parsing an HQL statement the
     *         first time would hold the lock for 0.1 s more ({@link ExecutingModelPointer#lock})
     */
    public static int nextNumber(String migration) {
        // the result typed here: else Hibernate asks the driver to describe the column, a catalog query
        return ((Number) getSession().createNativeQuery("""
                select coalesce(max(generation), 0) + 1 as next_number from model_generation where migration = ?1""",
                Object.class).addScalar("next_number", StandardBasicTypes.INTEGER).setParameter(1, migration)
                .getSingleResult()).intValue();
    }

    /** @return the migration's generations, first activated first */
    public static List<ModelGeneration> of(String migration) {
        return EntityRows.where(ModelGeneration.class, "migration", migration, "generation");
    }
}
