package dev.cutover.migrations.notifications.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cutover.migrations.ratelimits.admission.AdmissionChecker;
import io.quarkus.test.junit.QuarkusTest;

/** The live executors report their decisions by outcome and their lag, under the same metric names. */
@QuarkusTest
class LiveExecutorMetricsTest {

    private static final String DISPATCHER = "executor=\"dispatcher\",migration=\"notification-rules-v2\"";
    private static final String ADMISSION = "executor=\"admission checker\",migration=\"rate-limits-v2\"";

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    AdmissionChecker checker;

    @AfterEach
    void stop() {
        checker.stop();
    }

    @Test
    void decisionsAreCountedByOutcomeAndTheLagIsTheTimeSinceTheLastOne() {
        double idleBefore = Math.max(0, value("cutover_live_decisions_total{" + DISPATCHER + ",outcome=\"idle\"}"));
        double unlimitedBefore = Math.max(0, value("cutover_live_decisions_total{" + ADMISSION + ",outcome=\"unlimited\"}"));
        // a clock with no slot left: each tick is an idle decision, and writes nothing
        SimulatedSlotClock noSlot = SlotClock.simulated(Instant.parse("2001-01-01T00:00:00Z"), Duration.ofMinutes(1), 0);
        for (int i = 0; i < 3; i++) {
            assertThat(dispatcher.tickOnce(noSlot).isIdle()).isTrue();
        }
        checker.startServing();
        // a service no legacy or planned setting limits
        for (int i = 0; i < 2; i++) {
            assertThat(checker.decide("eu", "no-such-service-" + i, "*", "free").unlimited()).isTrue();
        }

        assertThat(value("cutover_live_decisions_total{" + DISPATCHER + ",outcome=\"idle\"}")).isEqualTo(idleBefore + 3);
        assertThat(value("cutover_live_decisions_total{" + DISPATCHER + ",outcome=\"failed\"}")).isNotNegative();
        assertThat(value("cutover_live_decisions_total{" + ADMISSION + ",outcome=\"unlimited\"}")).isEqualTo(unlimitedBefore + 2);
        assertThat(value("cutover_live_decisions_total{" + ADMISSION + ",outcome=\"limited\"}")).isNotNegative();
        // just decided: the lag is the few seconds a scrape takes at most, not the age of the application
        assertThat(value("cutover_live_lag_seconds{" + DISPATCHER + "}")).isBetween(0.0, 30.0);
        assertThat(value("cutover_live_lag_seconds{" + ADMISSION + "}")).isBetween(0.0, 30.0);
    }

    /** @return the value of one series at /q/metrics, -1 when it is absent */
    private static double value(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
