package dev.cutover.ops.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseHeldException;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.ops.run.MigrationCatalog;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover rollback <migration>}: switches back, in one short transaction, to the generation
 * that executed before the current one (0 = legacy). Refused (exit 3) when legacy already executes.
 */
@Dependent
@Unremovable
@Command(name = "rollback", description = "Switch back to the generation that executed before the current one.")
public class RollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<migration>")
    String migration;

    @Spec
    CommandSpec spec;

    @Inject
    MigrationCatalog catalog;

    @Inject
    GenerationSwitch generations;

    @Inject
    LeaseManager leases;

    @Override
    public Integer call() {
        catalog.require(migration);
        Lease lease;
        try {
            lease = leases.acquire(migration);
        } catch (LeaseHeldException held) {
            spec.commandLine().getErr().println("cutover: " + held.getMessage());
            return ExitCode.LEASE_HELD;
        }
        int from;
        Optional<Integer> to;
        try {
            from = generations.current(migration).generation();
            to = QuarkusTransaction.requiringNew().call(() -> generations.rollback(migration));
        } finally {
            leases.releaseUnbound(lease);
        }
        if (to.isEmpty()) {
            spec.commandLine().getOut().printf("rollback refused: %s executes legacy (generation 0), there is nothing to roll back to%n",
                    migration);
            return ExitCode.REFUSED;
        }
        spec.commandLine().getOut().printf("rolled back: %s now executes generation %d (was %d)%n", migration, to.get(), from);
        return ExitCode.OK;
    }
}
