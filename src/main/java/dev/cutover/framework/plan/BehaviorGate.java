package dev.cutover.framework.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.run.SideLane;

/**
 * The plan's behavior gate, fed one group at a time in model order: it holds a share of the
 * population made of whole partitions ({@link BehaviorModel#partition}), compares the legacy and
 * planned models of the share once it holds at least {@code shareSize} leaves and a partition ends,
 * and adds the checks ({@link BehaviorCheck#plus}) in the order of the shares. With one partition it
 * holds everything and compares once.
 * <p>
 * A share is compared on a thread of the gate's own while the caller goes on making the next one:
 * the plan step reads and makes entities on one core while the other builds and compares the models
 * of the share before (the behavior model is pure, {@link BehaviorModel}). One share at most is being
 * compared while the next fills, so the gate holds two shares at most. A failure of the comparison
 * (the behavior model naming a record or entity it cannot execute) is thrown, as it was thrown, by the
 * next {@link #add} or by {@link #finish}. Not thread-safe; {@link #close} ends the thread.
 */
final class BehaviorGate<L, E, M> implements AutoCloseable {

    /** A leaf of the share, with its index among its record's leaves. */
    private record ShareLeaf<L>(Migrated<L> leaf, int leafNo) {
    }

    // the legacy side reads its records in record order, each record's leaves in its order
    private static final Comparator<ShareLeaf<?>> RECORD_ORDER = Comparator
            .comparing((ShareLeaf<?> s) -> s.leaf().record()).thenComparingInt(ShareLeaf::leafNo);

    private final BehaviorModel<L, E, M> behavior;
    private final Instant horizonStart;
    private final int shareSize;
    private final SideLane comparer = new SideLane("cutover-behavior-gate");
    private List<ShareLeaf<L>> legacy = new ArrayList<>();
    private List<Entity<E>> planned = new ArrayList<>();
    private String partition;
    private Future<BehaviorCheck> comparing;
    private BehaviorCheck check;
    private int shares;

    BehaviorGate(BehaviorModel<L, E, M> behavior, Instant horizonStart, int shareSize) {
        this.behavior = behavior;
        this.horizonStart = horizonStart;
        this.shareSize = shareSize;
    }

    /**
     * Adds a group: its entity, and its leaves with their index among their record's leaves.
     *
     * @param partition the group's partition
     * @throws IllegalStateException (or what the behavior model threw) when a share compared before failed
     */
    void add(String partition, List<Migrated<L>> leaves, List<Integer> leafNos, Entity<E> entity) {
        if (this.partition != null && !this.partition.equals(partition) && legacy.size() >= shareSize) {
            handOver();
        }
        this.partition = partition;
        for (int i = 0; i < leaves.size(); i++) {
            legacy.add(new ShareLeaf<>(leaves.get(i), leafNos.get(i)));
        }
        planned.add(entity);
    }

    /** @return how many shares were compared so far */
    int shares() {
        return shares;
    }

    /**
     * @return the check of everything added (of two empty models when nothing was)
     * @throws IllegalStateException (or what the behavior model threw) when a share's comparison failed
     */
    BehaviorCheck finish() {
        if ((check == null && comparing == null) || !planned.isEmpty()) {
            handOver();
        }
        awaitComparing();
        return check;
    }

    @Override
    public void close() {
        comparer.close();
    }

    /** Hands the share held to the comparing thread, once the share before it is compared and added. */
    private void handOver() {
        List<ShareLeaf<L>> legacyShare = legacy;
        List<Entity<E>> plannedShare = planned;
        legacy = new ArrayList<>();
        planned = new ArrayList<>();
        awaitComparing();
        comparing = comparer.submit(() -> compare(legacyShare, plannedShare));
    }

    private BehaviorCheck compare(List<ShareLeaf<L>> legacyShare, List<Entity<E>> plannedShare) {
        legacyShare.sort(RECORD_ORDER);
        M legacyModel = behavior.legacy(legacyShare.stream().map(ShareLeaf::leaf));
        M plannedModel = behavior.target(plannedShare.stream());
        return behavior.compare(legacyModel, plannedModel, horizonStart);
    }

    private void awaitComparing() {
        if (comparing == null) {
            return;
        }
        BehaviorCheck share;
        try {
            // the behavior model's own failure is thrown as the caller would have seen it without the thread
            share = SideLane.await(comparing, "the behavior gate compared share " + (shares + 1));
        } finally {
            comparing = null;
        }
        check = check == null ? share : check.plus(share);
        shares++;
    }
}
