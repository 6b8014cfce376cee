package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.support.CutoverProcess;
import dev.cutover.support.TestDatabase;

/**
 * A command whose execution fails answers in Cutover's own words on stderr: the failure line and how to
 * restart, not the batch runtime's own ERROR lines (its chunk internals), which {@code --verbose} shows.
 */
class FailedExecutionOutputIT {

    private TestDatabase database;
    private Map<String, String> db;

    @BeforeEach
    void freshDatabase() {
        database = new TestDatabase();
        db = database.start();
    }

    @AfterEach
    void dropDatabase() {
        database.stop();
    }

    private CutoverProcess planAgainstADownSource(String... extra) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> args = new java.util.ArrayList<>(List.of("plan", "notification-rules-v2", "--no-resume",
                "--source", "s1=http://127.0.0.1:" + port + "/"));
        args.addAll(List.of(extra));
        CutoverProcess p = CutoverProcess.start(List.of(), db, Map.of("cutover.source.max-attempts", "1"),
                args.toArray(String[]::new));
        p.awaitExit(java.time.Duration.ofMinutes(3));
        return p;
    }

    @Test
    void aFailedExecutionPrintsItsReasonAndNoBatchRuntimeErrorLines() throws IOException {
        CutoverProcess p = planAgainstADownSource();
        assertThat(p.exitCode()).as(p.toString()).isEqualTo(1);
        assertThat(p.err()).as(p.toString())
                .containsPattern("execution \\d+ failed: retrieve: source s1, first page: gave up after 1 attempt\\(s\\)")
                .containsPattern("restart it with: cutover restart \\d+")
                .doesNotContain("JBERET").doesNotContain("ProcessingInfo").doesNotContain(" ERROR ");
    }

    @Test
    void verboseShowsTheBatchRuntimesOwnLines() throws IOException {
        CutoverProcess p = planAgainstADownSource("--verbose");
        assertThat(p.exitCode()).as(p.toString()).isEqualTo(1);
        assertThat(p.err()).as(p.toString()).containsPattern("execution \\d+ failed: retrieve: ").contains("JBERET");
    }
}
