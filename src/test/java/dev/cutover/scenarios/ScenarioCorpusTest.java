package dev.cutover.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.support.Cli;
import dev.cutover.support.InjectsFaults;
import dev.cutover.support.proof.ProofFigures;
import dev.cutover.support.proof.ProofFigures.Figure;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The scenario corpus (issue 11): every folder {@code src/test/resources/scenarios/<migration>/<case>/}
 * is one run of the application's real commands against real PostgreSQL and real HTTP sources,
 * checked against the case's {@code expect} (format: {@code scenarios/README.md}). Whatever a case
 * expects, every plan it makes must account for each record it fetched
 * ({@code fetched = migrated + skipped + anomalies}, each map summing to its count, every anomalous
 * record listed): nothing is dropped silently. What differs per migration sits behind
 * {@link ScenarioMigration}.
 */
@QuarkusTest
@TestProfile(ScenarioCorpusTest.ShortDeadline.class)
class ScenarioCorpusTest {

    /** A source that never answers must end the case in seconds, not after the default minute per page. */
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // bodies up to 64 MB: the tenant and recipient of 20,000,001 characters are a page of 40 MB
            return Map.of("cutover.source.page-deadline", "6s", "cutover.source.max-attempts", "3",
                    "cutover.source.max-body-size", "64M");
        }
    }

    @Inject
    GenerationSwitch generations;

    /** The sources of the running case, told when the execution reaches a probe point. */
    private static volatile ScenarioMigration.ServedSources probed;

    @BeforeEach
    void reportProbePointsToTheCase() {
        QuarkusMock.installMockForType(new StepProbe() {
            @Override
            public void reached(String point) {
                ScenarioMigration.ServedSources sources = probed;
                if (sources != null) {
                    sources.reached(point);
                }
            }
        }, StepProbe.class);
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = root();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(f -> f.getFileName().toString().equals("case.json"))
                    .forEach(f -> names.add(root.relativize(f.getParent()).toString().replace('\\', '/')));
        }
        // -Dscenarios=rate-limits-v2/ runs the cases under that prefix only (while writing cases); a comma lists several
        List<String> only = List.of(System.getProperty("scenarios", "").split(","));
        return names.stream().filter(n -> only.stream().anyMatch(n::startsWith)).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void caseEndsAsItsFolderExpects(String name) throws Exception {
        Path dir = root().resolve(name);
        JsonNode scenario = LegacyJson.MAPPER.readTree(dir.resolve("case.json").toFile());
        ScenarioMigration migration = ScenarioMigration.named(name.substring(0, name.indexOf('/')));
        Expectation expect = new Expectation(name, migration.name(), scenario.path("expect"));
        startFromLegacy(migration.name());
        String fault = scenario.has("faults") || expect.exit() == 1 ? scenario.path("description").asText() : null;
        if (fault != null) {
            InjectsFaults.Marker.begin("ScenarioCorpusTest " + name, fault);
        }
        int faults;
        try {
            if (scenario.has("given")) {
                given(dir, scenario, migration);
            }
            try (ScenarioMigration.ServedSources sources = migration.serve(dir.resolve("sources"), scenario)) {
                probed = sources;
                faults = sources.faultsArmed();
                Path report = Files.createTempDirectory("scenario").resolve("report.json");
                List<String> args = new ArrayList<>(List.of(scenario.path("command").asText("plan"), migration.name()));
                args.addAll(sources.sourceArgs());
                // a case is one new run: never the resumption of an earlier case's failed one
                args.addAll(List.of("--no-resume", "--out", report.toString()));
                scenario.path("args").forEach(a -> args.add(a.asText()));
                Cli.Result result = Cli.run(args.toArray(String[]::new));
                expect.check(result, Files.exists(report) ? LegacyJson.MAPPER.readTree(report.toFile()) : null,
                        dir, () -> Cli.run("export", migration.name()));
            } finally {
                probed = null;
            }
        } finally {
            if (fault != null) {
                InjectsFaults.Marker.end("ScenarioCorpusTest " + name);
            }
        }
        ProofFigures.add(Figure.SCENARIOS_PASSED, migration.name(), 1);
        if (faults > 0) {
            ProofFigures.add(Figure.FAULTS_INJECTED, migration.name(), faults);
        }
    }

    /** {@code "given": "apply"}: the data of {@code given/} is applied first (it must apply cleanly). */
    private void given(Path dir, JsonNode scenario, ScenarioMigration migration) throws IOException {
        assertThat(scenario.get("given").asText()).as("the only 'given' is 'apply'").isEqualTo("apply");
        JsonNode settings = JsonNodeFactory.instance.objectNode().set("sources", scenario.path("sources"));
        try (ScenarioMigration.ServedSources sources = migration.serve(dir.resolve("given"), settings)) {
            List<String> args = new ArrayList<>(List.of("apply", migration.name()));
            args.addAll(sources.sourceArgs());
            args.add("--no-resume");
            Cli.Result given = Cli.run(args.toArray(String[]::new));
            assertThat(given.exitCode()).as("the case's given apply: " + given).isZero();
        }
    }

    /** Rolls back until legacy executes, so that what a case plans and applies does not depend on earlier cases. */
    private void startFromLegacy(String migration) {
        while (!generations.current(migration).isLegacy()) {
            Cli.Result r = Cli.run("rollback", migration);
            assertThat(r.exitCode()).as("rollback of " + migration + ": " + r).isZero();
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(ScenarioCorpusTest.class.getResource("/scenarios").toURI());
    }
}
