package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.metrics.ProgressText;
import dev.cutover.framework.metrics.RunProgress;

/**
 * Shows an execution's progress while a command waits for it. On a {@link Terminal}: one live line per
 * phase, rewritten in place every {@value #REDRAW_MS} ms, kept on the screen when the phase ends (the
 * log lines of {@link RunProgress} are turned off meanwhile). Elsewhere it draws nothing: the
 * execution's own progress log lines (each phase's start and end, one line every
 * {@code cutover.progress.log-every} in between) are what a log collector gets.
 */
@ApplicationScoped
public class ProgressDisplay {

    static final long REDRAW_MS = 200;

    @Inject
    Terminal terminal;

    @Inject
    RunProgress progress;

    /** Showing one execution's progress until closed. */
    public interface Following extends AutoCloseable {
        /** Starts drawing this execution's progress. */
        void follow(long executionId);

        /** Draws the last state, keeps it on the screen and stops drawing. */
        @Override
        void close();
    }

    /**
     * @return the display on {@code err}, drawing nothing until {@link Following#follow}; open it before
     *         the execution starts (so that no progress log line slips in) and close it before printing
     *         the outcome
     */
    public Following open(PrintWriter err) {
        if (!terminal.isTerminal()) {
            return new Following() {
                @Override
                public void follow(long executionId) {
                }

                @Override
                public void close() {
                }
            };
        }
        progress.logLines(false);
        return new Live(err);
    }

    private final class Live implements Following {
        private final LiveLine line;
        private ScheduledExecutorService timer;
        private Phases phases;
        private boolean closed;

        Live(PrintWriter err) {
            line = LiveLine.open(err, terminal.width());
        }

        @Override
        public void follow(long executionId) {
            phases = new Phases(executionId, line);
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "cutover-progress");
                thread.setDaemon(true);
                return thread;
            });
            Phases drawn = phases;
            timer.scheduleWithFixedDelay(() -> {
                try {
                    drawn.draw();
                } catch (RuntimeException e) {
                    // a failed redraw must neither stop the next ones nor touch the execution
                }
            }, 0, REDRAW_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (timer != null) {
                timer.shutdown();
                try {
                    timer.awaitTermination(REDRAW_MS * 5, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                phases.draw();
                phases.keepCurrent();
            }
            line.close();
            progress.logLines(true);
        }
    }

    /** The phases drawn so far: the ended ones are kept on the screen, the current one is redrawn. */
    private final class Phases {
        private final long executionId;
        private final LiveLine line;
        private int kept;
        private PhaseProgress.Snapshot current;

        Phases(long executionId, LiveLine line) {
            this.executionId = executionId;
            this.line = line;
        }

        synchronized void draw() {
            List<PhaseProgress.Snapshot> all = progress.phases(executionId);
            while (kept < all.size()) {
                PhaseProgress.Snapshot phase = all.get(kept);
                if (!phase.ended()) {
                    current = phase;
                    line.draw(ProgressText.line(phase));
                    return;
                }
                line.keep(ProgressText.line(phase));
                kept++;
                current = null;
            }
        }

        /** A phase that never ended (the process is going down) stays on the screen as last seen. */
        synchronized void keepCurrent() {
            if (current != null) {
                line.keep(ProgressText.line(current));
                current = null;
            }
        }
    }
}
