package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A plan that would drop more than {@code cutover.plan.mass-removal-share} (10%) of the executing
 * generation's entities raises {@code MASS_REMOVAL}; while legacy executes there is nothing to remove.
 * The test sources' 300 rules make 300 policies, one per rule.
 */
@QuarkusTest
class MassRemovalTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    GenerationSwitch generations;

    @BeforeEach
    @AfterEach
    void legacyExecutes() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void planMissingMoreThanATenthOfTheExecutingPoliciesIsRefusedUntilAcceptedAndKeepsItsDigest() {
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            Result first = Cli.run(sources.args("apply"));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            int generation = generations.current(MIGRATION).generation();
            removeRules(sources, 40);

            Result plan = Cli.run(sources.planArgs());
            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(3);
            assertThat(plan.out()).contains("plan anomaly MASS_REMOVAL: 40 of 300 policies of generation " + generation
                    + " are absent from this plan (13%, more than 10%)");

            Result refused = Cli.run(sources.args("apply"));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.out()).contains("apply refused, nothing activated:").contains("MASS_REMOVAL: 40 of 300 policies");
            assertThat(generations.current(MIGRATION).generation()).isEqualTo(generation);

            Result accepted = Cli.run(sources.args("apply", "--accept", "MASS_REMOVAL", "--plan-digest", plan.digest()));
            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            assertThat(generations.current(MIGRATION).generation()).isGreaterThan(generation);

            // the executing state is no part of the data: the same data planned while legacy executes has the same digest
            Apply.startFromLegacy(generations);
            Result whileLegacy = Cli.run(sources.planArgs());
            assertThat(whileLegacy.exitCode()).as(whileLegacy.toString()).isZero();
            assertThat(whileLegacy.out()).doesNotContain("MASS_REMOVAL");
            assertThat(whileLegacy.digest()).isEqualTo(plan.digest());
        }
    }

    @Test
    void removingAtMostATenthIsNoAnomaly() {
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            assertThat(Cli.run(sources.args("apply")).exitCode()).isZero();
            removeRules(sources, 30);

            Result plan = Cli.run(sources.planArgs());
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.out()).doesNotContain("MASS_REMOVAL").contains("policies  270");
        }
    }

    @Test
    void reducedDataPlannedWhileLegacyExecutesRaisesNoMassRemoval() {
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            removeRules(sources, 40);
            Result plan = Cli.run(sources.planArgs());
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.out()).doesNotContain("MASS_REMOVAL");
        }
    }

    private static void removeRules(TestSources sources, int count) {
        for (int i = 0; i < count; i++) {
            sources.get(1).data().delete("s1-r" + i);
        }
    }
}
