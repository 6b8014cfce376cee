package dev.cutover.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cutover.support.TestDatabase;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, run by failsafe after
 * {@code package}) as a user with Java alone runs it: no datasource in the environment, a working
 * directory of its own, {@code CUTOVER_HOME} a temporary folder. The demo plan runs on the embedded
 * PostgreSQL, a second command sees its execution on the same server, and the server stops with the
 * command the README gives.
 */
class EmbeddedDatabaseIT {

    private static final Path JAR = Path.of(System.getProperty("cutover.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    private static final Pattern PORT = Pattern.compile("embedded PostgreSQL in .* port (\\d+)");

    @TempDir
    Path temp;

    private Path home;
    private final Map<Process, Path[]> outputs = new ConcurrentHashMap<>();
    private final Map<Process, Long> starts = new ConcurrentHashMap<>();

    /** What a finished process printed. */
    record Ended(int exitCode, String out, String err, Duration took) {
    }

    @BeforeEach
    void homeEveryUserCanPassThrough() throws IOException {
        // as root the server runs as nobody, which must get through every folder above its data
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = temp.resolve("home");
    }

    @AfterEach
    void stopTheServerAsTheReadmeSays() throws Exception {
        Path pidFile = home.resolve("postgres/data/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        Process kill = new ProcessBuilder("sh", "-c", "kill $(head -1 " + pidFile + ")").inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("server stopped").isEmpty();
    }

    @Test
    void demoPlanRunsOnTheEmbeddedDatabaseAndTheNextCommandSeesItsExecution() throws Exception {
        Ended plan = run(Map.of(), "plan", "notification-rules-v2", "--demo", "--out", "plan.json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(3);
        assertThat(temp.resolve("plan.json")).isNotEmptyFile();
        assertThat(plan.err()).contains("no database configured: embedded PostgreSQL in " + home.resolve("postgres"))
                .contains("created in").contains("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(Files.exists(home.resolve("postgres/data/PG_VERSION"))).isTrue();

        Ended status = run(Map.of(), "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("notification-rules-v2").contains("PLANNED");
        assertThat(status.err()).contains("(running, port " + port(plan));
        System.out.printf("embedded PostgreSQL, packaged application: plan --demo %d ms (initdb and start included: %s), "
                + "status %d ms on the running server%n", plan.took().toMillis(), notice(plan), status.took().toMillis());
    }

    @Test
    void twoCommandsStartedAtOnceShareOneServer() throws Exception {
        Process one = start(Map.of(), "status");
        Process other = start(Map.of(), "status");
        Ended a = await(one);
        Ended b = await(other);
        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(b.exitCode()).as(b.toString()).isZero();
        assertThat(port(a)).isEqualTo(port(b));
        assertThat(List.of(a.err(), b.err())).filteredOn(err -> err.contains("created in")).hasSize(1);
        assertThat(List.of(a.err(), b.err())).filteredOn(err -> err.contains("(running,")).hasSize(1);
    }

    @Test
    void configuredDatabaseWinsOverTheEmbeddedOne() throws Exception {
        TestDatabase database = new TestDatabase();
        Map<String, String> settings = database.start();
        try {
            Ended status = run(Map.of("QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME", settings.get("quarkus.datasource.username")), "status");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.err()).doesNotContain("embedded PostgreSQL");
            assertThat(home).doesNotExist();
        } finally {
            database.stop();
        }
    }

    private Ended run(Map<String, String> env, String... args) throws Exception {
        return await(start(env, args));
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "cutover", ".out");
        Path err = Files.createTempFile(temp, "cutover", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // a user with Java alone: no datasource anywhere, Cutover's folder a fresh one
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("CUTOVER_"));
        builder.environment().put("CUTOVER_HOME", home.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        outputs.put(process, new Path[] { out, err });
        starts.put(process, System.nanoTime());
        return process;
    }

    private Ended await(Process process) throws Exception {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("cutover did not end within 5 minutes");
        }
        Path[] files = outputs.get(process);
        return new Ended(process.exitValue(), Files.readString(files[0]), Files.readString(files[1]),
                Duration.ofNanos(System.nanoTime() - starts.get(process)));
    }

    private static int port(Ended ended) {
        Matcher m = PORT.matcher(ended.err());
        assertThat(m.find()).as(ended.toString()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String notice(Ended ended) {
        return ended.err().lines().filter(l -> l.contains("embedded PostgreSQL")).findFirst().orElse("");
    }
}
