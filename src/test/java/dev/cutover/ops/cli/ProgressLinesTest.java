package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.support.Cli;
import dev.cutover.support.FailOnce;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.LogCapture;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** A terminal gets one live line per phase, rewritten in place; anything else gets plain log lines at a bounded rate. */
@QuarkusTest
class ProgressLinesTest {

    private static final List<String> PHASES = List.of("retrieve", "normalize", "plan");

    @Inject
    RunProgress progress;

    static final class Answer extends Terminal {
        private final boolean terminal;

        Answer(boolean terminal) {
            this.terminal = terminal;
        }

        @Override
        public boolean isTerminal() {
            return terminal;
        }

        @Override
        public int width() {
            return 200;
        }
    }

    @Test
    void aTerminalGetsOneLiveLinePerPhaseRewrittenInPlaceAndNoProgressLogLines() {
        QuarkusMock.installMockForType(new Answer(true), Terminal.class);
        Result r;
        List<String> logged;
        try (LogCapture log = LogCapture.of(RunProgress.class); TestSources sources = TestSources.start(1, 300, 100)) {
            r = Cli.run(sources.planArgs());
            logged = log.lines();
        }
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String err = r.err();
        // said before anything slow, then the execution
        assertThat(err.indexOf("taking the lease and starting an execution over 1 source")).isNotNegative()
                .isLessThan(err.indexOf("execution " + r.executionId() + " started"));
        assertThat(err).contains("\rretrieve  ").contains("\rnormalize ").contains("\rplan      ");
        // each phase ends with its last state kept on the screen, in pipeline order
        int previous = -1;
        for (String phase : PHASES) {
            int kept = err.indexOf(String.format("\r%-9s done: ", phase));
            assertThat(kept).as("%s kept in\n%s", phase, err).isGreaterThan(previous);
            assertThat(err.indexOf('\n', kept)).as("a new line after %s", phase).isPositive();
            previous = kept;
        }
        assertThat(err).contains("\rretrieve  done: 300 records from 1 source in ").contains("\rnormalize done: 300 records in ");
        assertThat(logged).as("the live line replaces the progress log lines").isEmpty();
    }

    @Test
    void elsewhereProgressIsPlainLogLinesEachPhaseStartedAndDoneAtABoundedRate() {
        QuarkusMock.installMockForType(new Answer(false), Terminal.class);
        Result r;
        List<String> logged;
        long start = System.nanoTime();
        try (LogCapture log = LogCapture.of(RunProgress.class); TestSources sources = TestSources.start(1, 300, 100)) {
            r = Cli.run(sources.planArgs());
            logged = log.lines();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("\r");
        for (String phase : PHASES) {
            String label = String.format("%-9s ", phase);
            assertThat(logged).as("%s in %s", phase, logged).containsOnlyOnce(label + "started")
                    .filteredOn(l -> l.startsWith(label + "done: ")).hasSize(1);
        }
        assertThat(logged).anyMatch(l -> l.startsWith("retrieve  done: 300 records from 1 source in "));
        // start and end of each phase, and at most one line per cutover.progress.log-every (10 s) while one moves
        long moving = took.toSeconds() / progress.logEvery().toSeconds() + 1;
        assertThat(logged.size()).as("%s", logged).isLessThanOrEqualTo((int) (2 * PHASES.size() + moving));
    }

    @Test
    void aRestartOnATerminalGetsTheSameLiveLines() {
        QuarkusMock.installMockForType(new Answer(true), Terminal.class);
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            FailOnce.at("retrieve-write");
            Result failed = Cli.run(sources.planArgs());
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);

            Result r = Cli.run("restart", failed.failedExecutionId());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).contains("restarting execution " + failed.failedExecutionId())
                    .contains("\rretrieve  ").contains("\rnormalize done: 300 records in ").contains("\rplan      done: ");
        }
    }
}
