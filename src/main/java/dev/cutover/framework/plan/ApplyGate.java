package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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

    /**
     * What the gate decided and why: every refusal (an unaccepted anomaly code, or
     * {@code DIGEST_MISMATCH}) with its message; none unless {@link Decision#REFUSED}. Part of the
     * plan report ({@code verdict}) and of {@code GET /api/executions/{id}}.
     */
    @JsonPropertyOrder({ "decision", "refusals" })
    public record Verdict(Decision decision, List<Refusal> refusals) {

        public Verdict {
            refusals = refusals == null ? List.of() : List.copyOf(refusals);
        }

        /** @return whether an apply would not go ahead (exit code 3 of {@code plan}) */
        @JsonIgnore
        public boolean refused() {
            return decision == Decision.REFUSED;
        }
    }

    private ApplyGate() {
    }

    /**
     * The verdict of a plan (a dry run): would an apply of this data, accepting these codes, go ahead?
     * A dry run has no reviewed digest, so the digest gate is not part of it; the apply that follows
     * decides again ({@link #decide}) with its own {@code --plan-digest}. The exit code of {@code plan}
     * follows it: 3 when {@link Verdict#refused()}, else 0.
     *
     * @param executingDigest digest of the plan behind the executing generation, null for legacy
     */
    public static Verdict planVerdict(PlanReport report, Set<String> acceptedCodes, String executingDigest) {
        return decide(report, acceptedCodes, null, executingDigest);
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
