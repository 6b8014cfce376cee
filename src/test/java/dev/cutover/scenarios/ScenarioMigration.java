package dev.cutover.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What the scenario runner ({@link ScenarioCorpusTest}) needs from one migration: how the sources of a
 * case folder are served over real HTTP, with their generated items, faults and edits. Everything
 * else (commands, expectations, the invariant) is the same for every migration and lives in the runner.
 * One implementation per migration, listed in {@link #ALL}; its {@link #name()} is the folder under
 * {@code src/test/resources/scenarios/} and the job id the commands run.
 */
public interface ScenarioMigration {

    /** Every migration that has scenarios: add one line for a new migration. */
    List<ScenarioMigration> ALL = List.of(new NotificationRulesScenarios(), new RateLimitsScenarios());

    /** @return the migration's job id, which is also its folder of cases */
    String name();

    /**
     * Starts the sources of one case: one per data file {@code <dataDir>/<name>.json} and per entry of
     * the case's {@code sources} object (either may be absent), with the items each holds and generates,
     * then arms the case's {@code faults} and {@code edits}.
     *
     * @param dataDir  the folder of the sources' data ({@code sources/} or {@code given/} of the case)
     * @param scenario the whole {@code case.json}, for its {@code sources}, {@code faults} and {@code edits}
     * @throws IllegalArgumentException naming the case entry this migration does not understand
     */
    ServedSources serve(Path dataDir, JsonNode scenario) throws IOException;

    /** Sources of one case, serving on loopback until closed. */
    interface ServedSources extends AutoCloseable {

        /** @return {@code --source NAME=URL} arguments for every source of the case */
        List<String> sourceArgs();

        /** @return how many faulty answers the case armed (a fault for {@code n} requests counts {@code n}) */
        int faultsArmed();

        /**
         * Called by the runner when the execution reaches a probe point ({@code validate}, ...): applies
         * the case's edits that wait for that point ({@code "when": "validate"}).
         */
        void reached(String point);

        @Override
        void close();
    }

    /**
     * @return the settings of each source of a case, by name: one per data file of {@code sources/} (empty
     *         settings), then those of {@code case.json}'s {@code sources} (which may name a source without a
     *         file, e.g. one whose data is generated), in name order
     */
    static Map<String, JsonNode> sourceSettings(Path dataDir, JsonNode scenario) throws IOException {
        Map<String, JsonNode> settings = new TreeMap<>();
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.list(dataDir)) {
                files.filter(f -> f.toString().endsWith(".json")).forEach(f -> settings
                        .put(f.getFileName().toString().replaceFirst("\\.json$", ""), JsonNodeFactory.instance.objectNode()));
            }
        }
        scenario.path("sources").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue()));
        return settings;
    }

    /** @return the implementation for a migration folder; fails naming the known ones */
    static ScenarioMigration named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no ScenarioMigration for scenarios/" + name + "/ (known: " + ALL.stream().map(ScenarioMigration::name).toList()
                        + "): add one to ScenarioMigration.ALL"));
    }
}
