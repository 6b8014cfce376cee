package dev.cutover.framework.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Metrics of the live executors (the system's own behavior that {@code serve} runs), the same for every
 * migration so that a dashboard needs no migration's name:
 * <ul>
 * <li>{@code cutover_live_decisions_total} per migration, executor and {@code outcome}: units of work
 * done (a dispatcher tick, an admission decision), by what came of them;</li>
 * <li>{@code cutover_live_lag_seconds} per migration and executor: how long ago the executor last
 * decided anything (since it started serving, before its first decision). A dispatcher ticking every
 * second stays near 1; a value that keeps growing is an executor that stopped working. For an executor
 * that decides on request (admission), it is the time since the last request.</li>
 * </ul>
 * An executor registers when it starts serving, with the outcomes it knows, which then exist at 0;
 * then it reports each unit of work with one call, {@link Executor#decided}.
 */
@ApplicationScoped
public class LiveExecutorMetrics {

    public static final String DECISIONS = "cutover.live.decisions";
    public static final String LAG = "cutover.live.lag";

    @Inject
    MeterRegistry registry;

    // the gauge reads its executor through a weak reference: the executors are kept here
    private final Map<String, Executor> executors = new ConcurrentHashMap<>();

    /** One executor's meters. Thread-safe. */
    public final class Executor {
        private final String migration;
        private final String name;
        private volatile long lastNanos = System.nanoTime();

        private Executor(String migration, String name) {
            this.migration = migration;
            this.name = name;
        }

        /** One unit of work was done (or failed) with this outcome, e.g. {@code dispatched}, {@code limited}. */
        public void decided(String outcome) {
            counter(outcome).increment();
            lastNanos = System.nanoTime();
        }

        /** @return seconds since the last decision, or since the executor registered */
        public double lagSeconds() {
            return (System.nanoTime() - lastNanos) / 1e9;
        }

        private Counter counter(String outcome) {
            return Counter.builder(DECISIONS).description("Units of work of a live executor, by outcome")
                    .tag("migration", migration).tag("executor", name).tag("outcome", outcome).register(registry);
        }
    }

    /**
     * @param executor the executor's name, as {@code LiveExecutor.name()} (e.g. {@code dispatcher})
     * @param outcomes the outcomes it reports, registered at 0 (others may still be reported)
     * @return the executor's meters, the same ones when called again
     */
    public Executor register(String migration, String executor, String... outcomes) {
        Executor meters = executors.computeIfAbsent(migration + '\u0000' + executor, k -> {
            Executor created = new Executor(migration, executor);
            Gauge.builder(LAG, created, Executor::lagSeconds).baseUnit("seconds")
                    .description("Seconds since the live executor's last decision").tag("migration", migration)
                    .tag("executor", executor).register(registry);
            return created;
        });
        for (String outcome : outcomes) {
            meters.counter(outcome);
        }
        return meters;
    }
}
