package dev.cutover.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.cutover.migrations.notifications.demo.DemoSources;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Calls the HTTP API of the running test application as its test users ({@code %test.cutover.api.users}),
 * and starts and awaits executions through it: the one way tests drive migrations over HTTP.
 */
public final class Api {

    public static final String MIGRATION = "notification-rules-v2";
    public static final String BASE = "/api/migrations/" + MIGRATION;

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private Api() {
    }

    /** A user with the operator role. */
    public static RequestSpecification operator() {
        return given().auth().preemptive().basic("olivia", "operator-secret");
    }

    /** A user with the viewer role only. */
    public static RequestSpecification viewer() {
        return given().auth().preemptive().basic("victor", "viewer-secret");
    }

    /** @return the body of a run request reading these sources, with further fields given as name, value, ... */
    public static Map<String, Object> body(DemoSources sources, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sources", sources.urls());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    /**
     * Starts {@code plan} or {@code apply} of the reference migration as the operator and checks the 202.
     *
     * @return the new execution's id
     */
    public static long start(String command, Map<String, ?> body) {
        JsonPath started = operator().contentType(ContentType.JSON).body(body)
                .when().post(BASE + "/" + command)
                .then().statusCode(202).extract().jsonPath();
        long id = started.getLong("executionId");
        if (!started.getString("status").equals("/api/executions/" + id)) {
            throw new AssertionError("unexpected status URL in " + started.prettify());
        }
        return id;
    }

    /** @return the execution as {@code GET /api/executions/{id}} shows it once it has ended */
    public static JsonPath awaitEnd(long executionId) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(viewer().get("/api/executions/" + executionId).then().statusCode(200).extract().jsonPath());
            return ENDED.contains(last.get().getString("batchStatus"));
        });
        return last.get();
    }

    /** @return the execution once JBeret runs it (so that it can be stopped) */
    public static JsonPath awaitRunning(long executionId) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last.set(viewer().get("/api/executions/" + executionId).then().statusCode(200).extract().jsonPath());
            return "STARTED".equals(last.get().getString("batchStatus"));
        });
        return last.get();
    }
}
