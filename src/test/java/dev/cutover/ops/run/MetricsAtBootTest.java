package dev.cutover.ops.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Every counter exists at 0 before anything counts: a scraper sees the series before their first increment. */
@QuarkusTest
@TestProfile(MetricsAtBootTest.OneConfiguredSource.class)
class MetricsAtBootTest {

    public static class OneConfiguredSource implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.migrations.notification-rules-v2.sources.eu-9.url", "http://127.0.0.1:9/");
        }
    }

    @Test
    void countersOfEveryMigrationAndConfiguredSourceAreAt0BeforeAnyRun() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("cutover_source_retries_total{source=\"eu-9\"} 0.0")
                .contains("cutover_source_records_total{migration=\"notification-rules-v2\",source=\"eu-9\"} 0.0");
        for (String migration : new String[] { "notification-rules-v2", "rate-limits-v2" }) {
            assertThat(metrics)
                    .contains("cutover_items_read_total{migration=\"" + migration + "\",step=\"retrieve\",unit=\"pages\"} 0.0")
                    .contains("cutover_items_written_total{migration=\"" + migration + "\",step=\"normalize\",unit=\"records\"} 0.0")
                    .contains("cutover_items_written_total{migration=\"" + migration + "\",step=\"stage\",unit=\"entities\"} 0.0")
                    .contains("cutover_activation_duration_seconds_count{migration=\"" + migration + "\"} 0.0");
        }
    }
}
