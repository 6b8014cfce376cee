package dev.cutover.ops.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Api;
import dev.cutover.support.FailOnce;
import dev.cutover.support.InjectsFaults;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/** The reference migration driven over HTTP on the demo data: plan, review, apply, export, roll back, restart, stop. */
@QuarkusTest
class ApiFlowTest {

    @Inject
    GenerationSwitch generations;

    /** After as before: a generation left executing would be a MASS_REMOVAL for the plans of other tests. */
    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        dev.cutover.support.Apply.startFromLegacy(generations);
    }

    @Test
    void planReviewApplyExportRollBackThroughTheApi() {
        try (DemoSources sources = DemoSources.start()) {
            sources.server("eu-1").faults().failNext(1, 503); // one retried request, for the retry metric
            long plan = Api.start("plan", Api.body(sources, "concurrency", 3));

            JsonPath planned = Api.awaitEnd(plan);
            assertThat(planned.getString("batchStatus")).isEqualTo("COMPLETED");
            assertThat(planned.getString("exitStatus")).isEqualTo("PLANNED");
            assertThat(planned.getString("mode")).isEqualTo("dry-run");
            assertThat(planned.getList("steps.name", String.class)).containsExactly("retrieve", "normalize", "plan");
            // retrieve and normalize each run one partition per source
            assertThat(planned.getList("partitions.findAll { it.step == 'retrieve' }.source", String.class))
                    .containsExactlyElementsOf(sources.urls().keySet());
            assertThat(planned.getList("partitions.findAll { it.step == 'normalize' }.source", String.class))
                    .containsExactlyElementsOf(sources.urls().keySet());
            assertThat(planned.getDouble("progress.percent")).isEqualTo(100.0);
            assertThat(planned.getList("progress.sources.complete", Boolean.class)).containsOnly(true);
            String digest = planned.getString("digest");
            assertThat(digest).matches("sha256:[0-9a-f]{64}");

            var served = Api.viewer().get("/api/executions/" + plan + "/report").then().statusCode(200).contentType(ContentType.JSON)
                    .body("format", equalTo("cutover.plan/v1")).body("executionId", equalTo((int) plan))
                    .body("digest", equalTo(digest)).body("anomalies.INVALID_CRON", org.hamcrest.Matchers.greaterThan(0))
                    .extract().jsonPath();
            // listed from the run's outcomes as the report is written: the stored report does not hold them
            assertThat(served.getList("anomalyRecords")).isNotEmpty().hasSize(served.getInt("counts.anomalies"));
            Api.viewer().accept(ContentType.HTML).get("/api/executions/" + plan + "/report").then().statusCode(200)
                    .contentType(startsWith("text/html")).body(containsString("Plan report: " + Api.MIGRATION))
                    .body(containsString(digest)).body(containsString("INVALID_CRON")).body(containsString("Behavior"));
            Api.viewer().get("/api/executions").then().statusCode(200).body("executions.executionId", hasItem((int) plan));

            Api.operator().post("/api/executions/" + plan + "/restart").then().statusCode(409)
                    .body("error", containsString("is COMPLETED"));

            int before = generations.current(Api.MIGRATION).generation();
            long apply = Api.start("apply", Api.body(sources, "accept", DemoRules.ANOMALY_CODES, "planDigest", digest));
            JsonPath applied = Api.awaitEnd(apply);
            assertThat(applied.getString("exitStatus")).as(applied.prettify()).isEqualTo("ACTIVATED");
            int activated = generations.current(Api.MIGRATION).generation();
            assertThat(activated).isGreaterThan(before);

            Api.viewer().get(Api.BASE + "/export").then().statusCode(200).body("generation", equalTo(activated))
                    .body("policies.size()", org.hamcrest.Matchers.greaterThan(0));

            Api.operator().post(Api.BASE + "/rollback").then().statusCode(200)
                    .body("migration", equalTo(Api.MIGRATION)).body("generation", equalTo(before))
                    .body("previous", equalTo(activated));
            assertThat(generations.current(Api.MIGRATION).generation()).isEqualTo(before);

            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics)
                    .contains("cutover_items_read_total{migration=\"notification-rules-v2\",step=\"normalize\",unit=\"records\"}")
                    .contains("cutover_items_written_total{migration=\"notification-rules-v2\",step=\"stage\",unit=\"entities\"}")
                    .contains("cutover_source_retries_total{source=\"eu-1\"}")
                    .contains("cutover_activation_duration_seconds_count{migration=\"notification-rules-v2\"}");
        }
    }

    @Test
    void rollbackWhileLegacyExecutesIs409() {
        Api.operator().post(Api.BASE + "/rollback").then().statusCode(409).contentType(ContentType.JSON)
                .body("error", containsString("nothing to roll back to"));
    }

    @Test
    void applyRefusedByAGateEndsCompletedRefusedAndSaysWhy() {
        try (DemoSources sources = DemoSources.start()) {
            JsonPath refused = Api.awaitEnd(Api.start("apply", Api.body(sources)));
            assertThat(refused.getString("batchStatus")).isEqualTo("COMPLETED");
            assertThat(refused.getString("exitStatus")).isEqualTo("REFUSED");
            assertThat(refused.getList("refusals.code", String.class)).contains("INVALID_CRON");
        }
    }

    @Test
    void stoppedExecutionRestartsFromItsCheckpointAndOnlyTheMostRecentOnce() {
        try (DemoSources sources = DemoSources.start()) {
            sources.urls().keySet().forEach(name -> sources.server(name).faults().delayNext(3, Duration.ofMillis(700)));
            long plan = Api.start("plan", Api.body(sources, "concurrency", 1));
            Api.awaitRunning(plan);
            Api.operator().post("/api/executions/" + plan + "/stop").then().statusCode(202)
                    .body("executionId", equalTo((int) plan));
            JsonPath stopped = Api.awaitEnd(plan);
            assertThat(stopped.getString("batchStatus")).isEqualTo("STOPPED");
            Api.operator().post("/api/executions/" + plan + "/stop").then().statusCode(409)
                    .body("error", containsString("not running"));
            Api.viewer().get("/api/executions/" + plan + "/report").then().statusCode(404)
                    .body("error", containsString("no plan report yet"));

            long restarted = Api.operator().post("/api/executions/" + plan + "/restart").then().statusCode(202)
                    .body("migration", equalTo(Api.MIGRATION)).body("mode", equalTo("dry-run"))
                    .extract().jsonPath().getLong("executionId");
            assertThat(restarted).isNotEqualTo(plan);
            JsonPath planned = Api.awaitEnd(restarted);
            assertThat(planned.getString("exitStatus")).isEqualTo("PLANNED");
            Api.operator().post("/api/executions/" + plan + "/restart").then().statusCode(409)
                    .body("error", equalTo("execution " + plan + " cannot be restarted: it was restarted as execution "
                            + restarted + " (COMPLETED), and only the latest execution of a run restarts"));
        }
    }

    @Test
    @InjectsFaults("a source nothing listens to")
    void failedExecutionShowsWhyAndHasNoReport() {
        long plan = Api.start("plan", Map.of("sources", Map.of("gone", "http://127.0.0.1:9/"), "concurrency", 1));
        JsonPath failed = Api.awaitEnd(plan);
        assertThat(failed.getString("batchStatus")).isEqualTo("FAILED");
        assertThat(failed.getString("failure")).contains("gone");
        Api.viewer().get("/api/executions/" + plan + "/report").then().statusCode(404).contentType(ContentType.JSON);
    }

    @Test
    void demoRunServesTheBuiltInSourcesForTheExecution() {
        JsonPath planned = Api.awaitEnd(Api.start("plan", Map.of("demo", true, "accept", List.of("DUPLICATE_ID"))));
        assertThat(planned.getString("exitStatus")).isEqualTo("PLANNED");
        assertThat(planned.getList("progress.sources.name", String.class)).containsExactly("ap-1", "eu-1", "us-1");
    }

    @Test
    void failedDemoRunIsRefusedARestartSayingToStartANewRun() {
        FailOnce.at("retrieve-write");
        long plan = Api.start("plan", Map.of("demo", true));
        JsonPath failed = Api.awaitEnd(plan);
        assertThat(failed.getString("batchStatus")).isEqualTo("FAILED");

        // its demo sources were stopped when it ended: a restart would only fail again, page after page
        Api.operator().post("/api/executions/" + plan + "/restart").then().statusCode(409)
                .body("error", containsString("cannot be restarted by id"))
                .body("error", containsString("start a new plan with \"demo\": true"));
    }
}
