package dev.cutover.framework.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Named points inside an execution where a failure drill can stop it, so that a process is killed at a
 * moment it reported itself, never one assumed from a sleep. A test replaces this bean to throw at a
 * point; a process is told what to do at them by configuration, read once when the process starts:
 * <ul>
 * <li>{@code cutover.probe.pause.<point>=<duration>}: pauses there, logging
 * {@code probe: pausing <duration> at <point>} first;</li>
 * <li>{@code cutover.probe.trace=true}: prints {@code probe: reached <point> #<n>} at each point, {@code n}
 * counting that point's occurrences in this process from 1 (how a drill learns the points of a run);</li>
 * <li>{@code cutover.probe.halt-at=<point>#<n>} ({@code #1} when omitted): at the {@code n}-th occurrence of
 * {@code point} prints {@code probe: halted at <point> #<n>} and blocks there, in whatever transaction the
 * point is in, until the process is killed. A halted process that nobody kills ends itself after
 * {@link #HALT_LIMIT} as if killed (exit 137), so a drill whose harness died leaves nothing running.</li>
 * </ul>
 * The lines go straight to stderr, flushed, whatever the log configuration. With none of these set a
 * point costs one field read: nothing is counted or printed.
 *
 * <p>Points: {@code <step>-begin} and {@code <step>-end} of every step and {@code <step>-chunk-write},
 * {@code <step>-chunk-end} (written, checkpoint saved, not committed) and {@code <step>-chunk-committed} of
 * every chunk ({@link StepProbeListener}); {@code job-before-bind}, {@code job-after-bind},
 * {@code job-before-release} and {@code job-after-release} around the lease (the job listener that binds
 * and releases it); {@code retrieve-write} and {@code stage-write} (in the chunk's
 * writer, before it writes); {@code plan-model-stored} (the planned model committed, the report not
 * yet); {@code validate} (start of the validation), {@code validate-lineage} (start of its lineage checks, on a
 * thread of their own) and {@code validate-entities} (start of its entity-by-entity check); {@code activate-before-commit}
 * (inside the switch transaction) and {@code activate-after-commit}; {@code key-index-build} (the start of
 * a model's key index build before a switch, before its transaction: in the activate step or a rollback)
 * and {@code plan-key-index-build} (the same in the plan step, before a report that replaces a legacy
 * model read by key).
 */
@Startup
@ApplicationScoped
public class StepProbe {

    /** How long a halted point waits to be killed before it ends the process itself. */
    public static final Duration HALT_LIMIT = Duration.ofMinutes(10);

    private static final Logger LOG = Logger.getLogger(StepProbe.class);
    private static final String PAUSE = "cutover.probe.pause.";
    private static final String TRACE = "cutover.probe.trace";
    private static final String HALT_AT = "cutover.probe.halt-at";
    private static final Pattern HALT = Pattern.compile("([^#\\s]+)(?:#([1-9][0-9]{0,17}))?");

    /** What this process does at the points; {@link #OFF} unless configured (and in a test's replacement). */
    record Settings(Map<String, Duration> pauses, boolean trace, String haltPoint, long haltOccurrence) {

        static final Settings OFF = new Settings(Map.of(), false, null, 0);

        boolean active() {
            return trace || haltPoint != null || !pauses.isEmpty();
        }

        static Settings read(Config config) {
            Map<String, Duration> pauses = new TreeMap<>();
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(PAUSE)) {
                    pauses.put(name.substring(PAUSE.length()), config.getValue(name, Duration.class));
                }
            }
            boolean trace = config.getOptionalValue(TRACE, Boolean.class).orElse(false);
            String halt = config.getOptionalValue(HALT_AT, String.class).map(String::strip).orElse(null);
            if (halt == null) {
                return new Settings(Map.copyOf(pauses), trace, null, 0);
            }
            Matcher m = HALT.matcher(halt);
            if (!m.matches()) {
                throw new IllegalArgumentException(HALT_AT + " is <point>#<n> (n from 1), e.g. stage-chunk-end#2; was '"
                        + halt + "'");
            }
            return new Settings(Map.copyOf(pauses), trace, m.group(1), m.group(2) == null ? 1 : Long.parseLong(m.group(2)));
        }
    }

    private volatile Settings settings = Settings.OFF;
    private final Map<String, AtomicLong> occurrences = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @PostConstruct
    void readSettings() {
        settings = Settings.read(ConfigProvider.getConfig());
    }

    /** Called when an execution reaches {@code point}; returns at once unless the process was told otherwise. */
    public void reached(String point) {
        Settings s = settings;
        if (!s.active()) {
            return;
        }
        long n = occurrences.computeIfAbsent(point, p -> new AtomicLong()).incrementAndGet();
        if (s.trace()) {
            report("probe: reached " + point + " #" + n);
        }
        if (point.equals(s.haltPoint()) && n == s.haltOccurrence()) {
            halt(point, n);
        }
        Duration pause = s.pauses().get(point);
        if (pause != null) {
            // a drill waits for this line: the process itself reports that it reached the point
            long millis = pause.toMillis();
            LOG.infof("probe: pausing %s at %s", millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms", point);
            sleep(pause);
        }
    }

    /**
     * Reaches {@code point} once the current transaction has committed (on the committing thread, after
     * the commit), and not at all if it rolls back; when the process was told nothing, registers nothing.
     */
    public void reachedAfterCommit(String point) {
        if (!settings.active()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    reached(point);
                }
            }
        });
    }

    private static void halt(String point, long n) {
        report("probe: halted at " + point + " #" + n);
        long deadline = System.nanoTime() + HALT_LIMIT.toNanos();
        // an interrupt (a stop request) must not let the execution pass the point: only a kill ends it
        while (System.nanoTime() < deadline) {
            try {
                TimeUnit.NANOSECONDS.sleep(deadline - System.nanoTime());
            } catch (InterruptedException ignored) {
                // keep halting
            }
        }
        report("probe: halted at " + point + " #" + n + " for " + HALT_LIMIT.toMinutes() + " min and nobody killed the process:"
                + " ending it as if killed");
        Runtime.getRuntime().halt(137);
    }

    private static void report(String line) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
