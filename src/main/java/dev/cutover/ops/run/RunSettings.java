package dev.cutover.ops.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import dev.cutover.framework.plan.PlanDigest;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;

/**
 * The rules for the options of a plan or an apply and the run settings they become
 * ({@link RunSettingsStore.Settings}), shared by the command line, the HTTP API and the schedules so
 * that all accept and refuse exactly the same input. Every refusal is an {@link InvalidRunOption}
 * naming the option.
 */
public final class RunSettings {

    public static final String SOURCES = "sources";
    public static final String CONCURRENCY = "concurrency";
    public static final String ACCEPT = "accept";
    public static final String PLAN_DIGEST = "planDigest";
    public static final String OUT = "out";

    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 64;

    private RunSettings() {
    }

    /**
     * @param given      {@code NAME=URL} per source; when empty, the configured sources are used
     * @param configured the migration's configured sources ({@link ConfiguredSources#of}), name -> URL
     * @return the sources sorted by name
     * @throws InvalidRunOption for a malformed or repeated source, or when there is no source at all
     *         (then {@link InvalidRunOption#given()} is {@code null})
     */
    public static List<SourceEndpoint> endpoints(String migration, List<String> given, Map<String, String> configured) {
        Map<String, SourceEndpoint> byName = new LinkedHashMap<>();
        if (given.isEmpty()) {
            configured.forEach((name, url) -> byName.put(name, SourceEndpoint.of(name, url)));
        }
        for (String one : given) {
            SourceEndpoint endpoint;
            try {
                endpoint = SourceEndpoint.parse(one);
            } catch (IllegalArgumentException e) {
                throw new InvalidRunOption(SOURCES, one, e.getMessage());
            }
            if (byName.put(endpoint.name(), endpoint) != null) {
                throw new InvalidRunOption(SOURCES, one, "source " + endpoint.name() + " is given twice");
            }
        }
        if (byName.isEmpty()) {
            throw new InvalidRunOption(SOURCES, null, "no sources given, and none configured ("
                    + ConfiguredSources.property(migration) + ")");
        }
        return byName.values().stream().sorted(Comparator.comparing(SourceEndpoint::name)).toList();
    }

    /**
     * @param planDigest the reviewed digest (apply only), or {@code null}
     * @param out        where the report file goes, or {@code null} for none
     * @return the settings of a run, to be saved by {@link MigrationLauncher} when it starts the run
     * @throws InvalidRunOption for a concurrency out of range, an accepted code that is not one, a
     *         malformed digest or a report file that cannot be written ({@link #reportFile})
     */
    public static RunSettingsStore.Settings settings(List<SourceEndpoint> endpoints, int concurrency, List<String> accept,
            String planDigest, Path out) {
        if (concurrency < MIN_CONCURRENCY || concurrency > MAX_CONCURRENCY) {
            throw new InvalidRunOption(CONCURRENCY, Integer.toString(concurrency),
                    "must be between " + MIN_CONCURRENCY + " and " + MAX_CONCURRENCY);
        }
        checkSpelling(accept);
        return new RunSettingsStore.Settings(endpoints, concurrency, accept.stream().map(String::trim).toList(),
                planDigest == null ? null : planDigest(planDigest), out == null ? null : reportFile(out).toString());
    }

    /**
     * Checks the accepted codes against the ones the migration can raise: a code it never raises is a
     * typo that would otherwise be silently ignored (and the anomaly meant stay blocking, or worse,
     * the operator believe it accepted).
     *
     * @param acceptable every code of the migration ({@link dev.cutover.framework.migration.AnomalyCodes#acceptable})
     * @throws InvalidRunOption naming the unknown codes and listing the known ones
     */
    public static void acceptedCodes(String migration, List<String> accept, SortedSet<String> acceptable) {
        checkSpelling(accept);
        List<String> unknown = accept.stream().map(String::trim).filter(code -> !acceptable.contains(code)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRunOption(ACCEPT, String.join(",", unknown), (unknown.size() == 1 ? "not an anomaly code" : "not anomaly codes")
                    + " of " + migration + "; known: " + String.join(", ", acceptable));
        }
    }

    private static void checkSpelling(List<String> accept) {
        for (String code : accept) {
            if (code == null || !code.trim().matches("[A-Z][A-Z_]*")) {
                throw new InvalidRunOption(ACCEPT, String.valueOf(code), "not an anomaly code (upper-case letters and '_')");
            }
        }
    }

    /**
     * Checks, before anything runs, that the report can be written there: otherwise the problem
     * would show only after the whole run, and a script would take the exit code for a report.
     *
     * @return the absolute path
     * @throws InvalidRunOption when the path is a directory, exists and is not writable, or its
     *         directory is missing, not a directory or not writable
     */
    public static Path reportFile(Path out) {
        Path file = out.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new InvalidRunOption(OUT, out.toString(), "is a directory");
        }
        if (Files.exists(file)) {
            if (!Files.isWritable(file)) {
                throw new InvalidRunOption(OUT, out.toString(), "exists and is not writable");
            }
            return file;
        }
        Path directory = file.getParent();
        if (!Files.exists(directory)) {
            throw new InvalidRunOption(OUT, out.toString(), "directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidRunOption(OUT, out.toString(), directory + " is not a directory");
        }
        if (!Files.isWritable(directory)) {
            throw new InvalidRunOption(OUT, out.toString(), "directory " + directory + " is not writable");
        }
        return file;
    }

    /** @throws InvalidRunOption unless the digest is {@code sha256:} and 64 lower-case hex digits */
    public static String planDigest(String digest) {
        if (!PlanDigest.isWellFormed(digest)) {
            throw new InvalidRunOption(PLAN_DIGEST, digest, "must be sha256: and 64 lower-case hex digits");
        }
        return digest;
    }
}
