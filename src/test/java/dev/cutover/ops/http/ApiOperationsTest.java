package dev.cutover.ops.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, OpenAPI: what probes, scrapers and API clients read without credentials. */
@QuarkusTest
class ApiOperationsTest {

    @Test
    void healthIsUpWithTheDatabaseAndTheJobRepository() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("cutover job repository"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiListsEveryEndpointWithBasicAuth() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/migrations/{migration}/plan"))
                .body("paths", hasKey("/api/migrations/{migration}/apply"))
                .body("paths", hasKey("/api/migrations/{migration}/rollback"))
                .body("paths", hasKey("/api/migrations/{migration}/export"))
                .body("paths", hasKey("/api/executions"))
                .body("paths", hasKey("/api/executions/{id}"))
                .body("paths", hasKey("/api/executions/{id}/report"))
                .body("paths", hasKey("/api/executions/{id}/restart"))
                .body("paths", hasKey("/api/executions/{id}/stop"))
                .body("paths", hasKey("/api/migrations/{migration}/prune"))
                .body("paths.'/api/migrations/{migration}/plan'.post.summary", equalTo("Start a plan (dry run)"))
                // read as text by the resource (a 400 naming it when it is not one), documented as the integer it is
                .body("paths.'/api/migrations/{migration}/prune'.post.parameters.find { it.name == 'keep' }.schema.type",
                        equalTo("integer"))
                .body("components.securitySchemes", hasKey("SecurityScheme"))
                // every field is optional, so is the body (none is read as {})
                .body("paths.'/api/migrations/{migration}/apply'.post.requestBody.required", not(equalTo(true)))
                // the body's fields as the server reads them: the map of unknown fields it refuses is not one
                .body("components.schemas.RunRequest.properties.keySet()",
                        equalTo(java.util.Set.of("sources", "concurrency", "accept", "planDigest", "demo")));
    }
}
