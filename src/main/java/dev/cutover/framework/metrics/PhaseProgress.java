package dev.cutover.framework.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The progress of one phase (one step) of one execution, fed by the step's artifacts at chunk
 * boundaries (a chunk, a page, a share of the plan), never per item: every method is a few field
 * writes. Thread-safe: the partitions of a step report at once.
 * <p>
 * What is counted is named by its unit ({@code records}, {@code pages}, the migration's entity kind,
 * {@code leaves}); a phase may count several things one after the other ({@link #counting} starts
 * over, e.g. the plan groups records, then checks behavior over leaves). The retrieve phase counts
 * per source instead ({@link #source}): distinct ids, the unit of a source's {@code total}. A phase of
 * a restarted execution starts from what earlier executions did ({@code alreadyDone}), which does not
 * count towards its rate.
 */
public final class PhaseProgress {

    /** Per source: distinct ids fetched (the unit of the source's total) and whether its listing ended. */
    public record SourceCount(String name, long records, long total, boolean complete) {
    }

    /** What the phase shows at one moment; {@code total} -1 when unknown. */
    public record Snapshot(String phase, String activity, String unit, long done, long total, long alreadyDone,
            Duration elapsed, Duration counting, List<SourceCount> sources, boolean ended, String endStatus) {

        /** @return done of total in percent, at most 100 (a complete source counts whole); -1 when unknown */
        public double percent() {
            if (!sources.isEmpty()) {
                long total = 0;
                long done = 0;
                for (SourceCount s : sources) {
                    total += s.total();
                    done += s.complete() ? s.total() : Math.min(s.records(), s.total());
                }
                boolean allComplete = sources.stream().allMatch(SourceCount::complete);
                return allComplete ? 100.0 : total <= 0 ? 0.0 : Math.min(99.9, done * 100.0 / total);
            }
            if (total < 0) {
                return -1;
            }
            return total == 0 ? 100.0 : Math.min(100.0, done * 100.0 / total);
        }

        /** @return units done per second by this execution (what earlier executions did left out) */
        public double ratePerSecond() {
            double seconds = counting.toNanos() / 1e9;
            return seconds < 0.2 ? 0 : Math.max(0, done - alreadyDone) / seconds;
        }

        /** @return the time left at the current rate, or {@code null} when it cannot be told */
        public Duration eta() {
            double rate = ratePerSecond();
            long left = sources.isEmpty() ? total - done
                    : sources.stream().filter(s -> !s.complete()).mapToLong(s -> Math.max(0, s.total() - s.records())).sum();
            if (ended || rate <= 0 || total < 0 && sources.isEmpty() || left <= 0) {
                return null;
            }
            return Duration.ofMillis((long) (left / rate * 1000));
        }
    }

    private final String phase;
    private final long startNanos = System.nanoTime();
    private final Consumer<PhaseProgress> changed;
    private final Map<String, SourceCount> sources = new ConcurrentHashMap<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong sourcesAlreadyDone = new AtomicLong();
    private volatile String activity;
    private volatile String unit;
    private volatile long total = -1;
    private volatile long alreadyDone;
    private volatile long countingSince = startNanos;
    private volatile long endNanos;
    private volatile String endStatus;

    PhaseProgress(String phase, Consumer<PhaseProgress> changed) {
        this.phase = phase;
        this.changed = changed;
    }

    /** @return a phase that reports to nobody: for code that runs outside an execution (tests, tools) */
    public static PhaseProgress detached(String phase) {
        return new PhaseProgress(phase, p -> {
        });
    }

    public String phase() {
        return phase;
    }

    /**
     * Starts counting {@code unit}s: from now on {@link #add} counts towards {@code total}.
     *
     * @param activity    what the phase does now, e.g. {@code grouping}; {@code null} for the phase's one job
     * @param total       how many there are, -1 when unknown
     * @param alreadyDone how many were done before (by an earlier execution of the run)
     */
    public PhaseProgress counting(String activity, String unit, long total, long alreadyDone) {
        this.activity = activity;
        this.unit = unit;
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.done.set(alreadyDone);
        this.countingSince = System.nanoTime();
        changed.accept(this);
        return this;
    }

    /** Says what the phase does now, going on counting what it counted. */
    public void describe(String activity) {
        this.activity = activity;
        changed.accept(this);
    }

    /** Says what the phase does now, when it counts nothing (e.g. {@code drift check}). */
    public void activity(String activity) {
        this.activity = activity;
        this.unit = null;
        this.total = -1;
        changed.accept(this);
    }

    /** Adds {@code n} units done (a chunk's worth). */
    public void add(long n) {
        done.addAndGet(n);
        changed.accept(this);
    }

    /** Sets the units done so far. */
    public void done(long n) {
        done.set(n);
        changed.accept(this);
    }

    /**
     * Reports one source's retrieval: distinct ids fetched so far and the source's latest total.
     *
     * @param alreadyDone distinct ids an earlier execution of the run fetched (on the first report of a
     *                    source in this execution; ignored afterwards)
     */
    public void source(String name, long records, long total, boolean complete, long alreadyDone) {
        if (sources.put(name, new SourceCount(name, records, total, complete)) == null) {
            sourcesAlreadyDone.addAndGet(alreadyDone);
        }
        unit = "records";
        changed.accept(this);
    }

    /** Ends the phase with the step's exit or batch status. */
    public void end(String status) {
        if (endNanos == 0) {
            endStatus = status;
            endNanos = System.nanoTime();
            changed.accept(this);
        }
    }

    public boolean ended() {
        return endNanos != 0;
    }

    public Snapshot snapshot() {
        long now = endNanos != 0 ? endNanos : System.nanoTime();
        List<SourceCount> bySource = new ArrayList<>(sources.values());
        bySource.sort(Comparator.comparing(SourceCount::name));
        long doneNow = bySource.isEmpty() ? done.get() : bySource.stream().mapToLong(SourceCount::records).sum();
        long totalNow = bySource.isEmpty() ? total : bySource.stream().mapToLong(SourceCount::total).sum();
        long before = bySource.isEmpty() ? alreadyDone : sourcesAlreadyDone.get();
        return new Snapshot(phase, activity, unit, doneNow, totalNow, before, Duration.ofNanos(now - startNanos),
                Duration.ofNanos(now - (bySource.isEmpty() ? countingSince : startNanos)), List.copyOf(bySource),
                endNanos != 0, endStatus);
    }
}
