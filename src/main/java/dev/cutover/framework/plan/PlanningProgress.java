package dev.cutover.framework.plan;

import java.util.Locale;

import dev.cutover.framework.metrics.PhaseProgress;

/**
 * What {@link ModelPlanning} tells its {@link PhaseProgress}, at most once per {@value #EVERY} records or
 * leaves: first the migrated records grouped, then the sort, then the leaves made into entities while
 * the behavior gate compares its shares. Not thread-safe (the planning is single-threaded).
 */
final class PlanningProgress {

    /** Records or leaves between two reports. */
    static final int EVERY = 1000;

    private final PhaseProgress phase;
    private final String entityKind;
    private final int gateShare;
    private long records;
    private long leaves;
    private long unreported;
    private long shares;
    private int compared;

    PlanningProgress(PhaseProgress phase, String entityKind, int gateShare) {
        this.phase = phase;
        this.entityKind = entityKind;
        this.gateShare = gateShare;
    }

    /** A migrated record was grouped, with this many leaves. */
    void grouped(int recordLeaves) {
        leaves += recordLeaves;
        if (++records % EVERY == 0) {
            phase.done(records);
        }
    }

    /** The migrated records were grouped before the plan step (their leaves stored keyed). */
    void stored(long records, long leaves) {
        this.records = records;
        this.leaves = leaves;
    }

    /** The leaves go to be sorted by group key. */
    void sorting() {
        phase.done(records);
        phase.activity(String.format(Locale.ROOT, "sorting %,d leaves by group key", leaves));
    }

    /** Entities are made from the sorted leaves from now on. */
    void makingEntities() {
        // about: a share ends at the first partition boundary after gateShare leaves
        shares = Math.max(1, (leaves + gateShare - 1) / gateShare);
        phase.counting(activity(), "leaves", leaves, 0);
    }

    /** A group of this many leaves became an entity; the gate has compared this many shares so far. */
    void entityMade(int groupLeaves, int sharesCompared, boolean last) {
        unreported += groupLeaves;
        if (sharesCompared != compared) {
            compared = sharesCompared;
            phase.describe(activity());
        }
        if (unreported >= EVERY || last) {
            phase.add(unreported);
            unreported = 0;
        }
    }

    /** The gate compares what it holds last. */
    void lastShare() {
        phase.describe("behavior check: comparing the last share");
    }

    private String activity() {
        return String.format(Locale.ROOT, "making %s, behavior check: %d of ~%d shares compared", entityKind, compared,
                Math.max(shares, compared + 1L));
    }
}
