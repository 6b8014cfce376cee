package dev.cutover.ops.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.cutover.support.Api;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/** Who may call what: every /api call needs a user, the operator role starts and changes things. */
@QuarkusTest
class ApiSecurityTest {

    @ParameterizedTest
    @CsvSource({ "GET, /api/executions", "GET, /api/executions/1", "GET, /api/executions/1/report",
            "POST, /api/executions/1/restart", "POST, /api/executions/1/stop", "POST, " + Api.BASE + "/plan",
            "POST, " + Api.BASE + "/apply", "POST, " + Api.BASE + "/rollback", "GET, " + Api.BASE + "/export" })
    void everyApiCallWithoutCredentialsIs401WithABasicChallenge(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401).header("WWW-Authenticate", equalToIgnoringCase("basic realm=\"cutover\""));
    }

    @Test
    void wrongPasswordIs401() {
        given().auth().preemptive().basic("olivia", "viewer-secret").get("/api/executions").then().statusCode(401);
    }

    @Test
    void unknownUserIs401() {
        given().auth().preemptive().basic("mallory", "operator-secret").get("/api/executions").then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({ "/api/executions/1/restart", "/api/executions/1/stop", Api.BASE + "/plan", Api.BASE + "/apply",
            Api.BASE + "/rollback" })
    void viewerIsForbiddenToStartRestartStopOrRollBackWithAJsonError(String path) {
        Api.viewer().contentType(ContentType.JSON).body("{}").post(path)
                .then().statusCode(403).contentType(ContentType.JSON).body("$", hasKey("error"));
    }

    @Test
    void viewerReadsExecutionsAndTheExport() {
        Api.viewer().get("/api/executions").then().statusCode(200).body("$", hasKey("executions"));
        Api.viewer().get(Api.BASE + "/export").then().statusCode(200).body("migration", equalTo(Api.MIGRATION));
    }

    @Test
    void operatorReadsToo() {
        Api.operator().get("/api/executions").then().statusCode(200).body("$", hasKey("executions"));
    }

    @ParameterizedTest
    @CsvSource({ "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi" })
    void operationsEndpointsNeedNoCredentials(String path) {
        given().get(path).then().statusCode(200);
    }
}
