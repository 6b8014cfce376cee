package dev.cutover.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import dev.cutover.framework.metrics.LiveExecutorMetrics;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import dev.cutover.migrations.notifications.dispatch.SimulatedSlotClock;
import dev.cutover.migrations.notifications.dispatch.SlotClock;
import dev.cutover.support.DispatchAudit.ReferencePolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;

/**
 * The dispatcher running on a simulated clock for the duration of a test, and the audit of what it
 * dispatched: the one way tests start, await and stop it.
 *
 * <pre>{@code
 * try (DispatcherRun run = DispatcherRun.start(dispatcher, dataSource, MONDAY_0800, Duration.ofMinutes(15), 1000,
 *         Duration.ofMillis(20))) {
 *     run.awaitSlots(20, Duration.ofSeconds(30));      // legacy dispatching before the switch
 *     ... apply / activate / rollback ...
 *     run.awaitSlots(run.slots().size() + 20, Duration.ofSeconds(30));  // and after it
 *     run.stop();
 *     run.audit(ReferencePolicy.ofDemo()).assertExactlyOnceAndUnmixed();
 * }
 * }</pre>
 */
public final class DispatcherRun implements AutoCloseable {

    private final NotificationDispatcher dispatcher;
    private final DataSource dataSource;
    private final SimulatedSlotClock clock;
    private final long afterTick;

    private DispatcherRun(NotificationDispatcher dispatcher, DataSource dataSource, SimulatedSlotClock clock) {
        this.dispatcher = dispatcher;
        this.dataSource = dataSource;
        this.clock = clock;
        this.afterTick = DispatchAudit.lastTick(dataSource);
    }

    /**
     * Starts the dispatcher with a simulated clock: slot {@code first}, {@code first + step}, ...,
     * {@code count} slots in all, one per tick, a tick every {@code tick}.
     */
    public static DispatcherRun start(NotificationDispatcher dispatcher, DataSource dataSource, Instant first,
            Duration step, int count, Duration tick) {
        DispatcherRun run = new DispatcherRun(dispatcher, dataSource, SlotClock.simulated(first, step, count));
        dispatcher.start(tick, run.clock);
        return run;
    }

    /** Waits until at least {@code slots} slots were processed (committed), or all of them were. */
    public DispatcherRun awaitSlots(int slots, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(() -> clock.processedSlots().size() >= slots || clock.isExhausted());
        return this;
    }

    /**
     * The dispatcher's own count of its ticks with {@code outcome} ({@code dispatched}, {@code idle},
     * {@code failed}) since the application started, as its metric {@value LiveExecutorMetrics#DECISIONS}
     * reports them: the signal a test awaits to know that ticks really ran.
     */
    public static long ticks(String outcome) {
        MeterRegistry registry = Arc.container().instance(MeterRegistry.class).get();
        Counter counter = registry.find(LiveExecutorMetrics.DECISIONS).tag("migration", NotificationDispatcher.MIGRATION)
                .tag("executor", "dispatcher").tag("outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    /** Waits until the dispatcher counted {@code more} ticks with {@code outcome} than when this was called. */
    public DispatcherRun awaitTicks(String outcome, long more, Duration timeout) {
        long target = ticks(outcome) + more;
        await().atMost(timeout).pollInterval(Duration.ofMillis(5)).until(() -> ticks(outcome) >= target);
        return this;
    }

    /** Waits until every slot of the clock was processed. */
    public DispatcherRun awaitAllSlots(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(clock::isExhausted);
        return this;
    }

    /** @return the slots processed so far: the audit's window */
    public List<Instant> slots() {
        return clock.processedSlots();
    }

    /** Stops the dispatcher after its running tick. */
    public void stop() {
        dispatcher.stop();
    }

    /**
     * Stops the dispatcher and audits the slots it processed against {@code reference}, counting only
     * the rows of this run's ticks.
     */
    public DispatchAuditReport audit(List<ReferencePolicy> reference) {
        stop();
        return DispatchAudit.audit(dataSource, slots(), afterTick, reference);
    }

    @Override
    public void close() {
        stop();
    }
}
