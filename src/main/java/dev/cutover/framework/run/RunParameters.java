package dev.cutover.framework.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.cutover.framework.source.SourceEndpoint;

/**
 * The job parameters of a migration run, as stored by JBeret with the job instance and reused as
 * they are by a restart (so a restarted run reads the same sources and writes the same report).
 * JBeret limits parameters to 3000 characters in total.
 */
public final class RunParameters {

    public static final String MODE = "mode";
    public static final String SOURCES = "sources";
    public static final String CONCURRENCY = "concurrency";
    public static final String ACCEPT = "accept";
    public static final String PLAN_DIGEST = "planDigest";
    public static final String OUT = "out";

    public static final String DRY_RUN = "dry-run";
    public static final String APPLY = "apply";

    private RunParameters() {
    }

    /** Sources are stored space-separated as {@code NAME=URL} (URLs hold no spaces). */
    public static String encodeSources(List<SourceEndpoint> sources) {
        return String.join(" ", sources.stream().map(SourceEndpoint::toString).toList());
    }

    public static List<SourceEndpoint> decodeSources(String encoded) {
        List<SourceEndpoint> sources = new ArrayList<>();
        if (encoded != null) {
            for (String one : encoded.trim().split("\\s+")) {
                if (!one.isEmpty()) {
                    sources.add(SourceEndpoint.parse(one));
                }
            }
        }
        return sources;
    }

    /** @return the accepted anomaly codes of the {@code accept} parameter (comma-separated, may be null) */
    public static java.util.Set<String> accepted(String accept) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        if (accept != null) {
            for (String code : accept.split(",")) {
                if (!code.trim().isEmpty()) {
                    codes.add(code.trim());
                }
            }
        }
        return codes;
    }

    public static String mode(Properties parameters) {
        return parameters == null ? DRY_RUN : parameters.getProperty(MODE, DRY_RUN);
    }
}
