package dev.cutover.framework.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;

/**
 * The plan's behavior gate, fed one group at a time in model order: it holds a share of the
 * population made of whole partitions ({@link BehaviorModel#partition}), compares the legacy and
 * planned models of the share once it holds at least {@code shareSize} leaves and a partition ends,
 * and adds the checks ({@link BehaviorCheck#plus}). With one partition it holds everything and
 * compares once. Not thread-safe.
 */
final class BehaviorGate<L, E, M> {

    /** A leaf of the share, with its index among its record's leaves. */
    private record ShareLeaf<L>(Migrated<L> leaf, int leafNo) {
    }

    private final BehaviorModel<L, E, M> behavior;
    private final Instant horizonStart;
    private final int shareSize;
    private final List<ShareLeaf<L>> legacy = new ArrayList<>();
    private final List<Entity<E>> planned = new ArrayList<>();
    private String partition;
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
     */
    void add(String partition, List<Migrated<L>> leaves, List<Integer> leafNos, Entity<E> entity) {
        if (this.partition != null && !this.partition.equals(partition) && legacy.size() >= shareSize) {
            compareShare();
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

    /** @return the check of everything added (of two empty models when nothing was) */
    BehaviorCheck finish() {
        if (check == null || !planned.isEmpty()) {
            compareShare();
        }
        return check;
    }

    private void compareShare() {
        // the legacy side reads its records in record order, each record's leaves in its order
        legacy.sort(Comparator.comparing((ShareLeaf<L> s) -> s.leaf().record()).thenComparingInt(ShareLeaf::leafNo));
        M legacyModel = behavior.legacy(legacy.stream().map(ShareLeaf::leaf));
        M plannedModel = behavior.target(planned.stream());
        BehaviorCheck share = behavior.compare(legacyModel, plannedModel, horizonStart);
        check = check == null ? share : check.plus(share);
        shares++;
        legacy.clear();
        planned.clear();
    }
}
