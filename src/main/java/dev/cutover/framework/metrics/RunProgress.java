package dev.cutover.framework.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Live progress of the executions running in this process, phase by phase ({@link PhaseProgress}; a
 * phase is a step of the migration job), kept in memory for the last {@value #KEPT} executions. The
 * steps feed it at chunk boundaries; whoever shows progress reads {@link #phases} (the command line's
 * live line) or lets it log.
 * <p>
 * Logging: each phase's start and end, and at most one line every {@code cutover.progress.log-every}
 * (10 s) while it moves, at INFO in this class's category — what a log collector (CI, Kubernetes, a
 * pipe) gets. A process that draws progress itself (a terminal) turns this off with
 * {@link #logLines(boolean)}. Nothing is persisted: after a restart of the process the database
 * (the retrieved pages, the steps' counts) tells how far a run got.
 */
@ApplicationScoped
public class RunProgress {

    private static final Logger LOG = Logger.getLogger(RunProgress.class);
    static final int KEPT = 32;

    @ConfigProperty(name = "cutover.progress.log-every", defaultValue = "10s")
    Duration configuredLogEvery;

    private volatile Duration logEvery;

    private volatile boolean logLines = true;

    private final Map<Long, Execution> executions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Execution> eldest) {
            return size() > KEPT;
        }
    };

    /** The phases of one execution, in the order they began. */
    private final class Execution {
        final List<PhaseProgress> phases = new ArrayList<>();
        final Map<PhaseProgress, Long> lastLogged = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /**
     * @return the phase of the execution, begun now if it had not (its start is logged); every
     *         partition of a step gets the same one
     */
    public PhaseProgress phase(long executionId, String phase) {
        PhaseProgress begun;
        synchronized (executions) {
            Execution execution = executions.computeIfAbsent(executionId, id -> new Execution());
            for (PhaseProgress p : execution.phases) {
                if (p.phase().equals(phase)) {
                    return p;
                }
            }
            begun = new PhaseProgress(phase, p -> changed(execution, p));
            execution.phases.add(begun);
            execution.lastLogged.put(begun, System.nanoTime());
        }
        if (logLines) {
            LOG.info(ProgressText.started(begun.snapshot()));
        }
        return begun;
    }

    /** @return snapshots of the execution's phases in the order they began; empty when unknown here */
    public List<PhaseProgress.Snapshot> phases(long executionId) {
        List<PhaseProgress> phases;
        synchronized (executions) {
            Execution execution = executions.get(executionId);
            phases = execution == null ? List.of() : List.copyOf(execution.phases);
        }
        return phases.stream().map(PhaseProgress::snapshot).toList();
    }

    /** @return the phase that began last, if any */
    public Optional<PhaseProgress.Snapshot> current(long executionId) {
        List<PhaseProgress.Snapshot> phases = phases(executionId);
        return phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1));
    }

    /** Sets how often a moving phase logs a line (tests log every report with {@link Duration#ZERO}). */
    public void logEvery(Duration every) {
        logEvery = every;
    }

    /** @return how often a moving phase logs a line */
    public Duration logEvery() {
        Duration every = logEvery;
        return every != null ? every : configuredLogEvery;
    }

    /** Whether this process logs progress lines (on by default; off while a terminal shows a live line). */
    public void logLines(boolean on) {
        logLines = on;
    }

    private void changed(Execution execution, PhaseProgress phase) {
        if (!logLines) {
            return;
        }
        if (phase.ended()) {
            if (execution.lastLogged.remove(phase) != null) {
                LOG.info(ProgressText.line(phase.snapshot()));
            }
            return;
        }
        Long last = execution.lastLogged.get(phase);
        long now = System.nanoTime();
        if (last != null && now - last >= logEvery().toNanos() && execution.lastLogged.replace(phase, last, now)) {
            LOG.info(ProgressText.line(phase.snapshot()));
        }
    }
}
