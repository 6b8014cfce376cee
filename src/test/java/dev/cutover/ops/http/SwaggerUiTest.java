package dev.cutover.ops.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code serve} serves Swagger UI over the OpenAPI document, without credentials, like /q/openapi. */
@QuarkusTest
class SwaggerUiTest {

    @Test
    void swaggerUiIsServedAsHtmlAtTheDocumentedPath() {
        given().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("swagger-ui"));
    }
}
