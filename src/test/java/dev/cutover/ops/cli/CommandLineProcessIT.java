package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cutover.support.CutoverProcess;

/**
 * The packaged jar as a real process with its database at a closed port: help and usage errors are
 * answered all the same (so before Quarkus and the database start), and a command that needs the
 * database says in one line where it looked and what to do, exit 2. The wall time of each run is
 * printed (a figure to read, not an assertion: these machines are shared).
 */
class CommandLineProcessIT {

    private static Map<String, String> closedPort;

    @BeforeAll
    static void pointTheDatabaseAtAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        closedPort = Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/cutover");
    }

    private static CutoverProcess timed(Map<String, String> database, String... args) {
        long start = System.nanoTime();
        CutoverProcess p = CutoverProcess.run(database, args);
        System.out.printf("cutover %s: exit %d in %d ms%n", String.join(" ", args), p.exitCode(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return p;
    }

    @Test
    void helpIsAnsweredWithTheDatabaseUnreachable() {
        CutoverProcess help = timed(closedPort, "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: cutover");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void subcommandHelpIsAnsweredWithTheDatabaseUnreachable() {
        CutoverProcess help = timed(closedPort, "plan", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: cutover plan").contains("--source");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void versionIsAnsweredWithTheDatabaseUnreachable() {
        CutoverProcess version = timed(closedPort, "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).contains("cutover 0.1");
    }

    @Test
    void usageErrorsAreAnsweredWithTheDatabaseUnreachable() {
        CutoverProcess unknown = timed(closedPort, "plan", "notification-rules-v2", "--bogus");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("Unknown option: '--bogus'").doesNotContain("database");
        CutoverProcess range = timed(closedPort, "plan", "notification-rules-v2", "--concurrency", "0");
        assertThat(range.exitCode()).as(range.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(range.err()).contains("--concurrency 0: must be between 1 and 64").doesNotContain("database");
    }

    @Test
    void unreachableDatabaseIsOneLineNamingTheUrlExitTwo() {
        CutoverProcess status = timed(closedPort, "status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.USAGE);
        assertOneLine(status.err());
        assertThat(status.err()).contains("cannot reach the database at " + closedPort.get("quarkus.datasource.jdbc.url"))
                .contains("connection refused").contains("QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void missingDatabaseIsOneLineSayingHowToCreateItExitTwo() {
        String missing = "cutover_missing_" + Long.toHexString(System.nanoTime());
        Map<String, String> database = withDatabaseName(missing);
        CutoverProcess status = timed(database, "status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.USAGE);
        assertOneLine(status.err());
        assertThat(status.err()).contains(database.get("quarkus.datasource.jdbc.url")).contains("does not exist")
                .contains("createdb").contains(missing);
    }

    @Test
    void verboseAddsTheStackTrace() {
        CutoverProcess status = timed(closedPort, "--verbose", "status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(status.err()).contains("cannot reach the database at").contains("\tat ");
    }

    /** The test server (as TestDatabase finds it) with a database name that does not exist there. */
    private static Map<String, String> withDatabaseName(String name) {
        String server = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        String url = (slash < 0 ? server : server.substring(0, slash)) + "/" + name;
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"));
    }

    private static void assertOneLine(String err) {
        assertThat(err.strip().lines()).as(err).hasSize(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
