package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RollbackCommandTest {

    @Inject
    LeaseManager leases;

    @Test
    void rollbackWhileAnExecutionHoldsTheLeaseExitsFourAndSwitchesNothing() {
        String before = Cli.run("export", "notification-rules-v2").out();
        Lease running = leases.acquire("notification-rules-v2");
        try {
            Result r = Cli.run("rollback", "notification-rules-v2");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("holds the lease");
        } finally {
            leases.releaseUnbound(running);
        }
        assertThat(Cli.run("export", "notification-rules-v2").out()).isEqualTo(before);
    }

    @Test
    void rollbackOfAnUnknownMigrationIsAUsageError() {
        Result r = Cli.run("rollback", "nope");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("unknown migration 'nope'");
    }
}
