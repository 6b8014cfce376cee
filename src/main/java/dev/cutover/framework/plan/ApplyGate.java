package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.cutover.framework.run.RefusalLog.Refusal;

/**
 * The safety gates between plan and mutation (DESIGN.md §2 {@code mode}): an apply goes on only if
 * every anomaly of the plan is accepted and the plan is the one reviewed ({@code --plan-digest});
 * it has nothing to do when the executing generation already came from an identical plan. Pure.
 */
public final class ApplyGate {

    /** What the apply does next. */
    public enum Decision {
        /** Stage, validate and activate a new generation. */
        STAGE,
        /** The executing generation has this plan's digest: nothing to do. */
        UNCHANGED,
        /** A gate blocks: see the refusals. */
        REFUSED
    }

    public record Verdict(Decision decision, List<Refusal> refusals) {
    }

    private ApplyGate() {
    }

    /**
     * @param acceptedCodes   the accepted codes ({@code --accept}), may be empty
     * @param reviewedDigest  the digest the operator reviewed ({@code --plan-digest}), or null/empty
     * @param executingDigest digest of the plan behind the executing generation, null for legacy
     */
    public static Verdict decide(PlanReport report, Set<String> acceptedCodes, String reviewedDigest, String executingDigest) {
        List<Refusal> refusals = new ArrayList<>();
        if (reviewedDigest != null && !reviewedDigest.isEmpty() && !reviewedDigest.equals(report.digest())) {
            refusals.add(new Refusal("DIGEST_MISMATCH", "the reviewed plan " + reviewedDigest
                    + " is stale: the plan computed now is " + report.digest()));
        }
        SortedSet<String> blocking = new TreeSet<>(report.anomalyCodes());
        blocking.removeAll(acceptedCodes);
        for (String code : blocking) {
            refusals.add(new Refusal(code, describe(report, code)));
        }
        if (!refusals.isEmpty()) {
            return new Verdict(Decision.REFUSED, refusals);
        }
        return new Verdict(report.digest().equals(executingDigest) ? Decision.UNCHANGED : Decision.STAGE, List.of());
    }

    private static String describe(PlanReport report, String code) {
        Long records = report.anomalies().get(code);
        if (records != null) {
            return records + " record(s) with anomaly " + code + " (accept with --accept " + code + ")";
        }
        return report.planAnomalies().stream().filter(a -> a.code().equals(code)).map(PlanReport.PlanAnomaly::detail)
                .collect(Collectors.joining("; ")) + " (accept with --accept " + code + ")";
    }
}
