package dev.cutover.ops.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cutover.support.Api;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input is a 400 naming the field (the command line's rules, see RunSettings), unknown things a
 * 404; every error is a JSON body without a stack trace. Nothing here starts an execution.
 */
@QuarkusTest
class ApiValidationTest {

    private static final Map<String, String> SOURCE = Map.of("eu-1", "http://127.0.0.1:9/");

    private static ValidatableResponse post(String command, Object body) {
        return Api.operator().contentType(ContentType.JSON).body(body).post(Api.BASE + "/" + command).then();
    }

    private static void badRequest(ValidatableResponse response, String field, String message) {
        response.statusCode(400).contentType(ContentType.JSON).body("field", equalTo(field))
                .body("error", containsString(message)).body("$", not(hasKey("stackTrace")));
    }

    @Test
    void sourceThatIsNotAnHttpUrlIs400NamingSources() {
        badRequest(post("plan", Map.of("sources", Map.of("eu-1", "ftp://rules.example/"))), "sources",
                "not an http(s) URL with a host");
    }

    @Test
    void sourceNameWithBlanksIs400NamingSources() {
        badRequest(post("plan", Map.of("sources", Map.of("eu 1", "http://rules.example/"))), "sources", "may only contain");
    }

    @ParameterizedTest
    @CsvSource({ "0", "65", "-3" })
    void concurrencyOutOfRangeIs400NamingConcurrency(int concurrency) {
        badRequest(post("plan", Map.of("sources", SOURCE, "concurrency", concurrency)), "concurrency", "between 1 and 64");
    }

    @Test
    void concurrencyThatIsNotANumberIs400NamingConcurrency() {
        badRequest(post("plan", Map.of("sources", SOURCE, "concurrency", "many")), "concurrency", "must be an integer");
    }

    @Test
    void malformedAnomalyCodeIs400NamingAccept() {
        badRequest(post("plan", Map.of("sources", SOURCE, "accept", List.of("INVALID_CRON", "invalid-cron"))), "accept",
                "not an anomaly code");
    }

    @Test
    void unknownAnomalyCodeIs400NamingItAndTheMigrationsCodes() {
        badRequest(post("apply", Map.of("sources", SOURCE, "accept", List.of("DUPLICATE_ID", "NOPE"))), "accept",
                "accept NOPE: not an anomaly code of notification-rules-v2; known: ");
        post("plan", Map.of("sources", SOURCE, "accept", List.of("NOPE"))).statusCode(400)
                .body("error", containsString("INVALID_CRON")).body("error", containsString("SOURCE_INCOMPLETE"))
                .body("error", containsString("DRIFT")).body("error", not(containsString("DUPLICATE_ID, NOPE")));
    }

    @Test
    void anotherMigrationsAnomalyCodeIs400() {
        Api.operator().contentType(ContentType.JSON).body(Map.of("sources", SOURCE, "accept", List.of("INVALID_CRON")))
                .post("/api/migrations/rate-limits-v2/plan").then().statusCode(400).body("field", equalTo("accept"))
                .body("error", containsString("INVALID_CRON: not an anomaly code of rate-limits-v2"))
                .body("error", containsString("REGION_CONFLICT")).body("error", containsString("UNKNOWN_TIER"));
    }

    @Test
    void acceptThatIsNotAListIs400NamingAccept() {
        badRequest(post("apply", Map.of("sources", SOURCE, "accept", "INVALID_CRON")), "accept", "must be an array");
    }

    @ParameterizedTest
    @CsvSource({ "sha256:abc", "SHA256:0000000000000000000000000000000000000000000000000000000000000000",
            "sha256:000000000000000000000000000000000000000000000000000000000000000G" })
    void malformedPlanDigestIs400NamingPlanDigest(String digest) {
        badRequest(post("apply", Map.of("sources", SOURCE, "planDigest", digest)), "planDigest", "64 lower-case hex digits");
    }

    @Test
    void planDigestOnAPlanIs400NamingPlanDigest() {
        badRequest(post("plan", Map.of("sources", SOURCE, "planDigest", "sha256:" + "0".repeat(64))), "planDigest",
                "apply only");
    }

    @Test
    void noSourcesGivenAndNoneConfiguredIs400NamingSources() {
        badRequest(post("plan", Map.of()), "sources", "no sources");
    }

    @Test
    void sourcesAndDemoTogetherIs400NamingDemo() {
        badRequest(post("plan", Map.of("sources", SOURCE, "demo", true)), "demo", "not both");
    }

    @Test
    void unknownFieldIs400NamingIt() {
        badRequest(post("plan", Map.of("sources", SOURCE, "concurency", 8)), "concurency", "unknown field");
    }

    /**
     * A value of another JSON type is refused, not converted: 1.5 read as 1 or "true" as true would run
     * with a setting the caller did not write. Each body is refused for another reason too (no sources, or
     * a concurrency of 0), so a body read leniently is refused for that one and nothing starts.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"concurrency\": 1.5}|concurrency|must be an integer",
            "{\"concurrency\": \"8\"}|concurrency|must be an integer", "{\"demo\": 1, \"concurrency\": 0}|demo|must be true or false",
            "{\"demo\": \"true\", \"concurrency\": 0}|demo|must be true or false", "{\"planDigest\": 5}|planDigest|must be a string",
            "{\"accept\": [5]}|accept[0]|must be a string", "{\"sources\": {\"eu-1\": 80}}|sources.eu-1|must be a string" })
    void valueOfAnotherJsonTypeIs400NamingItRatherThanConverted(String body, String field, String message) {
        badRequest(post("apply", body), field, message);
    }

    /** Text after the object is a malformed body, not ignored: the second object of {@code {...}{...}} is not read. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"planDigest\": \"sha256:abc\"} and more",
            "{\"planDigest\": \"sha256:abc\"}{\"concurrency\": 0}" })
    void contentAfterTheJsonObjectIs400NamingTheBody(String body) {
        badRequest(post("apply", body), "body", "not the expected JSON object");
    }

    @Test
    void bodyThatIsNotJsonIs400NamingTheBody() {
        badRequest(post("plan", "{\"sources\": "), "body", "not the expected JSON object");
    }

    @ParameterizedTest
    @CsvSource({ "POST, plan", "POST, apply", "POST, rollback", "GET, export" })
    void unknownMigrationIs404NamingTheKnownOnes(String method, String command) {
        Api.operator().contentType(ContentType.JSON).body(Map.of("sources", SOURCE))
                .request(method, "/api/migrations/no-such-migration/" + command)
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error", containsString("unknown migration 'no-such-migration'"))
                .body("error", containsString(Api.MIGRATION)).body("$", not(hasKey("field")));
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/executions/987654", "GET, /api/executions/987654/report", "POST, /api/executions/987654/restart",
            "POST, /api/executions/987654/stop" })
    void unknownExecutionIs404(String method, String path) {
        Api.operator().request(method, path).then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("no execution 987654"));
    }

    @Test
    void executionIdThatIsNotANumberIs404Json() {
        Api.viewer().get("/api/executions/first").then().statusCode(404).contentType(ContentType.JSON).body("$", hasKey("error"));
    }

    @Test
    void unknownPathUnderApiIs404Json() {
        Api.viewer().get("/api/nothing-here").then().statusCode(404).contentType(ContentType.JSON).body("$", hasKey("error"));
    }
}
