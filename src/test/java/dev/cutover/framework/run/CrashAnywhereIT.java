package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.demo.NotificationDemo;
import dev.cutover.migrations.ratelimits.demo.DemoKeys;
import dev.cutover.migrations.ratelimits.demo.RateLimitsDemo;
import dev.cutover.support.InjectsFaults;
import dev.cutover.support.proof.ProofFigures;
import dev.cutover.support.proof.ProofFigures.Figure;

/**
 * Crash anywhere (issue 11, DESIGN.md §7 "Restart"), for every migration of the build: the packaged
 * application applies the migration's demo data, is killed with {@code kill -9} at seeded points it
 * reports itself (every step, every chunk boundary, inside and just after the activation transaction,
 * around the lease), is restarted by id until it completes, and ends exactly as an uninterrupted run:
 * same export, same digest, same rows, nothing written twice, no execution left running without a lease.
 *
 * <p>The seed is printed; {@code -Dproof.seed=N} repeats a run's kill points. {@code -Dproof.crash.workers}
 * (default 2) applies that many chains at once, each in a database of its own.
 */
class CrashAnywhereIT {

    private static final int KILLS_PER_MIGRATION = ProofFigures.scaled(26, 150);
    private static long seed;

    @BeforeAll
    static void seed() {
        seed = Long.getLong("proof.seed", System.currentTimeMillis());
        System.out.printf("crash anywhere: seed %d (repeat with -Dproof.seed=%d), %d kills per migration%n", seed, seed,
                KILLS_PER_MIGRATION);
    }

    static Stream<CrashAnywhere.Subject> everyMigration() {
        return Stream.of(
                new CrashAnywhere.Subject("notification-rules-v2", new NotificationDemo(), DemoRules.ANOMALY_CODES),
                new CrashAnywhere.Subject("rate-limits-v2", new RateLimitsDemo(), DemoKeys.ANOMALY_CODES));
    }

    @Test
    void everyMigrationOfTheBuildHasADrill() throws IOException {
        List<String> migrations = new ArrayList<>();
        try (Stream<Path> jobs = Files.list(Path.of("jobs"))) {
            jobs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml") && !n.equals("cutover-migration.xml"))
                    .map(n -> n.substring(0, n.length() - ".xml".length())).sorted().forEach(migrations::add);
        }
        assertThat(everyMigration().map(CrashAnywhere.Subject::migration).sorted().toList()).isEqualTo(migrations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMigration")
    @InjectsFaults("kill -9 of the cutover process at seeded probe points")
    void killedAnywhereAndRestartedByIdEndsAsAnUninterruptedApply(CrashAnywhere.Subject subject) throws Exception {
        long start = System.nanoTime();
        CrashAnywhere.Outcome outcome = new CrashAnywhere(subject, Integer.getInteger("proof.crash.workers", 2))
                .run(KILLS_PER_MIGRATION, seed);
        System.out.printf("crash anywhere, %s: %d kills survived, %d violations, in %.0f s%n", subject,
                outcome.killsSurvived(), outcome.violations().size(), (System.nanoTime() - start) / 1e9);
        ProofFigures.add(Figure.VIOLATIONS, subject.migration(), outcome.violations().size());
        ProofFigures.add(Figure.KILL_POINTS_SURVIVED, subject.migration(), outcome.killsSurvived());

        assertThat(outcome.violations()).as("seed " + seed).isEmpty();
        // the drill reached what it is for: every step, and inside the activation transaction
        List<String> pointsKilled = outcome.chains().stream().flatMap(List::stream).map(KillPlan.Point::name).toList();
        for (String step : KillPlan.STEPS) {
            assertThat(pointsKilled).as("killed in step " + step).anyMatch(p -> p.startsWith(step));
        }
        assertThat(pointsKilled).contains("activate-before-commit", "activate-after-commit", "stage-chunk-end",
                "normalize-chunk-committed", "retrieve-chunk-committed");
        assertThat(outcome.killsSurvived()).isGreaterThanOrEqualTo(KILLS_PER_MIGRATION);
    }
}
