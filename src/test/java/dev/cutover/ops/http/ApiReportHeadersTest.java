package dev.cutover.ops.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cutover.support.Api;
import dev.cutover.support.TestSources;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan report shows data read from legacy sources: its HTML page allows no script, no external
 * load, no framing, and neither answer may be sniffed into another type.
 */
@QuarkusTest
class ApiReportHeadersTest {

    @Test
    void reportIsServedWithAContentSecurityPolicyAndNoSniffing() {
        try (TestSources sources = TestSources.start(1, 20, 100)) {
            long id = Api.start("plan", Map.of("sources", Map.of("s1", sources.get(1).baseUrl())));
            Api.awaitEnd(id);
            String report = "/api/executions/" + id + "/report";

            Api.viewer().accept(ContentType.HTML).get(report).then().statusCode(200)
                    .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                            containsString("style-src 'unsafe-inline'"), containsString("frame-ancestors 'none'"),
                            containsString("base-uri 'none'"), containsString("form-action 'self'"),
                            not(containsString("script-src"))))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .body(not(containsString("<script")), not(containsString("src=")), not(containsString("<link")));
            Api.viewer().get(report).then().statusCode(200).contentType(ContentType.JSON)
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }
}
