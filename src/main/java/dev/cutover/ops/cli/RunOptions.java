package dev.cutover.ops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.run.InvalidRunOption;
import dev.cutover.ops.run.RunSettings;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a migration ({@code plan}, {@code apply}). */
public class RunOptions {

    @Option(names = "--source", paramLabel = "NAME=URL",
            description = "A legacy source; replaces the configured sources (cutover.migrations.<migration>.sources.NAME.url). Repeatable.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", descriptionKey = "cutover.concurrency", defaultValue = "4",
            description = "Most requests in flight to all sources together (1..64, default cutover.concurrency, 4).")
    int concurrency;

    @Option(names = "--accept", paramLabel = "CODE,...", split = ",",
            description = "Anomaly codes accepted, so they do not block.")
    List<String> accept = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan report (JSON) to this file.")
    Path out;

    @Option(names = "--no-resume",
            description = "Start a new run even if the last one of this migration failed, stopped or crashed with the same sources.")
    boolean noResume;

    @Option(names = "--demo", description = "Read the built-in demo data set (3 sources served on loopback).")
    boolean demo;

    /**
     * The rules of {@link RunSettings} that hold without the application: everything but the
     * migration's configured sources (checked when it runs).
     *
     * @param planDigest {@code --plan-digest} of an apply, or {@code null}
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    void checkArguments(String planDigest) {
        if (demo && !sources.isEmpty()) {
            // the demo serves its own sources: a --source beside it would be dropped without a word
            throw new IllegalArgumentException("--demo reads the built-in sources: give either --source or --demo, not both");
        }
        try {
            List<SourceEndpoint> given = sources.isEmpty() ? List.of() : RunSettings.endpoints("", sources, Map.of());
            RunSettings.settings(given, concurrency, accept, planDigest, out);
        } catch (InvalidRunOption e) {
            throw asOption(e);
        }
    }

    /**
     * @param migration a known migration
     * @throws IllegalArgumentException naming the {@code --accept} codes the migration never raises
     */
    void checkAccepted(String migration, Migrations migrations) {
        try {
            RunSettings.acceptedCodes(migration, accept, AnomalyCodes.acceptable(migrations.require(migration)));
        } catch (InvalidRunOption e) {
            throw asOption(e);
        }
    }

    /**
     * @param configured the migration's configured sources, used when no {@code --source} is given
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    List<SourceEndpoint> endpoints(String migration, Map<String, String> configured) {
        try {
            return RunSettings.endpoints(migration, sources, configured);
        } catch (InvalidRunOption e) {
            throw asOption(e);
        }
    }

    /**
     * @param planDigest {@code --plan-digest} of an apply, or {@code null}
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    RunSettingsStore.Settings settings(List<SourceEndpoint> endpoints, String planDigest) {
        try {
            RunSettingsStore.Settings settings = RunSettings.settings(endpoints, concurrency, accept, planDigest, out);
            return demo ? settings.withDemoSources() : settings;
        } catch (InvalidRunOption e) {
            throw asOption(e);
        }
    }

    /** The rules are {@link RunSettings}'; only the way the command line names its options is here. */
    static IllegalArgumentException asOption(InvalidRunOption e) {
        if (e.given() == null) {
            // the problem names the migration's own property (cutover.migrations.<migration>.sources.NAME.url)
            return new IllegalArgumentException("no sources: give --source NAME=URL (or --demo); " + e.problem());
        }
        String option = switch (e.option()) {
            case RunSettings.SOURCES -> "--source";
            case RunSettings.PLAN_DIGEST -> "--plan-digest";
            default -> "--" + e.option();
        };
        // an empty value would vanish from the message ("--out : is a directory")
        return new IllegalArgumentException(option + " " + (e.given().isEmpty() ? "''" : e.given()) + ": " + e.problem());
    }
}
