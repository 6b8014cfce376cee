package dev.cutover.migrations.ratelimits.admission;

import static dev.cutover.migrations.ratelimits.RateLimitsRuns.MIGRATION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.migrations.ratelimits.RateLimitsRuns;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

/** The admission checker over HTTP, and its decisions while activations and rollbacks switch the model. */
@QuarkusTest
class AdmissionTest {

    private static final String PROBE_KEY = "ratelimits/probe";

    @Inject
    AdmissionChecker checker;

    @Inject
    GenerationSwitch generations;

    @BeforeEach
    @AfterEach
    void reset() {
        checker.stop();
        RateLimitsRuns.startFromLegacy(generations);
    }

    @Test
    void theResourceAnswers503WhileNotServingAnd400NamingABadParameter() {
        given().auth().preemptive().basic("victor", "viewer-secret")
                .queryParams(Map.of("region", "eu", "service", "a", "route", "*", "tier", "free"))
                .get(AdmissionResource.PATH).then().statusCode(503).body("error", containsString("not serving"));
        checker.startServing();
        given().auth().preemptive().basic("victor", "viewer-secret").queryParams(Map.of("region", "eu", "service", "a", "route", "*"))
                .get(AdmissionResource.PATH).then().statusCode(400).body("field", equalTo("tier"));
        given().auth().preemptive().basic("victor", "viewer-secret")
                .queryParams(Map.of("region", "eu", "service", "a", "route", "*", "tier", "gold"))
                .get(AdmissionResource.PATH).then().statusCode(400).body("field", equalTo("tier"))
                .body("error", containsString("unknown tier 'gold'"));
        given().auth().preemptive().basic("victor", "viewer-secret")
                .queryParams(Map.of("region", "eu", "service", "a", "route", "*", "tier", "free", "regoin", "eu"))
                .get(AdmissionResource.PATH).then().statusCode(400).body("field", equalTo("regoin"));
        // no stored name holds a NUL (PostgreSQL's text cannot), and the database refused to compare one: a 500
        given().auth().preemptive().basic("victor", "viewer-secret")
                .queryParams(Map.of("region", "eu", "service", "a\u0000b", "route", "*", "tier", "free"))
                .get(AdmissionResource.PATH).then().statusCode(400).body("field", equalTo("service"))
                .body("error", containsString("NUL"));
        given().queryParams(Map.of("region", "eu", "service", "a", "route", "*", "tier", "free"))
                .get(AdmissionResource.PATH).then().statusCode(401);
        given().auth().preemptive().basic("olivia", "operator-secret")
                .queryParams(Map.of("region", "eu", "service", "nobody", "route", "/x", "tier", "FREE"))
                .get(AdmissionResource.PATH).then().statusCode(200).body("unlimited", equalTo(true)).body("tier", equalTo("free"));
    }

    @Test
    void decisionsTakenWhileActivationsAndRollbacksHappenNeverMixModels() throws Exception {
        try (DemoRegions regions = DemoRegions.start()) {
            // run -> the probe limit its data set says; a generation -> the run it executes
            Map<Long, String> probeByRun = new HashMap<>();
            Map<Integer, Long> runByGeneration = new HashMap<>();
            setProbe(regions, "5/s");
            activate(regions, "5", probeByRun, runByGeneration);
            setProbe(regions, "9/s");
            activate(regions, "9", probeByRun, runByGeneration);

            checker.startServing();
            ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicLong> byGeneration = new ConcurrentHashMap<>();
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService deciders = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(deciders.submit(() -> {
                    while (!done.get()) {
                        Decision decision = checker.decide("eu", "probe", "/any", "premium");
                        decisions.add(decision);
                        byGeneration.computeIfAbsent(decision.generation(), g -> new AtomicLong()).incrementAndGet();
                    }
                }));
            }
            try {
                decisionsFrom(generations.current(MIGRATION).generation(), byGeneration);
                for (int cycle = 0; cycle < 3; cycle++) {
                    assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
                    decisionsFrom(generations.current(MIGRATION).generation(), byGeneration);
                    activate(regions, "9", probeByRun, runByGeneration);
                    decisionsFrom(generations.current(MIGRATION).generation(), byGeneration);
                }
            } finally {
                done.set(true);
                deciders.shutdown();
                assertThat(deciders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> decider : running) {
                decider.get();
            }
            Set<Integer> seen = new TreeSet<>();
            for (Decision decision : decisions) {
                seen.add(decision.generation());
                if (decision.generation() > 0) {
                    assertThat(decision.runId()).as("the run of generation " + decision.generation())
                            .isEqualTo(runByGeneration.get(decision.generation()));
                }
                assertThat(decision.ratePerSecond()).as(decision.toString()).isEqualTo(probeByRun.get(decision.runId()));
            }
            // three rollbacks to the first generation and three new ones of the "9/s" data, each awaited
            assertThat(seen).as("decisions saw every generation").hasSize(5);
            assertThat(decisions.size()).isGreaterThan(10);
        }
    }

    /** Waits until the deciders took 20 more decisions from {@code generation}: the checker really switched. */
    private static void decisionsFrom(int generation, Map<Integer, AtomicLong> byGeneration) {
        long target = count(generation, byGeneration) + 20;
        await().atMost(Duration.ofSeconds(30)).until(() -> count(generation, byGeneration) >= target);
    }

    private static long count(int generation, Map<Integer, AtomicLong> byGeneration) {
        AtomicLong count = byGeneration.get(generation);
        return count == null ? 0 : count.get();
    }

    private static void setProbe(DemoRegions regions, String value) {
        regions.server("eu").store().put(PROBE_KEY, TextNode.valueOf(value));
    }

    private void activate(DemoRegions regions, String probe, Map<Long, String> probeByRun, Map<Integer, Long> runByGeneration) {
        Cli.Result r = RateLimitsRuns.apply(regions);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        ExecutingModel executing = generations.current(MIGRATION);
        probeByRun.put(executing.runId(), probe);
        runByGeneration.put(executing.generation(), executing.runId());
    }
}
