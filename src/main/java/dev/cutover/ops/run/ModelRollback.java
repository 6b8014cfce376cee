package dev.cutover.ops.run;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.model.ModelKeyIndex;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rollback as the command line and the HTTP API run it: under the migration's lease (so never
 * beside a running apply), one short transaction back to the generation that executed before. Before
 * it, without the lease (a build may outlast the lease's ttl), the key index of the model it returns to
 * is built for the migration's live executor ({@link ModelKeyIndex#buildBeforeSwitch}).
 */
@ApplicationScoped
public class ModelRollback {

    @Inject
    GenerationSwitch generations;

    @Inject
    LeaseManager leases;

    @Inject
    ModelKeyIndex keyIndex;

    @Inject
    ExecutingModelReader reader;

    @Inject
    Migrations migrations;

    /** {@code to} is empty when legacy already executed: there was nothing to roll back to. */
    public record Result(String migration, int from, Optional<Integer> to) {
    }

    /** @throws dev.cutover.ops.lease.LeaseHeldException while an execution of the migration runs */
    public Result rollback(String migration) {
        // refused at once while an execution runs, before any work
        leases.releaseUnbound(leases.acquire(migration));
        indexTheModelToReturnTo(migration);
        Lease lease = leases.acquire(migration);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                int from = generations.current(migration).generation();
                Optional<Integer> to = generations.rollback(migration);
                // in the switch's transaction: the history shows a rollback exactly when it happened
                to.ifPresent(generation -> new ModelRollbackRecord(migration, from, generation).persist());
                return new Result(migration, from, to);
            });
        } finally {
            leases.releaseUnbound(lease);
        }
    }

    /**
     * Built without the lease: a build may outlast the lease's ttl (nothing renews a rollback's), and an
     * apply that took the expired lease over could activate a generation this switch would then undo. The
     * index is derived data, harmless to build twice; should the model to return to change before the
     * switch, the live executor builds the other one's on first use.
     */
    private void indexTheModelToReturnTo(String migration) {
        Optional<MigrationDescriptor<?, ?, ?>> descriptor = migrations.find(migration);
        if (descriptor.isEmpty()) {
            return;
        }
        reader.rollbackTarget(migration).ifPresent(model -> keyIndex.buildBeforeSwitch(descriptor.get(), model));
    }
}
