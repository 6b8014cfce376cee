package dev.cutover.framework.stage;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A run whose staged model passed validation ({@code validated_model}), for the plan with
 * {@link #digest}: activation switches only to such a run. The validate step of a restarted run
 * marks it again (the same row, its latest execution).
 */
@Entity
@Table(name = "validated_model")
public class ValidatedModel extends PanacheEntityBase {

    @Id
    public long runId;

    public String migration;

    /** The digest of the plan whose model was validated. */
    public String digest;

    /** The execution that validated it last. */
    public long executionId;

    /** When it was validated last, on the database's clock. */
    @Generated(event = { EventType.INSERT, EventType.UPDATE }, sql = "now()")
    public Instant validatedAt;

    /**
     * Marks run {@code runId} validated, in the caller's transaction (a fenced one: only the lease
     * holder's execution of the run writes its row).
     */
    public static void mark(long runId, String migration, String digest, long executionId) {
        ValidatedModel row = findById(runId);
        if (row != null) {
            row.digest = digest;
            row.executionId = executionId;
            return;
        }
        row = new ValidatedModel();
        row.runId = runId;
        row.migration = migration;
        row.digest = digest;
        row.executionId = executionId;
        row.persist();
    }

    /** @return the digest of the plan the run's staged model was validated for; empty when it was not */
    public static Optional<String> digestOf(long runId) {
        return ValidatedModel.<ValidatedModel> findByIdOptional(runId).map(v -> v.digest);
    }
}
