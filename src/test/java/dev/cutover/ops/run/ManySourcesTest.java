package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.support.Api;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A run's settings are not limited by JBeret's job parameters (3,000 characters): 65 sources with
 * ordinary internal host-like names (about 5,000 characters of NAME=URL) plan like three.
 */
@QuarkusTest
class ManySourcesTest {

    private static final int SOURCES = 65;

    @Inject
    ObjectMapper json;

    @Test
    void sixtyFiveSourcesWithLongNamesPlanFromTheCommandLine() throws Exception {
        try (TestSources server = TestSources.start(1, 5, 100)) {
            Path out = Files.createTempDirectory("many").resolve("plan.json");
            List<String> args = new ArrayList<>(List.of("plan", "notification-rules-v2", "--out", out.toString()));
            names(server).forEach((name, url) -> args.addAll(List.of("--source", name + "=" + url)));

            Result r = Cli.run(args.toArray(String[]::new));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().lines().filter(l -> l.startsWith("  source "))).hasSize(SOURCES);
            assertThat(r.out()).contains("records   " + SOURCES * 5 + " fetched");
            JsonNode report = json.readTree(out.toFile());
            assertThat(report.get("sources")).hasSize(SOURCES);
        }
    }

    @Test
    void sixtyFiveSourcesWithLongNamesPlanThroughTheApi() {
        try (TestSources server = TestSources.start(1, 5, 100)) {
            long id = Api.start("plan", Map.of("sources", names(server)));

            JsonPath ended = Api.awaitEnd(id);

            assertThat(ended.getString("exitStatus")).as(ended.prettify()).isEqualTo("PLANNED");
            for (String step : List.of("retrieve", "normalize")) {
                assertThat(ended.getList("partitions.findAll { it.step == '" + step + "' }.source", String.class)).as(step)
                        .hasSize(SOURCES).containsExactlyElementsOf(names(server).keySet());
            }
            Api.viewer().get("/api/executions/" + id + "/report").then().statusCode(200)
                    .body("sources.size()", org.hamcrest.Matchers.equalTo(SOURCES));
        }
    }

    /** 65 names of about 50 characters, all served by one test source. */
    private static Map<String, String> names(TestSources server) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < SOURCES; i++) {
            names.put(String.format("rules-%02d.eu-west-1.notification-platform.internal", i), server.get(1).baseUrl());
        }
        return names;
    }
}
