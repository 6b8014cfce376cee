package dev.cutover.ops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.run.SourcesConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a migration ({@code plan}, {@code apply}). */
public class RunOptions {

    @Option(names = "--source", paramLabel = "NAME=URL",
            description = "A legacy source; replaces the configured sources (cutover.sources.NAME.url). Repeatable.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "${cutover.concurrency:-4}",
            description = "Most requests in flight to all sources together (1..64, default ${DEFAULT-VALUE}).")
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
     * @param configured the configured sources, used when no {@code --source} is given
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    List<SourceEndpoint> endpoints(SourcesConfig configured) {
        Map<String, SourceEndpoint> byName = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            configured.all().forEach((name, source) -> byName.put(name, SourceEndpoint.of(name, source.url())));
        }
        for (String one : sources) {
            SourceEndpoint endpoint;
            try {
                endpoint = SourceEndpoint.parse(one);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--source " + one + ": " + e.getMessage());
            }
            if (byName.put(endpoint.name(), endpoint) != null) {
                throw new IllegalArgumentException("--source " + one + ": source " + endpoint.name() + " is given twice");
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("no sources: give --source NAME=URL (or --demo), or configure cutover.sources.NAME.url");
        }
        return byName.values().stream().sorted(java.util.Comparator.comparing(SourceEndpoint::name)).toList();
    }

    /** @throws IllegalArgumentException naming the option and what is wrong with it */
    Properties parameters(String mode, List<SourceEndpoint> endpoints) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency " + concurrency + ": must be between 1 and 64");
        }
        for (String code : accept) {
            if (!code.trim().matches("[A-Z][A-Z_]*")) {
                throw new IllegalArgumentException("--accept " + code + ": not an anomaly code (upper-case letters and '_')");
            }
        }
        Properties p = new Properties();
        p.setProperty(RunParameters.MODE, mode);
        p.setProperty(RunParameters.SOURCES, RunParameters.encodeSources(endpoints));
        p.setProperty(RunParameters.CONCURRENCY, Integer.toString(concurrency));
        p.setProperty(RunParameters.ACCEPT, String.join(",", accept.stream().map(String::trim).toList()));
        if (out != null) {
            p.setProperty(RunParameters.OUT, out.toAbsolutePath().toString());
        }
        return p;
    }
}
