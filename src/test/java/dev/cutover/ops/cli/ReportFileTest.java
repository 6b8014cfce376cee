package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.StepProbe;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code --out} is checked before anything runs (exit 2 naming it), and a report that cannot be
 * written after the run makes the command fail (exit 1): a script that sees 0 may rely on the file.
 */
@QuarkusTest
class ReportFileTest {

    @Test
    void outInAMissingDirectoryIsAUsageErrorAndStartsNothing() throws Exception {
        Path out = Files.createTempDirectory("out").resolve("missing/plan.json");
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + out + ": directory " + out.getParent() + " does not exist")
                .doesNotContain("started");
    }

    @Test
    void outThatIsADirectoryIsAUsageError() throws Exception {
        Path out = Files.createTempDirectory("out");
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + out + ": is a directory").doesNotContain("started");
    }

    @Test
    void outUnderAFileIsAUsageError() throws Exception {
        Path file = Files.createTempFile("out", ".txt");
        Path out = file.resolve("plan.json");
        Result r = Cli.run("apply", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + out + ": " + file + " is not a directory");
    }

    @Test
    void outThatExistsReadOnlyIsAUsageError() throws Exception {
        Path out = Files.createTempFile("plan", ".json");
        out.toFile().setWritable(false);
        // root may write whatever the permissions say: there the case cannot be set up
        assumeFalse(Files.isWritable(out), "this user can write a read-only file (root)");
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + out + ": exists and is not writable");
    }

    @Test
    @InjectsFaults("a source nothing listens to")
    void restartChecksTheOriginalOutBeforeRunning() throws Exception {
        Path dir = Files.createTempDirectory("out");
        Path out = dir.resolve("plan.json");
        Result failed = Cli.run("plan", "notification-rules-v2", "--source", "gone=http://127.0.0.1:9", "--out", out.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        Files.delete(dir);

        Result restart = Cli.run("restart", failed.failedExecutionId());
        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
        assertThat(restart.err()).contains("--out " + out + " (of execution " + failed.failedExecutionId() + "): directory "
                + dir + " does not exist").doesNotContain("restarting");
    }

    @Test
    @InjectsFaults("a source nothing listens to")
    void aFailedRunIsNotResumedByACommandWithAnotherOut() throws Exception {
        Result first = Cli.run("plan", "notification-rules-v2", "--source", "gone=http://127.0.0.1:9");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        Path out = Files.createTempDirectory("out").resolve("plan.json");
        Result second = Cli.run("plan", "notification-rules-v2", "--source", "gone=http://127.0.0.1:9", "--out", out.toString());
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        // resumed, it would have kept the first run's settings: no report file at all
        assertThat(second.err()).doesNotContain("resuming execution");
        Result sameAgain = Cli.run("plan", "notification-rules-v2", "--source", "gone=http://127.0.0.1:9", "--out", out.toString());
        assertThat(sameAgain.err()).contains("resuming execution " + second.failedExecutionId());
    }

    @Test
    void reportThatCannotBeWrittenAfterTheRunFailsTheCommand() throws Exception {
        Path dir = Files.createTempDirectory("out");
        Path out = dir.resolve("plan.json");
        // the directory passes the check, then disappears while the run retrieves
        QuarkusMock.installMockForType(new StepProbe() {
            @Override
            public void reached(String point) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, StepProbe.class);
        try (TestSources sources = TestSources.start(1, 20, 100)) {
            Result r = Cli.run(sources.planArgs("--out", out.toString()));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("execution " + r.executionId() + " completed, but its plan report could not be written to "
                    + out + ": ");
            assertThat(out).doesNotExist();
        }
    }
}
