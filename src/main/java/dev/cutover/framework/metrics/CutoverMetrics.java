package dev.cutover.framework.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Cutover's own metrics, exported at {@code /q/metrics} while {@code serve} runs (Prometheus names in
 * brackets): items read and written per migration and step ({@code cutover_items_read_total},
 * {@code cutover_items_written_total}), retried source requests per source
 * ({@code cutover_source_retries_total}) and the duration of the activation's critical section per
 * migration ({@code cutover_activation_duration_seconds}). A meter appears once it first counts.
 */
@ApplicationScoped
public class CutoverMetrics {

    public static final String ITEMS_READ = "cutover.items.read";
    public static final String ITEMS_WRITTEN = "cutover.items.written";
    public static final String SOURCE_RETRIES = "cutover.source.retries";
    public static final String ACTIVATION_DURATION = "cutover.activation.duration";

    @Inject
    MeterRegistry registry;

    public void itemsRead(String migration, String step, long count) {
        Counter.builder(ITEMS_READ).description("Items read by chunk steps").tag("migration", migration).tag("step", step)
                .register(registry).increment(count);
    }

    public void itemsWritten(String migration, String step, long count) {
        Counter.builder(ITEMS_WRITTEN).description("Items handed to the writers of chunk steps").tag("migration", migration)
                .tag("step", step).register(registry).increment(count);
    }

    /** One request to a source is about to be retried after a transient answer. */
    public void sourceRetried(String source) {
        Counter.builder(SOURCE_RETRIES).description("Source requests retried after a transient answer").tag("source", source)
                .register(registry).increment();
    }

    /** The switch of the executing generation took this long (its transaction, commit included). */
    public void activated(String migration, Duration criticalSection) {
        Timer.builder(ACTIVATION_DURATION).description("Critical section of the activation (the generation switch)")
                .tag("migration", migration).register(registry).record(criticalSection);
    }
}
