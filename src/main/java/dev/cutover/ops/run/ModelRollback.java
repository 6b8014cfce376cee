package dev.cutover.ops.run;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rollback as the command line and the HTTP API run it: under the migration's lease (so never
 * beside a running apply), one short transaction back to the generation that executed before.
 */
@ApplicationScoped
public class ModelRollback {

    @Inject
    GenerationSwitch generations;

    @Inject
    LeaseManager leases;

    /** {@code to} is empty when legacy already executed: there was nothing to roll back to. */
    public record Result(String migration, int from, Optional<Integer> to) {
    }

    /** @throws dev.cutover.ops.lease.LeaseHeldException while an execution of the migration runs */
    public Result rollback(String migration) {
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
}
