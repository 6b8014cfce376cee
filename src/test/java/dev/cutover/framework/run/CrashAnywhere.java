package dev.cutover.framework.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.support.CutoverProcess;
import dev.cutover.support.TestDatabase;

/**
 * The crash drill of DESIGN.md §7 ("kill the process at any point"), for any migration: runs {@code apply}
 * as a real process against the migration's demo data served by this JVM (not {@code --demo}, whose
 * sources end with the process), once uninterrupted and traced to learn its probe points, then chain by
 * chain ({@link KillPlan}) in a fresh database each: kills the process with {@code kill -9} as soon as it
 * reports that it halted at the chain's next point, waits for the lease to expire, restarts the latest
 * execution by id ({@code restart <id>}), until a restart runs to its end. Then compares the end state with
 * the uninterrupted run's ({@link RunState}) and the {@code export} with its export.
 *
 * <p>Every kill is proven reached: the process prints {@code probe: halted at <point> #<n>} and blocks
 * there ({@code cutover.probe.halt-at}); a process that ends without printing it is a violation, never a
 * kill counted.
 */
final class CrashAnywhere {

    /** A migration of the build and the demo data its drill applies. */
    record Subject(String migration, DemoData demo, List<String> accept) {

        @Override
        public String toString() {
            return migration;
        }
    }

    /** What a drill of one migration did and found. */
    record Outcome(Map<String, Long> universe, List<List<KillPlan.Point>> chains, int killsSurvived, List<String> violations) {
    }

    private static final Pattern DIGEST = Pattern.compile("digest\\s+(sha256:[0-9a-f]{64})");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
    /**
     * Dozens of short processes: the client compiler alone and one GC thread halve the CPU a start takes
     * (measured 6.2 to 3.2 s of CPU for {@code status}), which is most of the drill's time.
     */
    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Subject subject;
    private final List<String> applyArgs = new ArrayList<>();
    private final int workers;

    CrashAnywhere(Subject subject, int workers) {
        this.subject = subject;
        this.workers = workers;
    }

    /** Runs the uninterrupted reference, then {@code kills} kills (more if the run has more point names). */
    Outcome run(int kills, long seed) throws Exception {
        try (DemoData.Running sources = subject.demo().start()) {
            applyArgs.addAll(List.of("apply", subject.migration()));
            for (SourceEndpoint source : sources.endpoints()) {
                applyArgs.addAll(List.of("--source", source.name() + "=" + source.baseUrl()));
            }
            applyArgs.addAll(List.of("--accept", String.join(",", subject.accept())));

            Reference reference = reference();
            Random random = new Random(seed ^ subject.migration().hashCode());
            List<List<KillPlan.Point>> chains = KillPlan.chains(reference.universe(), kills, random);
            log("%d probe points reached %d times in an uninterrupted run; %d kills in %d chains", reference.universe().size(),
                    reference.universe().values().stream().mapToLong(Long::longValue).sum(),
                    chains.stream().mapToInt(List::size).sum(), chains.size());

            List<String> violations = new ArrayList<>(reference.violations());
            int survived = 0;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<List<String>>> done = new ArrayList<>();
                for (int i = 0; i < chains.size(); i++) {
                    int number = i + 1;
                    List<KillPlan.Point> chain = chains.get(i);
                    done.add(pool.submit(() -> chain(number, chains.size(), chain, reference)));
                }
                for (int i = 0; i < chains.size(); i++) {
                    List<String> found = done.get(i).get();
                    if (found.isEmpty()) {
                        survived += chains.get(i).size();
                    }
                    found.forEach(v -> violations.add(subject.migration() + ": " + v));
                }
            } finally {
                pool.shutdownNow();
            }
            return new Outcome(reference.universe(), chains, survived, violations);
        }
    }

    /** The uninterrupted run: its points, its end state, its export, its digest. */
    private record Reference(Map<String, Long> universe, RunState state, String export, String digest, List<String> violations) {
    }

    private Reference reference() {
        TestDatabase database = new TestDatabase();
        Map<String, String> db = database.start();
        try {
            CutoverProcess apply = CutoverProcess.start(JVM, db, Map.of("cutover.probe.trace", "true"), args());
            int exit = apply.awaitExit(STEP_TIMEOUT);
            if (exit != 0) {
                throw new IllegalStateException("the uninterrupted apply of " + subject + " exited " + exit + "\n" + apply);
            }
            RunState state = RunState.read(db);
            List<String> violations = new ArrayList<>();
            state.duplicates().forEach((table, n) -> {
                if (n != 0) {
                    violations.add("uninterrupted run: " + table + " holds " + n + " rows twice");
                }
            });
            state.orphans().forEach(o -> violations.add("uninterrupted run: " + o + " is left running without a live lease"));
            state.miscounted().forEach(m -> violations.add("uninterrupted run: " + m));
            return new Reference(KillPlan.universe(apply.err()), state, export(db), digest(apply), violations);
        } finally {
            database.stop();
        }
    }

    /** One apply, killed at each point of the chain in turn, then restarted to its end; returns its violations. */
    private List<String> chain(int number, int of, List<KillPlan.Point> chain, Reference reference) {
        long start = System.nanoTime();
        String name = "chain " + number + "/" + of + " " + chain;
        TestDatabase database = new TestDatabase();
        Map<String, String> db = database.start();
        List<String> violations = new ArrayList<>();
        try {
            CutoverProcess process = CutoverProcess.start(JVM, db, halt(chain, 0), args());
            for (int i = 0; i < chain.size(); i++) {
                KillPlan.Point point = chain.get(i);
                if (!process.awaitReport(point.haltedLine(), STEP_TIMEOUT)) {
                    violations.add(name + ": the process ended (exit " + process.exitCode() + ") without reaching " + point
                            + "\n" + process);
                    return violations;
                }
                process.kill9();
                long latest = awaitLeaseExpiry(db);
                process = CutoverProcess.start(JVM, db, halt(chain, i + 1), "restart", Long.toString(latest));
            }
            int exit = process.awaitExit(STEP_TIMEOUT);
            if (exit != 0) {
                violations.add(name + ": the last restart exited " + exit + "\n" + process);
                return violations;
            }
            String digest = digest(process);
            if (digest != null && !digest.equals(reference.digest())) {
                violations.add(name + ": the restart reports digest " + digest + ", the uninterrupted run " + reference.digest());
            }
            RunState.read(db).violationsAgainst(reference.state()).forEach(v -> violations.add(name + ": " + v));
            String export = export(db);
            if (!export.equals(reference.export())) {
                violations.add(name + ": the export differs from the uninterrupted run's:\n" + export);
            }
            return violations;
        } catch (RuntimeException e) {
            violations.add(name + ": " + e);
            return violations;
        } finally {
            database.stop();
            log("%s: %s in %.1f s", name, violations.isEmpty() ? "survived" : violations.size() + " violations",
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static Map<String, String> halt(List<KillPlan.Point> chain, int index) {
        return index < chain.size() ? Map.of("cutover.probe.halt-at", chain.get(index).haltAt()) : Map.of();
    }

    /**
     * Waits until no live lease is left (the killed process's expires within its TTL), as an operator's
     * restart would otherwise be answered "holds the lease", and returns the execution to restart: the
     * run's latest, as {@code cutover status} lists it (a process killed before it printed its new
     * execution's id has one all the same).
     */
    private static long awaitLeaseExpiry(Map<String, String> db) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Jdbc.count(db, "select count(*) from migration_lease where expires_at > now()") == 0);
        return Jdbc.count(db, "select max(jobexecutionid) from job_execution");
    }

    private String[] args() {
        return applyArgs.toArray(String[]::new);
    }

    private String export(Map<String, String> db) {
        CutoverProcess export = CutoverProcess.run(JVM, db, "export", subject.migration());
        if (export.exitCode() != 0) {
            throw new IllegalStateException("export " + subject + " exited " + export.exitCode() + "\n" + export);
        }
        return export.out();
    }

    private static String digest(CutoverProcess process) {
        Matcher m = DIGEST.matcher(process.out());
        return m.find() ? m.group(1) : null;
    }

    private void log(String format, Object... args) {
        System.out.printf("crash anywhere, %s: %s%n", subject.migration(), String.format(format, args));
    }

    /** Counts over plain JDBC, for the waits between the processes. */
    private static final class Jdbc {

        static long count(Map<String, String> db, String sql) {
            try (var c = java.sql.DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                    db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
                    var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }
}
