package dev.cutover.framework.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Cutover's own metrics, exported at {@code /q/metrics} while {@code serve} runs (Prometheus names in
 * brackets), each counting one named unit:
 * <ul>
 * <li>{@code cutover_items_read_total}, {@code cutover_items_written_total} per migration, step and
 * {@code unit}: the items of the chunk steps, which are {@code pages} for retrieve, {@code records}
 * for normalize, {@code entities} for stage ({@link #unitOf});</li>
 * <li>{@code cutover_source_records_total} per migration and source: distinct ids fetched, the unit of
 * the source's {@code total};</li>
 * <li>{@code cutover_source_retries_total} per source: requests retried after a transient answer;</li>
 * <li>{@code cutover_activation_duration_seconds} per migration: the activation's critical section.</li>
 * </ul>
 * Every meter exists at 0 before it first counts: {@link #registerMigration} at boot for each migration
 * and its configured sources, {@link #registerSource} when a run starts reading a source (a
 * {@code --source} or demo source is known only then).
 */
@ApplicationScoped
public class CutoverMetrics {

    public static final String ITEMS_READ = "cutover.items.read";
    public static final String ITEMS_WRITTEN = "cutover.items.written";
    public static final String SOURCE_RECORDS = "cutover.source.records";
    public static final String SOURCE_RETRIES = "cutover.source.retries";
    public static final String ACTIVATION_DURATION = "cutover.activation.duration";

    /** The chunk steps of the framework's job shape, whose items the item counters count. */
    public static final List<String> CHUNK_STEPS = List.of("retrieve", "normalize", "stage");

    @Inject
    MeterRegistry registry;

    /** @return what one item of a chunk step is: {@code pages}, {@code records} or {@code entities} */
    public static String unitOf(String step) {
        return switch (step) {
            case "retrieve" -> "pages";
            case "normalize" -> "records";
            case "stage" -> "entities";
            default -> "items";
        };
    }

    /** Registers, at 0, every meter of the migration and of these sources. Idempotent. */
    public void registerMigration(String migration, Collection<String> sources) {
        for (String step : CHUNK_STEPS) {
            read(migration, step);
            written(migration, step);
        }
        activation(migration);
        sources.forEach(source -> registerSource(migration, source));
    }

    /** Registers, at 0, the meters of one source of the migration. Idempotent. */
    public void registerSource(String migration, String source) {
        records(migration, source);
        retries(source);
    }

    public void itemsRead(String migration, String step, long count) {
        read(migration, step).increment(count);
    }

    public void itemsWritten(String migration, String step, long count) {
        written(migration, step).increment(count);
    }

    /** {@code count} more distinct ids of the source were fetched. */
    public void recordsFetched(String migration, String source, long count) {
        records(migration, source).increment(count);
    }

    /** One request to a source is about to be retried after a transient answer. */
    public void sourceRetried(String source) {
        retries(source).increment();
    }

    /** The switch of the executing generation took this long (its transaction, commit included). */
    public void activated(String migration, Duration criticalSection) {
        activation(migration).record(criticalSection);
    }

    private Counter read(String migration, String step) {
        return Counter.builder(ITEMS_READ).description("Items read by chunk steps, in the step's unit")
                .tag("migration", migration).tag("step", step).tag("unit", unitOf(step)).register(registry);
    }

    private Counter written(String migration, String step) {
        return Counter.builder(ITEMS_WRITTEN).description("Items handed to the writers of chunk steps, in the step's unit")
                .tag("migration", migration).tag("step", step).tag("unit", unitOf(step)).register(registry);
    }

    private Counter records(String migration, String source) {
        return Counter.builder(SOURCE_RECORDS).description("Distinct ids fetched from a source (the unit of its total)")
                .tag("migration", migration).tag("source", source).register(registry);
    }

    private Counter retries(String source) {
        return Counter.builder(SOURCE_RETRIES).description("Source requests retried after a transient answer")
                .tag("source", source).register(registry);
    }

    private Timer activation(String migration) {
        return Timer.builder(ACTIVATION_DURATION).description("Critical section of the activation (the generation switch)")
                .tag("migration", migration).register(registry);
    }
}
