package dev.cutover.migrations.notifications.dispatch;

import dev.cutover.framework.plan.ModelPlanning;
import dev.cutover.migrations.notifications.NotificationRulesMigration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.normalize.OutcomeStore;
import dev.cutover.framework.run.Sql;
import dev.cutover.migrations.notifications.plan.NotificationPlanner;
import dev.cutover.support.Cli;
import dev.cutover.support.DispatchAudit.ReferencePolicy;
import dev.cutover.support.DispatchAudit;
import dev.cutover.support.DispatchAuditReport;
import dev.cutover.support.DispatcherRun;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live dispatcher on the demo data: a real plan gives the legacy model (its migrated records),
 * its planned policies are staged as a generation, and {@link GenerationSwitch} switches between them
 * while the dispatcher runs. Every check compares the log with the demo's own oracle of the policies
 * ({@link ReferencePolicy#ofDemo()}), which legacy and generation must both dispatch exactly.
 */
@QuarkusTest
class NotificationDispatcherTest {

    private static final String MIGRATION = NotificationDispatcher.MIGRATION;
    /** A Monday morning: the demo's weekday, quarter-hourly and 08:30 schedules are all due around it. */
    private static final Instant MONDAY_0800 = Instant.parse("2025-01-06T08:00:00Z");
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The demo plan's run, planned once for the class: its outcomes are the legacy model. */
    private static Long plannedRun;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    Generations generations;

    @Inject
    OutcomeStore outcomes;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void legacyExecutesTheLatestDemoPlan() {
        if (plannedRun == null) {
            Cli.Result plan = Cli.run("plan", MIGRATION, "--demo");
            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(3);
            plannedRun = Sql.query(dataSource, "select jobinstanceid from job_execution where jobexecutionid = ?",
                    rs -> rs.getLong(1), Long.parseLong(plan.executionId())).get(0);
        }
        cleanUp();
    }

    /** Leaves none of the dispatcher's or the switch's rows behind: other tests expect a dry database. */
    @AfterEach
    void cleanUp() {
        dispatcher.stop();
        generations.deleteAll(plannedRun);
    }

    @Test
    void withOnlyAPlanTheDispatcherDispatchesTheLegacyRulesEveryMinute() {
        try (DispatcherRun run = DispatcherRun.start(dispatcher, dataSource, MONDAY_0800, MINUTE, 120,
                Duration.ofMillis(5))) {
            run.awaitAllSlots(Duration.ofSeconds(60));

            DispatchAuditReport report = run.audit(ReferencePolicy.ofDemo()).assertExactlyOnceAndUnmixed();

            assertThat(report.expected()).as(report.summary()).isGreaterThan(100);
            assertThat(report.modelsSeen()).containsExactly("legacy");
        }
        assertThat(Sql.query(dataSource, "select distinct model || ' ' || generation from dispatch_log",
                rs -> rs.getString(1))).containsExactly("legacy 0");
    }

    @Test
    void ticksExecuteTheGenerationOnceActivatedAndLegacyAgainAfterRollback() {
        stageDemoPolicies();
        SimulatedSlotClock clock = SlotClock.simulated(MONDAY_0800, QUARTER, 3);

        TickResult legacy = dispatcher.tickOnce(clock);
        int generation = activate(plannedRun);
        TickResult activated = dispatcher.tickOnce(clock);
        rollback();
        TickResult rolledBack = dispatcher.tickOnce(clock);

        assertThat(List.of(legacy.model(), activated.model(), rolledBack.model()))
                .containsExactly("legacy", "generation", "legacy");
        assertThat(List.of(legacy.generation(), activated.generation(), rolledBack.generation()))
                .containsExactly(0, generation, 0);
        assertThat(activated.runId()).isEqualTo(plannedRun);
        assertThat(legacy.dispatched()).isPositive();
        DispatchAudit.audit(dataSource, clock.processedSlots(), 0, ReferencePolicy.ofDemo())
                .assertExactlyOnceAndUnmixed();
    }

    @Test
    void aDispatcherRunningThroughRepeatedSwitchesDispatchesEveryDueTupleExactlyOnceAndNeverMixesModels() {
        stageDemoPolicies();
        AtomicBoolean switching = new AtomicBoolean(true);
        AtomicInteger switches = new AtomicInteger();
        long started = System.nanoTime();
        DispatchAuditReport report;
        // 400 quarter hours: Monday 08:00 to Friday 12:00, every slot with something due
        try (DispatcherRun run = DispatcherRun.start(dispatcher, dataSource, MONDAY_0800, QUARTER, 400,
                Duration.ofMillis(20))) {
            CompletableFuture<Void> switcher = CompletableFuture.runAsync(() -> {
                while (switching.get()) {
                    ticksOf(run);
                    activate(plannedRun);
                    switches.incrementAndGet();
                    ticksOf(run);
                    rollback();
                    switches.incrementAndGet();
                }
            });
            run.awaitAllSlots(Duration.ofSeconds(120));
            switching.set(false);
            switcher.join();
            report = run.audit(ReferencePolicy.ofDemo());
        }
        System.out.printf("atomicity: %s; %d switches in %d ms%n", report.summary(), switches.get(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        report.assertExactlyOnceAndUnmixed();
        assertThat(report.expected()).isGreaterThan(10_000);
        // generation numbers depend on what earlier tests activated in the same database: count them
        assertThat(report.modelsSeen()).contains("legacy");
        assertThat(report.modelsSeen().stream().filter(m -> m.startsWith("generation ")).count()).isGreaterThanOrEqualTo(2);
        assertThat(report.modelChanges()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aTickThatFailsMidwayIsRolledBackAndItsSlotIsDispatchedByTheNextTickExactlyOnce() {
        SimulatedSlotClock clock = SlotClock.simulated(MONDAY_0800, QUARTER, 1);
        // fails the tick after it logged 5 rows, so that there is something to roll back
        Sql.update(dataSource, """
                create or replace function dispatch_fault() returns trigger language plpgsql as $$
                begin
                  if (select count(*) from dispatch_log where tick = new.tick) >= 5 then
                    raise exception 'injected dispatch fault';
                  end if;
                  return new;
                end $$""");
        Sql.update(dataSource, "create trigger dispatch_fault before insert on dispatch_log for each row "
                + "execute function dispatch_fault()");
        try {
            assertThatThrownBy(() -> dispatcher.tickOnce(clock)).hasStackTraceContaining("injected dispatch fault");
            assertThat(rowsAt(MONDAY_0800)).isZero();
            assertThat(clock.dueSlots()).containsExactly(MONDAY_0800);
        } finally {
            Sql.update(dataSource, "drop trigger dispatch_fault on dispatch_log");
            Sql.update(dataSource, "drop function dispatch_fault()");
        }

        TickResult retried = dispatcher.tickOnce(clock);

        assertThat(retried.slots()).containsExactly(MONDAY_0800);
        DispatchAudit.audit(dataSource, List.of(MONDAY_0800), 0, ReferencePolicy.ofDemo())
                .assertExactlyOnceAndUnmixed();
    }

    @Test
    @InjectsFaults("an executing generation 99 that does not exist")
    void theRunningDispatcherRetriesFailingTicksUntilTheyPassWithoutLosingASlot() {
        // the pointer names a generation that was never activated: every tick fails on it
        Sql.update(dataSource, "insert into executing_model (migration, generation) values (?, 99)", MIGRATION);
        try (DispatcherRun run = DispatcherRun.start(dispatcher, dataSource, MONDAY_0800, QUARTER, 40,
                Duration.ofMillis(10))) {
            // the dispatcher's own count: these ticks ran, and failed
            run.awaitTicks("failed", 5, Duration.ofSeconds(30));
            assertThat(run.slots()).as("no tick passes while the pointer is broken").isEmpty();
            Sql.update(dataSource, "update executing_model set generation = 0 where migration = ?", MIGRATION);

            run.awaitAllSlots(Duration.ofSeconds(30));

            DispatchAuditReport report = run.audit(ReferencePolicy.ofDemo()).assertExactlyOnceAndUnmixed();
            assertThat(report.slots()).isEqualTo(40);
        }
    }

    @Test
    void stopWaitsForTheRunningTickAndNoTickRunsAfterIt() {
        SimulatedSlotClock clock = SlotClock.simulated(MONDAY_0800);
        dispatcher.start(Duration.ofMillis(1), clock);
        assertThat(dispatcher.isRunning()).isTrue();
        assertThatThrownBy(() -> dispatcher.start(Duration.ofMillis(1), clock)).isInstanceOf(IllegalStateException.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> clock.processedSlots().size() >= 5);

        dispatcher.stop();
        List<Instant> processed = clock.processedSlots();
        long ticks = DispatcherRun.ticks("dispatched") + DispatcherRun.ticks("failed") + DispatcherRun.ticks("idle");
        // the thread that ticks ends: no tick can run any more; none ran between stop() and then
        await().atMost(Duration.ofSeconds(30)).until(() -> !dispatcherThreadAlive());

        assertThat(dispatcher.isRunning()).isFalse();
        assertThat(DispatcherRun.ticks("dispatched") + DispatcherRun.ticks("failed") + DispatcherRun.ticks("idle"))
                .as("ticks counted after stop() returned").isEqualTo(ticks);
        assertThat(clock.processedSlots()).isEqualTo(processed).isNotEmpty();
        // every processed slot committed whole, and nothing beyond them was logged
        DispatchAudit.audit(dataSource, processed, 0, ReferencePolicy.ofDemo()).assertExactlyOnceAndUnmixed();
        assertThat(Sql.query(dataSource, "select count(*) from dispatch_log where slot > ?", rs -> rs.getLong(1),
                OffsetDateTime.ofInstant(processed.get(processed.size() - 1), ZoneOffset.UTC)))
                .containsExactly(0L);
    }

    private void stageDemoPolicies() {
        generations.stage(plannedRun, ModelPlanning.plan(new NotificationRulesMigration(), outcomes.outcomes(plannedRun)::forEach, MONDAY_0800).model());
    }

    private int activate(long runId) {
        return generations.activate(runId);
    }

    private void rollback() {
        generations.rollback();
    }

    private long rowsAt(Instant slot) {
        return generations.rowsAt(slot);
    }

    /** Lets the dispatcher commit 1 to 5 slots with the model executing now, so that every model dispatches. */
    private static void ticksOf(DispatcherRun run) {
        run.awaitSlots(run.slots().size() + ThreadLocalRandom.current().nextInt(1, 6), Duration.ofSeconds(30));
    }

    private static boolean dispatcherThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("cutover-dispatcher") && t.isAlive());
    }
}
