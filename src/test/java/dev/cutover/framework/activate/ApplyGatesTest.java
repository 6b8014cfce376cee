package dev.cutover.framework.activate;

import java.util.Optional;
import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.migrations.notifications.NotificationRulesMigration;
import dev.cutover.migrations.notifications.behavior.DispatchModel;
import dev.cutover.migrations.notifications.behavior.NotificationBehavior;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.plan.PolicyBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.plan.TargetPlan;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.migrations.notifications.plan.NotificationPlanner;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.FailOnce;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** Every safety gate refuses before mutation; failures before commit leave the old model executing. */
@QuarkusTest
class ApplyGatesTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    /** After as before: a generation left executing would be a MASS_REMOVAL for the plans of other tests. */
    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void unacceptedAnomaliesRefuseWithExitThreeAndStageNothing() {
        try (DemoSources sources = DemoSources.start()) {
            ExecutingModel before = generations.current(MIGRATION);
            long staged = stagedEntities();
            Result r = Cli.run(Apply.args("apply", sources, "--accept", "INVALID_CRON"));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("apply refused, nothing activated:").contains("DUPLICATE_ID: 6 record(s)")
                    .doesNotContain("INVALID_CRON:");
            assertUnchanged(before, staged);
            Result status = Cli.run("status", r.executionId(), "--json");
            assertThat(status.out()).contains("\"batchStatus\" : \"COMPLETED\"").contains("\"exitStatus\" : \"REFUSED\"");
        }
    }

    @Test
    void staleReviewedDigestRefuses() {
        try (DemoSources sources = DemoSources.start()) {
            ExecutingModel before = generations.current(MIGRATION);
            long staged = stagedEntities();
            String stale = "sha256:" + "0".repeat(64);
            Result r = Cli.run(Apply.accepting(sources, "--plan-digest", stale));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("DIGEST_MISMATCH: the reviewed plan " + stale + " is stale");
            assertUnchanged(before, staged);
        }
    }

    @Test
    void reviewedDigestThatMatchesLetsApplyGoAhead() {
        try (DemoSources sources = DemoSources.start()) {
            Result plan = Cli.run(Apply.args("plan", sources, "--accept", Apply.ACCEPT_DEMO_ANOMALIES));
            Result r = Cli.run(Apply.accepting(sources, "--plan-digest", plan.digest()));
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
    }

    @Test
    void malformedPlanDigestIsAUsageError() {
        Result r = Cli.run("apply", MIGRATION, "--source", "a=http://127.0.0.1:9", "--plan-digest", "sha256:ABC");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--plan-digest sha256:ABC: must be sha256: and 64 lower-case hex digits");
    }

    @Test
    void behaviorChangeRefusesUnlessAccepted() {
        NotificationBehavior real = new NotificationBehavior();
        QuarkusMock.installMockForType(new NotificationRulesMigration() {
            @Override
            public BehaviorModel<PolicyLeaf, PolicyBody, DispatchModel> behavior() {
                // the real models, and a gate that reports one dispatch missing from the plan
                return new NotificationBehavior() {
                    @Override
                    public BehaviorCheck compare(DispatchModel legacy, DispatchModel planned, Instant start) {
                        BehaviorCheck b = real.compare(legacy, planned, start);
                        return new BehaviorCheck(b.horizonHours(), b.legacyDispatches(), b.newDispatches() - 1, false);
                    }
                };
            }

            @Override
            public Optional<LiveExecutor> liveExecutor() {
                return Optional.empty();
            }
        }, NotificationRulesMigration.class);
        try (DemoSources sources = DemoSources.start()) {
            ExecutingModel before = generations.current(MIGRATION);
            long staged = stagedEntities();
            Result r = Cli.run(Apply.accepting(sources));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("BEHAVIOR_CHANGE: over 168 h the legacy rules dispatch");
            assertUnchanged(before, staged);

            Result accepted = Cli.run(Apply.accepting(sources, "--accept", "BEHAVIOR_CHANGE"));
            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        }
    }

    @Test
    void driftBetweenRetrieveAndActivateRefusesAndActivatesNothing() {
        try (DemoSources sources = DemoSources.start()) {
            QuarkusMock.installMockForType(new StepProbe() {
                @Override
                public void reached(String point) {
                    if (point.equals("validate")) {
                        ObjectNode rule = (ObjectNode) sources.server("us-1").data().items().stream()
                                .filter(i -> DemoRules.MIGRATED.equals(
                                        sources.rules().expectedById("us-1").get(i.path("id").asText())))
                                .findFirst().orElseThrow().deepCopy();
                        rule.put("version", rule.get("version").asInt() + 1);
                        sources.server("us-1").data().upsert(rule);
                    }
                }
            }, StepProbe.class);
            ExecutingModel before = generations.current(MIGRATION);
            Result r = Cli.run(Apply.accepting(sources));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("DRIFT: legacy configuration changed after it was retrieved: us-1: rule ");
            assertThat(generations.current(MIGRATION)).isEqualTo(before);
        }
    }

    @Test
    @InjectsFaults("an exception in the validate step")
    void failureInValidateActivatesNothingAndRestartCompletesIt() {
        FailOnce.at("validate");
        try (DemoSources sources = DemoSources.start()) {
            ExecutingModel before = generations.current(MIGRATION);
            Result failed = Cli.run(Apply.accepting(sources));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).contains("validate: injected failure at validate");
            assertThat(generations.current(MIGRATION)).isEqualTo(before);

            Result restarted = Cli.run("restart", failed.executionId());
            assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
            assertThat(generations.current(MIGRATION).generation()).isGreaterThan(before.generation());
        }
    }

    @Test
    @InjectsFaults("an exception inside the activation transaction")
    void failureInsideActivationBeforeCommitKeepsTheOldModelAndRestartCompletesIt() {
        FailOnce.at("activate-before-commit");
        try (DemoSources sources = DemoSources.start()) {
            ExecutingModel before = generations.current(MIGRATION);
            Result failed = Cli.run(Apply.accepting(sources));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(generations.current(MIGRATION)).as("the switch rolled back").isEqualTo(before);

            Result restarted = Cli.run("restart", failed.executionId());
            assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
            assertThat(restarted.out()).contains("activated");
            assertThat(generations.current(MIGRATION).generation()).isEqualTo(nextGeneration(before));
        }
    }

    private int nextGeneration(ExecutingModel before) {
        return Sql.query(dataSource, "select max(generation) from model_generation where migration = ?",
                rs -> rs.getInt(1), MIGRATION).get(0);
    }

    private void assertUnchanged(ExecutingModel before, long stagedBefore) {
        assertThat(generations.current(MIGRATION)).isEqualTo(before);
        assertThat(stagedEntities()).as("nothing staged").isEqualTo(stagedBefore);
    }

    private long stagedEntities() {
        return Sql.query(dataSource, "select count(*) from target_entity", rs -> rs.getLong(1)).get(0);
    }
}
