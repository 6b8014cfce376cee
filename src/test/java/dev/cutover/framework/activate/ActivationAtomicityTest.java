package dev.cutover.framework.activate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.DispatchAudit.ReferencePolicy;
import dev.cutover.support.DispatchAuditReport;
import dev.cutover.support.DispatcherRun;
import dev.cutover.support.FailOnce;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With the dispatcher ticking every 20 ms throughout an apply or a rollback (also one that fails
 * and is restarted by id), every notification due in the window is dispatched exactly once and no
 * tick mixes models.
 */
@QuarkusTest
class ActivationAtomicityTest {

    private static final String MIGRATION = "notification-rules-v2";
    // Monday 08:00 UTC; the demo's times are whole or half hours, so 15-minute slots see every due tuple
    private static final Instant FIRST_SLOT = Instant.parse("2025-01-06T08:00:00Z");

    @Inject
    GenerationSwitch generations;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    DataSource dataSource;

    /** After as before: a generation left executing would be a MASS_REMOVAL for the plans of other tests. */
    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void applyThenRollbackWhileDispatchingDispatchesEachNotificationOnceFromOneModelPerTick() {
        try (DemoSources sources = DemoSources.start()) {
            plannedLegacy(sources);
            try (DispatcherRun run = dispatching()) {
                run.awaitSlots(20, Duration.ofSeconds(30));
                Result apply = Cli.run(Apply.accepting(sources));
                assertThat(apply.exitCode()).as(apply.toString()).isZero();
                int activated = generations.current(MIGRATION).generation();
                run.awaitSlots(run.slots().size() + 20, Duration.ofSeconds(30));
                assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
                run.awaitSlots(run.slots().size() + 20, Duration.ofSeconds(30));

                DispatchAuditReport report = run.audit(ReferencePolicy.ofDemo()).assertExactlyOnceAndUnmixed();
                assertThat(report.modelsSeen()).containsExactly("legacy", "generation " + activated);
                assertThat(report.modelChanges()).as("legacy -> generation -> legacy").isEqualTo(2);
                assertThat(report.expected()).isPositive();
            }
        }
    }

    @Test
    @InjectsFaults("an exception in the validate step")
    void failureInValidateThenRestartKeepsDispatchExactlyOnce() {
        restartedApplyWhileDispatching("validate");
    }

    @Test
    @InjectsFaults("an exception inside the activation transaction")
    void failureInsideActivationThenRestartKeepsDispatchExactlyOnce() {
        restartedApplyWhileDispatching("activate-before-commit");
    }

    private void restartedApplyWhileDispatching(String failAt) {
        FailOnce.at(failAt);
        try (DemoSources sources = DemoSources.start()) {
            plannedLegacy(sources);
            try (DispatcherRun run = dispatching()) {
                run.awaitSlots(20, Duration.ofSeconds(30));
                Result failed = Cli.run(Apply.accepting(sources));
                assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
                assertThat(generations.current(MIGRATION).isLegacy()).isTrue();
                run.awaitSlots(run.slots().size() + 10, Duration.ofSeconds(30));

                Result restarted = Cli.run("restart", failed.failedExecutionId());
                assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
                int activated = generations.current(MIGRATION).generation();
                run.awaitSlots(run.slots().size() + 20, Duration.ofSeconds(30));

                DispatchAuditReport report = run.audit(ReferencePolicy.ofDemo()).assertExactlyOnceAndUnmixed();
                assertThat(report.modelsSeen()).containsExactly("legacy", "generation " + activated);
            }
        }
    }

    /** A completed plan of the sources' data is what the legacy stand-in executes. */
    private static void plannedLegacy(DemoSources sources) {
        Result plan = Cli.run(Apply.args("plan", sources));
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(3);
    }

    private DispatcherRun dispatching() {
        return DispatcherRun.start(dispatcher, dataSource, FIRST_SLOT, Duration.ofMinutes(15), 5000, Duration.ofMillis(20));
    }
}
