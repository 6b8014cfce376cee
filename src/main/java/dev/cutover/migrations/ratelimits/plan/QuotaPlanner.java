package dev.cutover.migrations.ratelimits.plan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.framework.toolkit.SortKey;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;

/**
 * Plans the quotas of {@code rate-limits-v2}: one quota per {@link QuotaKey} (service, route, tier,
 * exact rate, burst), whose regions are the sorted regions (sources) of its members; the entity id is
 * derived from the key alone. {@link #checkModel} reports {@value RegionConflicts#CODE} where regions
 * disagree on one setting. Pure and stateless.
 */
public class QuotaPlanner implements TargetPlanner<QuotaLeaf, Quota> {

    /** The plan anomaly codes {@link #checkModel} raises. */
    public static final Set<String> PLAN_ANOMALY_CODES = Set.of(RegionConflicts.CODE);

    @Override
    public JsonNode groupKey(QuotaLeaf leaf) {
        return QuotaKey.of(leaf);
    }

    @Override
    public Quota entity(JsonNode key, List<Migrated<QuotaLeaf>> leaves) {
        TreeSet<String> regions = new TreeSet<>(CodePoints.ORDER);
        leaves.forEach(leaf -> regions.add(leaf.record().source()));
        return new Quota(key.get("service").textValue(), key.get("route").textValue(), key.get("tier").textValue(),
                key.get("ratePerSecond").textValue(), key.get("burst").longValue(), List.copyOf(regions));
    }

    @Override
    public SortKey keyOrder(JsonNode key) {
        return QuotaKey.order(key);
    }

    @Override
    public void checkModel(Stream<Entity<Quota>> entities, BiConsumer<String, String> anomalies) {
        RegionConflicts.check(entities, anomalies);
    }
}
