package dev.cutover.ops.run;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A run whose working rows {@link RunRetention} deleted ({@code pruned_run}), written in the deletion's
 * transaction: it exists exactly when the rows are gone.
 */
@Entity
@Table(name = "pruned_run")
public class PrunedRun extends PanacheEntityBase {

    @Id
    public long runId;

    public String migration;

    /** The run's latest execution when it was pruned. */
    public long executionId;

    public long rowsDeleted;

    /** On the database's clock: the deletion's transaction time. */
    @Generated
    public Instant prunedAt;

    protected PrunedRun() {
    }

    PrunedRun(long runId, String migration, long executionId, long rowsDeleted) {
        this.runId = runId;
        this.migration = migration;
        this.executionId = executionId;
        this.rowsDeleted = rowsDeleted;
    }

    /**
     * In the caller's transaction, or one of its own: a command of the command line has neither a
     * transaction nor a request context, which the session needs.
     *
     * @return when run {@code runId}'s working rows were deleted; empty when they were not
     */
    public static Optional<Instant> prunedAt(long runId) {
        return QuarkusTransaction.joiningExisting().call(() -> PrunedRun.<PrunedRun> findByIdOptional(runId).map(p -> p.prunedAt));
    }

    /** @return the runs of {@code migration} pruned already (in the caller's transaction or one of its own) */
    static Set<Long> of(String migration) {
        return QuarkusTransaction.joiningExisting().call(() -> PrunedRun.<PrunedRun> list("migration", migration).stream()
                .map(p -> p.runId).collect(Collectors.toSet()));
    }
}
