package dev.cutover.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar ...} as a real process against a test database,
 * for what cannot happen in-process: {@code kill -9}, SIGTERM, SIGSTOP, two processes at once.
 * Leases are short here (3 s) so that a crash is taken over quickly; a {@code cutover.lease.ttl} or
 * {@code cutover.lease.renew-every} among the extra properties replaces it (the last {@code -D} wins).
 */
public final class CutoverProcess {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern STARTED = Pattern.compile("execution (\\d+) started");

    private final Process process;
    private final Path out;
    private final Path err;

    private CutoverProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param database   {@code quarkus.datasource.*} settings (from {@link TestDatabase#start()})
     * @param properties extra system properties, e.g. {@code cutover.probe.pause.stage-write=5s}
     */
    public static CutoverProcess start(Map<String, String> database, Map<String, String> properties, String... args) {
        return start(List.of(), database, properties, args);
    }

    /**
     * As {@link #start(Map, Map, String...)}, with options for the JVM, e.g. {@code -XX:TieredStopAtLevel=1}
     * for a drill that starts many short processes.
     */
    public static CutoverProcess start(List<String> jvmOptions, Map<String, String> database, Map<String, String> properties,
            String... args) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dcutover.lease.ttl=3s", "-Dcutover.lease.renew-every=1s"));
        database.forEach((k, v) -> command.add("-D" + k + "=" + v));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("cutover", ".out");
            Path err = Files.createTempFile("cutover", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new CutoverProcess(p, out, err);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    /** Runs a command to its end and returns it. */
    public static CutoverProcess run(Map<String, String> database, String... args) {
        return run(List.of(), database, args);
    }

    /** Runs a command to its end, with options for the JVM, and returns it. */
    public static CutoverProcess run(List<String> jvmOptions, Map<String, String> database, String... args) {
        CutoverProcess p = start(jvmOptions, database, Map.of(), args);
        p.awaitExit(Duration.ofMinutes(3));
        return p;
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cutover did not end within " + timeout + "\n" + this);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** @return the id of the execution this process started, once it printed it */
    public long executionId() {
        await().atMost(Duration.ofSeconds(60)).until(() -> STARTED.matcher(err()).find() || !process.isAlive());
        Matcher m = STARTED.matcher(err());
        if (!m.find()) {
            throw new IllegalStateException("no execution started\n" + this);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Waits until the process prints {@code line} on stderr (a report of its own, e.g. {@code probe: halted
     * at stage-chunk-end #1}) or ends without printing it.
     *
     * @return whether it printed the line; false when it ended first
     * @throws org.awaitility.core.ConditionTimeoutException when neither happened within {@code timeout}
     */
    public boolean awaitReport(String line, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> err().contains(line) || !process.isAlive());
        return err().contains(line);
    }

    public void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public void sigterm() {
        process.destroy();
    }

    public void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("kill -" + signal + " failed", e);
        }
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "--- stdout\n" + out() + "--- stderr\n" + err();
    }
}
