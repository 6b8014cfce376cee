package dev.cutover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The end-to-end benchmark (not a test: it asserts nothing): for every migration and size, generates a
 * deterministic legacy data set over local HTTP sources with a per-request latency, runs {@code plan} and
 * {@code apply} of the packaged application as real processes against a fresh PostgreSQL database, and
 * measures beside them, on the same data: (d) JVM start, (b) the I/O floor, (c) the COPY floor and (a) the
 * ad-hoc script; then, on a second database, an apply killed ({@code kill -9}) once it reports the
 * {@code validate} probe point and its {@code restart <id>}. Prints a table, then the targets as
 * ratios with PASS/MISS per migration and size and across sizes ({@link BenchSummary}), and writes
 * {@code target/bench/results.json}. One run that fails or times out is printed and the bench goes on.
 *
 * <p>Run by {@code ./mvnw -B -Pbench verify -DskipITs} (after {@code package}). System properties:
 * {@code bench.sizes} (default {@code 10000,100000,1000000}), {@code bench.migrations}
 * ({@code notification-rules-v2,rate-limits-v2}), {@code bench.sources} (8), {@code bench.latencyMs} (20),
 * {@code bench.pageSize} (the sources' page cap, 250), {@code bench.concurrency} (8), {@code bench.xmx}
 * ({@link #XMX}), {@code bench.batchJvmOptions} (the JVM options README "Memory and JIT settings" gives
 * for batch commands, on every run of the application: {@link #BATCH_JVM_OPTIONS}; empty for the JVM's
 * defaults), {@code bench.jvmOptions} (more JVM options for the application, space-separated, e.g. a JFR
 * recording; {@code {run}} in them becomes the run's number), {@code bench.adhocMax} (the largest size the ad-hoc script runs at: every size),
 * {@code bench.adhocTimeoutMinutes} (its time box, 90: past it the figure is a lower bound),
 * {@code bench.crash} (the kill and restart drill, true), {@code bench.crashMax} (the largest size it
 * runs at: every size), {@code bench.timeoutMinutes} (per plan or apply, 30), {@code bench.seed}, {@code bench.keepDb}
 * (false), {@code bench.skip} (true skips it). The database server is the one of
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (default {@code 127.0.0.1:5432}).
 */
public final class EndToEndBench {

    private static final Pattern STARTED = Pattern.compile("execution (\\d+) started");
    private static final Pattern DIGEST = Pattern.compile("digest\\s+(sha256:[0-9a-f]{64})");
    /** the probe point the crash drill kills at: the start of the validate step, after retrieve to stage */
    static final String CRASH_POINT = "validate";
    private static final int APP_PAGE_LIMIT = 1000; // cutover.source.page-size
    /** the heap cap of every run of the application (issue 9), unless {@code bench.xmx} says otherwise */
    public static final String XMX = "256m";
    /** README "Memory and JIT settings" and k8s/overlays/jvm give the same options for plan and apply (ManifestsTest checks the overlay) */
    public static final String BATCH_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms160m -Xmn128m";

    private final Path target;
    private final Path jar;
    private final String serverUrl;
    private final String user;
    private final String password;
    private final int concurrency = Integer.getInteger("bench.concurrency", 8);
    private final int sources = Integer.getInteger("bench.sources", 8);
    private final int pageSize = Integer.getInteger("bench.pageSize", 250);
    private final Duration latency = Duration.ofMillis(Integer.getInteger("bench.latencyMs", 20));
    private final String xmx = System.getProperty("bench.xmx", XMX);
    /**
     * the options README gives for batch commands: C1 only, whose compiles cost a fraction of C2's on 2 cores;
     * the serial collector with a young generation of 128 MB, whose heap grows only as far as what survives needs
     */
    private final List<String> batchJvmOptions = options(System.getProperty("bench.batchJvmOptions", BATCH_JVM_OPTIONS));
    /** extra JVM options for every run of the application, e.g. a JFR recording; none by default */
    private final List<String> jvmOptionsAsGiven = options(System.getProperty("bench.jvmOptions", ""));
    private int applicationRuns;
    private final int adhocMax = Integer.getInteger("bench.adhocMax", Integer.MAX_VALUE);
    private final Duration adhocTimeBox = Duration.ofSeconds(
            Math.round(Double.parseDouble(System.getProperty("bench.adhocTimeoutMinutes", "90")) * 60));
    private final boolean crash = Boolean.parseBoolean(System.getProperty("bench.crash", "true"));
    private final int crashMax = Integer.getInteger("bench.crashMax", Integer.MAX_VALUE);
    private final Duration timeout = Duration.ofSeconds(
            Math.round(Double.parseDouble(System.getProperty("bench.timeoutMinutes", "30")) * 60));
    private final long seed = Long.getLong("bench.seed", 20_261_130L);
    private final boolean keepDb = Boolean.getBoolean("bench.keepDb");
    private final List<Row> rows = new ArrayList<>();
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private final List<BenchSummary.Figures> figures = new ArrayList<>();

    /** One line of the table. */
    record Row(int size, String migration, String step, double seconds, double peakRssMb, double ratio,
            String note) {
    }

    private EndToEndBench(Path target) {
        this.target = target;
        this.jar = target.resolve("quarkus-app").resolve("quarkus-run.jar");
        String url = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        this.serverUrl = url.substring(0, url.lastIndexOf('/') + 1);
        this.user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        this.password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.skip")) {
            System.out.println("end-to-end bench skipped (bench.skip)");
            return;
        }
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        new EndToEndBench(target).run();
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        List<BenchMigration> migrations = new ArrayList<>();
        for (String name : System.getProperty("bench.migrations", "notification-rules-v2,rate-limits-v2").split(",")) {
            migrations.add(switch (name.trim()) {
                case "notification-rules-v2" -> new BenchMigration.Notifications();
                case "rate-limits-v2" -> new BenchMigration.RateLimits();
                default -> throw new IllegalArgumentException("no bench for migration " + name);
            });
        }
        Files.createDirectories(target.resolve("bench"));
        System.out.printf("end-to-end bench: sizes %s, %d sources, latency %d ms, page cap %d, concurrency %d, -Xmx%s %s%n",
                Arrays.toString(sizes), sources, latency.toMillis(), pageSize, concurrency, xmx, String.join(" ", batchJvmOptions));
        for (BenchMigration migration : migrations) {
            for (int size : sizes) {
                BenchSummary.Figures f = new BenchSummary.Figures(migration.name(), size);
                figures.add(f);
                try {
                    one(migration, size, f);
                } catch (Exception | OutOfMemoryError e) {
                    // one run's failure is a figure too: print it, go on with the next
                    f.error = e.toString();
                    runs.get(runs.size() - 1).put("error", e.toString());
                    System.out.printf("[%s %d] FAILED: %s%n", migration.name(), size, e);
                    e.printStackTrace(System.out);
                }
                writeResults();
            }
        }
        printTable();
        new BenchSummary(figures, concurrency, latency, sources).print(System.out);
        writeResults();
    }

    private void one(BenchMigration migration, int size, BenchSummary.Figures f) throws Exception {
        String tag = migration.name() + " " + size;
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("migration", migration.name());
        run.put("size", size);
        run.put("loadAverageBefore", loadAverage());
        runs.add(run);
        long begin = System.nanoTime();
        try (BenchMigration.Served served = migration.serve(size, sources, pageSize, latency, seed)) {
            double generated = (System.nanoTime() - begin) / 1e9;
            run.put("listedItems", served.listedItems());
            run.put("generateAndServeSeconds", generated);
            System.out.printf("[%s] generated and serving %d items in %.1f s%n", tag, served.listedItems(), generated);
            String db = "cutover_bench_" + migration.name().replaceAll("[^a-z0-9]", "_") + "_" + size + "_"
                    + System.currentTimeMillis();
            admin("create database " + db);
            String dbUrl = serverUrl + db;
            Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", dbUrl, "QUARKUS_DATASOURCE_USERNAME", user,
                    "QUARKUS_DATASOURCE_PASSWORD", password);
            run.put("database", db);
            try {
                // the first command on a fresh database creates the schema (Flyway): not part of (d)
                BenchProcess.Result schema = BenchProcess.run(java("status", "--json"), env, target, Duration.ofMinutes(2),
                        pid -> {
                        });
                run.put("schemaSeconds", schema.seconds());
                // (d) JVM start to the end of a trivial command (every command needs the database: Flyway
                // checks the schema at start, so even --help does): status --json, median of 3
                double[] starts = new double[3];
                BenchProcess.Result status = null;
                for (int i = 0; i < starts.length; i++) {
                    status = BenchProcess.run(java("status", "--json"), env, target, Duration.ofMinutes(2), pid -> {
                    });
                    starts[i] = status.seconds();
                }
                Arrays.sort(starts);
                run.put("jvmStartSeconds", starts);
                add(size, migration, "d: JVM start (status)", starts[1], status.peakRssMb(),
                        "median of 3, exit " + status.exitCode());
                f.start = starts[1];

                Floors.Measured io = Floors.ioFloor(migration, served.urls(), concurrency, APP_PAGE_LIMIT);
                run.put("ioFloor", io);
                f.io = io.seconds();
                f.ioPages = ((Number) io.detail().get("pages")).longValue();
                System.out.printf("[%s] I/O floor %.2f s (%d items, %d bytes)%n", tag, io.seconds(), io.rows(), io.bytes());

                BenchProcess.Result plan = app(run, "plan", migration, served, env, size);
                BenchProcess.Result apply = app(run, "apply", migration, served, env, size);
                f.plan(plan, stepSeconds(run, "plan"));
                f.apply(apply, stepSeconds(run, "apply"));
                f.digest = digest(apply.stdout());
                retrieval(dbUrl, run, f);

                Floors.Measured copy = apply.exitCode() == 0 && !apply.timedOut()
                        ? Floors.copyFloor(dbUrl, user, password)
                        : null;
                if (copy != null) {
                    f.copy = copy.seconds();
                    run.put("copyFloor", copy);
                    System.out.printf("[%s] COPY floor %.2f s (%d rows, %d bytes)%n", tag, copy.seconds(), copy.rows(),
                            copy.bytes());
                }
                double floor = io.seconds() + (copy == null ? 0 : copy.seconds());
                run.put("floorSeconds", floor);
                add(size, migration, "b: I/O floor", io.seconds(), Double.NaN, io.rows() + " items, " + io.detail().get("pages")
                        + " pages, " + io.bytes() / 1024 / 1024 + " MB", floor);
                if (copy != null) {
                    add(size, migration, "c: COPY floor", copy.seconds(), Double.NaN,
                            copy.rows() + " rows, " + copy.bytes() / 1024 / 1024 + " MB", floor);
                }
                add(size, migration, "plan", plan.seconds(), plan.peakRssMb(), outcome(plan), floor);
                add(size, migration, "apply", apply.seconds(), apply.peakRssMb(), outcome(apply), floor);

                if (crash && size <= crashMax && apply.exitCode() == 0 && !apply.timedOut()) {
                    crashAndRestart(run, migration, served, size, f);
                    writeResults();
                }

                if (size <= adhocMax) {
                    System.out.printf("[%s] ad-hoc script (time box %d min) ...%n", tag, adhocTimeBox.toMinutes());
                    Floors.Measured adhoc = Floors.adHocScript(migration, served.urls(), APP_PAGE_LIMIT, dbUrl, user,
                            password, adhocTimeBox);
                    run.put("adHocScript", adhoc);
                    boolean complete = Boolean.TRUE.equals(adhoc.detail().get("complete"));
                    f.adhoc = adhoc.seconds();
                    f.adhocComplete = complete;
                    add(size, migration, "a: ad-hoc script", adhoc.seconds(), Double.NaN, complete
                            ? adhoc.rows() + " INSERTs"
                            : "STOPPED at its time box after " + adhoc.rows() + " of " + served.listedItems()
                                    + " INSERTs: a lower bound", floor);
                }
            } finally {
                run.put("loadAverageAfter", loadAverage());
                if (!keepDb) {
                    admin("drop database if exists " + db);
                }
            }
        }
    }

    /**
     * The crash drill, on a database of its own and the same sources: an apply with the {@value #CRASH_POINT}
     * probe pausing (so the process itself reports, in its log, that it reached the start of that step: the
     * kill point is proven, not guessed), killed with {@code kill -9} as soon as it says so; once its lease
     * expired (5 s here), {@code restart <id>} is timed to its end and its digest compared with the
     * uninterrupted apply's.
     */
    private void crashAndRestart(Map<String, Object> run, BenchMigration migration, BenchMigration.Served served,
            int size, BenchSummary.Figures f) throws Exception {
        String tag = migration.name() + " " + size;
        String db = "cutover_bench_crash_" + migration.name().replaceAll("[^a-z0-9]", "_") + "_" + size + "_"
                + System.currentTimeMillis();
        Map<String, Object> drill = new LinkedHashMap<>();
        run.put("crash", drill);
        drill.put("database", db);
        drill.put("point", "probe " + CRASH_POINT + " (start of the validate step)");
        admin("create database " + db);
        String dbUrl = serverUrl + db;
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", dbUrl, "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
        try {
            String reached = "probe: pausing";
            String at = " at " + CRASH_POINT;
            List<String> args = new ArrayList<>(List.of("-Dcutover.probe.pause." + CRASH_POINT + "=600s",
                    "-Dcutover.lease.ttl=5s", "-Dcutover.lease.renew-every=1s", "-jar", jar.toString()));
            args.addAll(appArgs("apply", migration, served, size, "crash"));
            System.out.printf("[%s] crash drill: apply, kill -9 when it reports the %s probe ...%n", tag, CRASH_POINT);
            BenchProcess.Result killed = BenchProcess.run(javaWith(args), env, target, timeout, pid -> {
            }, output -> output.lines().anyMatch(line -> line.contains(reached) && line.endsWith(at)));
            Files.writeString(target.resolve("bench").resolve(migration.name() + "-" + size + "-crash.log"),
                    "--- stdout\n" + killed.stdout() + "--- stderr\n" + killed.stderr());
            drill.put("killedAfterSeconds", killed.seconds());
            drill.put("killed", killed.killed());
            if (!killed.killed()) {
                f.crashNote = killed.timedOut() ? "the crashed apply timed out before reaching " + CRASH_POINT
                        : "the apply ended (exit " + killed.exitCode() + ") without reaching " + CRASH_POINT;
                drill.put("note", f.crashNote);
                System.out.printf("[%s] crash drill: %s%n", tag, f.crashNote);
                return;
            }
            Matcher started = STARTED.matcher(killed.stderr() + killed.stdout());
            if (!started.find()) {
                f.crashNote = "no execution id in the killed apply's output";
                return;
            }
            long id = Long.parseLong(started.group(1));
            drill.put("executionId", id);
            drill.put("stepsAtKill", steps(dbUrl, id));
            // the dead process's lease must expire before anyone may take over: not part of the restart
            long waitBegin = System.nanoTime();
            while (count(dbUrl, "select count(*) from migration_lease where expires_at > now()") > 0) {
                Thread.sleep(200);
            }
            drill.put("leaseWaitSeconds", (System.nanoTime() - waitBegin) / 1e9);
            System.out.printf("[%s] crash drill: killed execution %d after %.1f s at %s; restart %d ...%n", tag, id,
                    killed.seconds(), CRASH_POINT, id);
            BenchProcess.Result restart = BenchProcess.run(java("restart", Long.toString(id)), env, target, timeout,
                    pid -> {
                    });
            Files.writeString(target.resolve("bench").resolve(migration.name() + "-" + size + "-restart.log"),
                    "--- stdout\n" + restart.stdout() + "--- stderr\n" + restart.stderr());
            drill.put("restartSeconds", restart.seconds());
            drill.put("restartExitCode", restart.exitCode());
            drill.put("restartPeakRssMb", restart.peakRssMb());
            drill.put("restartStdout", restart.stdout());
            drill.put("restartStderrTail", tail(restart.stderr(), 3000));
            drill.put("stepsAfterRestart", query(dbUrl, "select stepname, batchstatus, readcount, writecount, "
                    + "extract(epoch from (coalesce(endtime, now()) - starttime)) from step_execution "
                    + "where jobexecutionid = (select max(jobexecutionid) from job_execution) order by stepexecutionid"));
            f.restart = restart.seconds();
            f.restartOk = restart.exitCode() == 0 && !restart.timedOut();
            f.restartActivated = restart.stdout().contains("activated: " + migration.name());
            f.restartDigest = digest(restart.stdout());
            System.out.printf("[%s] crash drill: restart exit %d in %.2f s, %s, digest %s%n", tag, restart.exitCode(),
                    restart.seconds(), f.restartActivated ? "activated" : "NOT activated",
                    f.restartDigest == null ? "none" : f.restartDigest.equals(f.digest) ? "equal to the apply's"
                            : "DIFFERENT from the apply's");
            if (restart.exitCode() != 0) {
                System.out.println(tail(restart.stdout() + restart.stderr(), 2000));
            }
        } finally {
            if (!keepDb) {
                admin("drop database if exists " + db);
            }
        }
    }

    /** Pages the apply stored ({@code retrieved_page} of its run) and its retrieve step's time. */
    private void retrieval(String dbUrl, Map<String, Object> run, BenchSummary.Figures f) {
        Object measured = run.get("apply");
        if (!(measured instanceof Map<?, ?> apply) || !(apply.get("executionId") instanceof Long id)) {
            return;
        }
        try {
            f.pages = count(dbUrl, "select count(*) from retrieved_page where run_id = (select jobinstanceid "
                    + "from job_execution where jobexecutionid = " + id + ")");
        } catch (SQLException | RuntimeException e) {
            f.pages = -1;
        }
    }

    /** Runs plan or apply of the packaged application and records its execution's steps. */
    private BenchProcess.Result app(Map<String, Object> run, String command, BenchMigration migration,
            BenchMigration.Served served, Map<String, String> env, int size) throws SQLException, IOException {
        List<String> args = appArgs(command, migration, served, size, command);
        Map<String, Object> where = new LinkedHashMap<>();
        System.out.printf("[%s %d] %s ...%n", migration.name(), size, command);
        BenchProcess.Result result = BenchProcess.run(java(args.toArray(String[]::new)), env, target, timeout, pid -> {
            // still running at the time box: where was it? (the job repository first: status takes a JVM start)
            where.put("stepsAtTimeout", stepsOfNewest(env.get("QUARKUS_DATASOURCE_JDBC_URL")));
            BenchProcess.Result status = BenchProcess.run(java("status", "--json"), env, target, Duration.ofMinutes(2),
                    p -> {
                    });
            where.put("statusAtTimeout", status.stdout());
        });
        Path log = target.resolve("bench").resolve(migration.name() + "-" + size + "-" + command + ".log");
        Files.writeString(log, "--- stdout\n" + result.stdout() + "--- stderr\n" + result.stderr());
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("log", log.toString());
        measured.put("exitCode", result.exitCode());
        measured.put("timedOut", result.timedOut());
        measured.put("seconds", result.seconds());
        measured.put("peakRssMb", result.peakRssMb());
        measured.put("cpuSeconds", result.cpuSeconds());
        measured.put("databaseCpuSeconds", result.databaseCpuSeconds());
        measured.put("stdout", result.stdout());
        measured.put("stderrTail", tail(result.stderr(), 3000));
        measured.putAll(where);
        Matcher started = STARTED.matcher(result.stderr() + result.stdout());
        if (started.find()) {
            long id = Long.parseLong(started.group(1));
            measured.put("executionId", id);
            BenchProcess.Result status = BenchProcess.run(java("status", Long.toString(id), "--json"), env, target,
                    Duration.ofMinutes(2), p -> {
                    });
            measured.put("status", status.stdout());
            measured.put("steps", steps(env.get("QUARKUS_DATASOURCE_JDBC_URL"), id));
            measured.put("job", job(env.get("QUARKUS_DATASOURCE_JDBC_URL"), id));
        }
        run.put(command, measured);
        System.out.printf("[%s %d] %s: exit %d in %.2f s, peak RSS %.0f MB, CPU %.2f s, PostgreSQL's CPU %.2f s%s%n",
                migration.name(), size, command, result.exitCode(), result.seconds(), result.peakRssMb(),
                result.cpuSeconds(), result.databaseCpuSeconds(), result.timedOut() ? " (TIMED OUT, killed)" : "");
        if (measured.containsKey("steps")) {
            System.out.println("    job: " + measured.get("job") + " steps: " + measured.get("steps"));
        }
        if (result.exitCode() != 0) {
            System.out.println(tail(result.stdout() + result.stderr(), 2000));
        }
        return result;
    }

    /** @return the arguments of plan or apply: every source, the concurrency, every anomaly accepted, the report file */
    private List<String> appArgs(String command, BenchMigration migration, BenchMigration.Served served, int size,
            String report) {
        List<String> args = new ArrayList<>(List.of(command, migration.name()));
        served.urls().forEach((name, url) -> args.addAll(List.of("--source", name + "=" + url)));
        args.addAll(List.of("--concurrency", Integer.toString(concurrency), "--accept", String.join(",", migration.accept()),
                "--out", target.resolve("bench").resolve(migration.name() + "-" + size + "-" + report + ".json").toString()));
        return args;
    }

    /** @return step name -> seconds (summed over executions of the same name) of a command's execution */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> stepSeconds(Map<String, Object> run, String command) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (run.get(command) instanceof Map<?, ?> measured && measured.get("steps") instanceof List<?> steps) {
            for (Object step : steps) {
                Map<String, Object> s = (Map<String, Object>) step;
                seconds.merge((String) s.get("name"), ((Number) s.get("seconds")).doubleValue(), Double::sum);
            }
        }
        return seconds;
    }

    private static String digest(String stdout) {
        Matcher m = DIGEST.matcher(stdout);
        return m.find() ? m.group(1) : null;
    }

    private long count(String dbUrl, String sql) throws SQLException {
        try (Connection db = BenchDb.connect(dbUrl, user, password);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return name -> seconds (and counts) of each step of an execution, from JBeret's job repository */
    private List<Map<String, Object>> steps(String dbUrl, long executionId) throws SQLException {
        return query(dbUrl, "select stepname, batchstatus, readcount, writecount, "
                + "extract(epoch from (coalesce(endtime, now()) - starttime)) as seconds from step_execution "
                + "where jobexecutionid = " + executionId + " order by stepexecutionid");
    }

    /** @return the job execution's own time (start to end) and its wait before starting (create to start) */
    private Map<String, Object> job(String dbUrl, long executionId) throws SQLException {
        Map<String, Object> job = new LinkedHashMap<>();
        try (Connection db = BenchDb.connect(dbUrl, user, password);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("select extract(epoch from (endtime - starttime)), "
                        + "extract(epoch from (starttime - createtime)) from job_execution where jobexecutionid = "
                        + executionId)) {
            if (rs.next()) {
                job.put("startToEndSeconds", Math.round(rs.getDouble(1) * 100) / 100.0);
                job.put("createToStartSeconds", Math.round(rs.getDouble(2) * 100) / 100.0);
            }
        }
        return job;
    }

    private List<Map<String, Object>> stepsOfNewest(String dbUrl) {
        try {
            return query(dbUrl, "select stepname, batchstatus, readcount, writecount, "
                    + "extract(epoch from (coalesce(endtime, now()) - starttime)) as seconds from step_execution "
                    + "where jobexecutionid = (select max(jobexecutionid) from job_execution) order by stepexecutionid");
        } catch (SQLException e) {
            return List.of(Map.of("error", e.getMessage()));
        }
    }

    private List<Map<String, Object>> query(String dbUrl, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection db = BenchDb.connect(dbUrl, user, password);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("name", rs.getString(1));
                step.put("batchStatus", rs.getString(2));
                step.put("read", rs.getLong(3));
                step.put("write", rs.getLong(4));
                step.put("seconds", Math.round(rs.getDouble(5) * 100) / 100.0);
                out.add(step);
            }
        }
        return out;
    }

    private void admin(String sql) throws SQLException {
        try (Connection db = BenchDb.connect(serverUrl + "postgres", user, password);
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * @return {@code bench.batchJvmOptions}, then {@code bench.jvmOptions} with each {@code {run}} replaced by
     *         this run's number, so recordings stay apart
     */
    private List<String> jvmOptions() {
        String run = String.valueOf(++applicationRuns);
        List<String> options = new ArrayList<>(batchJvmOptions);
        jvmOptionsAsGiven.forEach(option -> options.add(option.replace("{run}", run)));
        return options;
    }

    private static List<String> options(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).filter(option -> !option.isBlank()).toList();
    }

    /** @return java with the heap limit and {@code args} as given (JVM options, {@code -jar}, the command) */
    private List<String> javaWith(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx));
        command.addAll(jvmOptions());
        command.addAll(args);
        return command;
    }

    private void add(int size, BenchMigration migration, String step, double seconds, double rssMb, String note) {
        rows.add(new Row(size, migration.name(), step, seconds, rssMb, Double.NaN, note));
    }

    private void add(int size, BenchMigration migration, String step, double seconds, double rssMb, String note,
            double floor) {
        rows.add(new Row(size, migration.name(), step, seconds, rssMb, floor > 0 ? seconds / floor : Double.NaN, note));
    }

    private static String outcome(BenchProcess.Result result) {
        return (result.timedOut() ? "TIMED OUT (killed)" : "exit " + result.exitCode())
                + String.format(Locale.ROOT, ", CPU %.1f s + PostgreSQL %.1f s", result.cpuSeconds(),
                        result.databaseCpuSeconds());
    }

    private void printTable() {
        System.out.println();
        System.out.println("floor = b (I/O floor) + c (COPY floor) of the same size and migration");
        System.out.printf("%-9s %-22s %-22s %9s %9s %8s  %s%n", "size", "migration", "step", "seconds", "RSS MB",
                "x floor", "note");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-9s %-22s %-22s %9.2f %9s %8s  %s%n", row.size() == 0 ? "-" : row.size(),
                    row.migration(), row.step(), row.seconds(),
                    Double.isNaN(row.peakRssMb()) ? "-" : String.format(Locale.ROOT, "%.0f", row.peakRssMb()),
                    Double.isNaN(row.ratio()) ? "-" : String.format(Locale.ROOT, "%.1f", row.ratio()), row.note());
        }
    }

    private void writeResults() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sources", sources);
        settings.put("latencyMs", latency.toMillis());
        settings.put("pageCap", pageSize);
        settings.put("concurrency", concurrency);
        settings.put("xmx", xmx);
        settings.put("batchJvmOptions", String.join(" ", batchJvmOptions));
        settings.put("seed", seed);
        settings.put("nproc", Runtime.getRuntime().availableProcessors());
        results.put("settings", settings);
        results.put("table", rows);
        results.put("summary", figures);
        results.put("runs", runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(target.resolve("bench").resolve("results.json").toFile(), results);
    }

    /** @return /proc/loadavg: the machine may be shared, so the figures are only as quiet as it was */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }
}
