package dev.cutover.ops.run;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.cutover.framework.run.EntityRows;

/**
 * One rollback of a migration's executing model ({@code model_rollback}), recorded by {@link ModelRollback}
 * in the switch's transaction; with the activations ({@link dev.cutover.framework.model.ModelGeneration})
 * the history that {@link GenerationHistory} shows.
 */
@Entity
@Table(name = "model_rollback")
public class ModelRollbackRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String migration;

    public int fromGeneration;

    public int toGeneration;

    /** On the database's clock: the switch's transaction time. */
    @Generated
    public Instant rolledBackAt;

    protected ModelRollbackRecord() {
    }

    ModelRollbackRecord(String migration, int fromGeneration, int toGeneration) {
        this.migration = migration;
        this.fromGeneration = fromGeneration;
        this.toGeneration = toGeneration;
    }

    /** @return the migration's rollbacks, first first */
    static List<ModelRollbackRecord> of(String migration) {
        return EntityRows.where(ModelRollbackRecord.class, "migration", migration, "rolledBackAt", "id");
    }
}
