package dev.cutover.migrations.ratelimits.admission;

import static dev.cutover.migrations.ratelimits.RateLimitsRuns.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.migrations.ratelimits.RateLimitsRuns;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.migrations.ratelimits.demo.KvStore;
import dev.cutover.support.CutoverCycles;
import dev.cutover.support.InjectsFaults;
import dev.cutover.support.proof.ProofFigures;
import dev.cutover.support.proof.ProofFigures.Figure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Live behavior across cutovers (issue 11) for {@code rate-limits-v2}: two threads ask the admission
 * checker for decisions, a millisecond apart, throughout {@link CutoverCycles#count()} apply / rollback /
 * re-apply cycles between two data sets whose limits differ, every fifth apply failing inside the
 * activation transaction and restarted by id. After each cycle an observer checks every decision taken
 * since the last check: none missing (a request without a decision), each from one generation and its
 * run, with exactly the limit that generation's data set sets for the request class (computed here, not
 * by the checker), and none from the old generation once the switch had committed, nor after the new one
 * answered on the same thread.
 */
@QuarkusTest
class AdmissionAcrossCutoversTest {

    private static final int SERVICES = 40;
    private static final int DECIDERS = 2;
    private static final long PAUSE_NANOS = 1_000_000;
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @Inject
    AdmissionChecker checker;

    @Inject
    GenerationSwitch generations;

    /** A request class the deciders ask about, and what each data set limits it to. */
    private record Probe(String service, String route, String tier, Map<String, Long> ratePerSecond) {
    }

    /** One decision as a decider took it: on which thread, when (from the test's start), about what, and what came of it. */
    private record Taken(int thread, long startedNanos, long endedNanos, Probe probe, Decision decision,
            RuntimeException failure) {
    }

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        checker.stop();
        RateLimitsRuns.startFromLegacy(generations);
    }

    @Test
    @InjectsFaults("an exception inside the activation transaction, every fifth cycle")
    void admissionDecisionsThroughRepeatedCutoversAreNeverMissedMixedOrStale() throws Exception {
        long started = System.nanoTime();
        List<Probe> probes = probes();
        try (DemoRegions a = DemoRegions.start(stores("A"), 10); DemoRegions b = DemoRegions.start(stores("B"), 10)) {
            Map<String, String[]> applyArgs = new LinkedHashMap<>();
            applyArgs.put("A", RateLimitsRuns.args("apply", a));
            applyArgs.put("B", RateLimitsRuns.args("apply", b));
            CutoverCycles cycles = new CutoverCycles(MIGRATION, generations, applyArgs);
            cycles.first("A");
            checker.startServing();

            ConcurrentLinkedQueue<Taken> taken = new ConcurrentLinkedQueue<>();
            AdmissionObserver observer = new AdmissionObserver(cycles, taken, generations.current(MIGRATION).generation());
            AtomicLong decided = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService deciders = Executors.newFixedThreadPool(DECIDERS);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < DECIDERS; t++) {
                int thread = t;
                running.add(deciders.submit(() -> {
                    for (int i = thread; !done.get(); i++) {
                        Probe probe = probes.get(i % probes.size());
                        long start = observer.now();
                        try {
                            Decision decision = checker.decide("eu", probe.service(), probe.route(), probe.tier());
                            taken.add(new Taken(thread, start, observer.now(), probe, decision, null));
                        } catch (RuntimeException e) {
                            taken.add(new Taken(thread, start, observer.now(), probe, null, e));
                        }
                        decided.incrementAndGet();
                        // a breath between decisions: hundreds per second and thread, and the applies keep a core
                        LockSupport.parkNanos(PAUSE_NANOS);
                    }
                }));
            }
            int count = CutoverCycles.count();
            try {
                awaitDecisions(decided, 20);
                observer.check();
                for (int n = 1; n <= count; n++) {
                    long cycleStarted = observer.now();
                    long[] newFrom = { cycleStarted };
                    CutoverCycles.Outcome outcome = cycles.cycle(n, stillExecuting -> {
                        // the failed activation switched nothing: every decision so far is the old model's
                        awaitDecisions(decided, 20);
                        observer.check();
                        // the restart by id switches from now on
                        newFrom[0] = observer.now();
                    });
                    // the switch committed between newFrom and now: every decision that starts later is the new model's
                    observer.switched(newFrom[0], observer.now(), outcome.generation());
                    awaitDecisions(decided, 20);
                    observer.check();
                }
            } finally {
                done.set(true);
                deciders.shutdown();
                assertThat(deciders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> decider : running) {
                decider.get();
            }
            observer.check();

            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("admission across %d cutovers (%s): %d decisions checked, %d violations, in %d ms%n", count,
                    cycles, observer.checked, observer.violations.size(), millis);
            ProofFigures.add(Figure.LIVE_CYCLES, MIGRATION, count);
            ProofFigures.add(Figure.LIVE_DECISIONS_CHECKED, MIGRATION, observer.checked);
            ProofFigures.add(Figure.VIOLATIONS, MIGRATION, observer.violations.size());

            assertThat(observer.violations).isEmpty();
            assertThat(cycles.failedActivations()).isGreaterThanOrEqualTo(count / 10);
            assertThat(observer.checked).isGreaterThanOrEqualTo(20L * count);
        }
    }

    /** Waits until the deciders took {@code more} decisions that started after this call (the ones in flight do not count). */
    private static void awaitDecisions(AtomicLong decided, int more) {
        long target = decided.get() + DECIDERS + more;
        await().atMost(AWAIT).pollInterval(Duration.ofMillis(2)).until(() -> decided.get() >= target);
    }

    /**
     * Checks the decisions taken since the last check against the history of what executed when, and
     * collects what is wrong instead of failing at once, so the figures count it all.
     *
     * <p>The history is one entry per generation activated in turn, with the interval in which it may
     * execute: from the start of the switch that activates it (for a failing cycle, from the restart:
     * the failed activation must switch nothing) to the return of the switch that replaces it. A
     * decision is consistent when its generation has an entry whose interval overlaps the decision's
     * (start to end), at or after the entry its thread's previous decision matched: a thread never goes
     * back to a model that another decision of it already saw replaced.
     */
    private static final class AdmissionObserver {
        final CutoverCycles cycles;
        final ConcurrentLinkedQueue<Taken> taken;
        final long base = System.nanoTime();
        final List<String> violations = new ArrayList<>();
        final List<Integer> generations = new ArrayList<>();
        final List<long[]> intervals = new ArrayList<>();
        final Map<Integer, Integer> lastEntryOfThread = new HashMap<>();
        long checked;

        AdmissionObserver(CutoverCycles cycles, ConcurrentLinkedQueue<Taken> taken, int executing) {
            this.cycles = cycles;
            this.taken = taken;
            generations.add(executing);
            intervals.add(new long[] { Long.MIN_VALUE, Long.MAX_VALUE });
        }

        /** @return nanoseconds since the observer started: comparable without overflow */
        long now() {
            return System.nanoTime() - base;
        }

        /** {@code generation} executes: the switch to it committed between {@code from} and {@code to}. */
        void switched(long from, long to, int generation) {
            intervals.get(intervals.size() - 1)[1] = to;
            generations.add(generation);
            intervals.add(new long[] { from, Long.MAX_VALUE });
        }

        void check() {
            for (Taken t; (t = taken.poll()) != null;) {
                checked++;
                if (t.failure() != null) {
                    violations.add("missed: " + t.probe() + " got no decision: " + t.failure());
                    continue;
                }
                Decision d = t.decision();
                String dataSet = cycles.dataSetOf(d.generation());
                if (dataSet == null) {
                    violations.add("decided from generation " + d.generation() + ", not activated by this test: " + d);
                    continue;
                }
                if (!Objects.equals(d.runId(), cycles.runOf(d.generation()))) {
                    violations.add("mixed: generation " + d.generation() + " with the model of run " + d.runId()
                            + ", not of run " + cycles.runOf(d.generation()) + ": " + d);
                }
                long rate = t.probe().ratePerSecond().get(dataSet);
                if (d.unlimited() || !Long.toString(rate).equals(d.ratePerSecond()) || !Long.valueOf(rate).equals(d.burst())) {
                    violations.add("mixed: " + d + ", where generation " + d.generation() + " (data set " + dataSet
                            + ") says " + rate + "/s burst " + rate);
                }
                int from = lastEntryOfThread.getOrDefault(t.thread(), 0);
                int entry = -1;
                for (int k = from; k < generations.size() && entry < 0; k++) {
                    long[] interval = intervals.get(k);
                    if (generations.get(k) == d.generation() && t.endedNanos() >= interval[0] && t.startedNanos() <= interval[1]) {
                        entry = k;
                    }
                }
                if (entry < 0) {
                    violations.add("stale: " + d + " decided between " + t.startedNanos() / 1000 + " and " + t.endedNanos() / 1000
                            + " us, when generation " + d.generation() + " was not executing (or no longer, for thread "
                            + t.thread() + ")");
                } else {
                    lastEntryOfThread.put(t.thread(), entry);
                }
            }
        }
    }

    /**
     * For every service two classes: its route {@code /orders} on tier {@code free} (overridden for the
     * first 10 services) and any other route on {@code premium} (the service default).
     */
    private static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            probes.add(new Probe("svc-" + i, "/orders", "free", Map.of("A", orders(i, "A"), "B", orders(i, "B"))));
            probes.add(new Probe("svc-" + i, "/other", "premium", Map.of("A", serviceDefault(i, "A"), "B", serviceDefault(i, "B"))));
        }
        return probes;
    }

    /** The same settings in two regions (no REGION_CONFLICT); 3 of the 50 quotas differ between A and B (no MASS_REMOVAL). */
    private static Map<String, KvStore> stores(String dataSet) {
        Map<String, KvStore> stores = new TreeMap<>();
        for (String region : List.of("eu", "us")) {
            KvStore store = new KvStore();
            for (int i = 0; i < SERVICES; i++) {
                store.put("ratelimits/svc-" + i, TextNode.valueOf(serviceDefault(i, dataSet) + "/s"));
                if (i < 10) {
                    store.put("ratelimits/svc-" + i + "/routes/%2Forders", TextNode.valueOf(orders(i, dataSet) + "/s"));
                }
            }
            stores.put(region, store);
        }
        return stores;
    }

    private static long serviceDefault(int service, String dataSet) {
        return dataSet.equals("B") && service % 20 == 0 ? 100 + service : 10 + service;
    }

    private static long orders(int service, String dataSet) {
        if (service >= 10) {
            return serviceDefault(service, dataSet);
        }
        return dataSet.equals("B") && service == 5 ? 200 : 50 + service;
    }
}
