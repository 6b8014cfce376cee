package dev.cutover.migrations.ratelimits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.migrations.ratelimits.behavior.EffectiveLimits;
import dev.cutover.migrations.ratelimits.behavior.LimitsBehavior;
import dev.cutover.migrations.ratelimits.normalize.KvEntryNormalizer;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.plan.Quota;
import dev.cutover.migrations.ratelimits.plan.QuotaPlanner;

/**
 * What the framework does with the migration's parts between retrieval and the plan, in memory and
 * reduced to what the unit tests need: copies grouped by (region, key), normalized, leaves grouped by
 * key in model order, the model checked and the behaviors compared.
 */
public final class InMemoryPlan {

    public final Map<MemberRef, Normalized<QuotaLeaf>> outcomes = new TreeMap<>();
    public final List<Migrated<QuotaLeaf>> migrated = new ArrayList<>();
    public final List<Entity<Quota>> entities = new ArrayList<>();
    public final List<String> planAnomalies = new ArrayList<>();
    public BehaviorCheck behavior;

    /** @param itemsByRegion each region's listed entries (id = key when a string) in listing order */
    public static InMemoryPlan of(Map<String, List<SourceItem>> itemsByRegion, TargetPlanner<QuotaLeaf, Quota> planner) {
        InMemoryPlan plan = new InMemoryPlan();
        KvEntryNormalizer normalizer = new KvEntryNormalizer();
        itemsByRegion.forEach((region, items) -> {
            Map<MemberRef, List<RawItem>> copies = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                SourceItem item = items.get(i);
                MemberRef ref = new MemberRef(region, item.id(), item.id() == null ? i : null);
                copies.computeIfAbsent(ref, r -> new ArrayList<>()).add(new RawItem(region, i, item.id(), item.json()));
            }
            copies.forEach((ref, listed) -> {
                Normalized<QuotaLeaf> outcome = normalizer.normalize(listed);
                plan.outcomes.put(ref, outcome);
                outcome.leaves().forEach(leaf -> plan.migrated.add(new Migrated<>(ref, leaf)));
            });
        });
        plan.migrated.sort((a, b) -> a.record().compareTo(b.record()));
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        Map<String, List<Migrated<QuotaLeaf>>> groups = new LinkedHashMap<>();
        for (Migrated<QuotaLeaf> leaf : plan.migrated) {
            JsonNode key = planner.groupKey(leaf.leaf());
            keys.put(key.toString(), key);
            groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(leaf);
        }
        List<JsonNode> ordered = new ArrayList<>(keys.values());
        ordered.sort(Comparator.comparing((JsonNode key) -> planner.keyOrder(key).toString(), CodePoints.ORDER)
                .thenComparing(JsonNode::toString, CodePoints.ORDER));
        for (JsonNode key : ordered) {
            plan.entities.add(new Entity<>(planner.entityId(key), planner.entity(key, groups.get(key.toString()))));
        }
        planner.checkModel(plan.entities.stream(), (code, detail) -> plan.planAnomalies.add(code + ": " + detail));
        LimitsBehavior behavior = new LimitsBehavior();
        EffectiveLimits legacy = behavior.legacy(plan.migrated.stream());
        EffectiveLimits target = behavior.target(plan.entities.stream());
        plan.behavior = behavior.compare(legacy, target, null);
        return plan;
    }

    public static InMemoryPlan of(Map<String, List<SourceItem>> itemsByRegion) {
        return of(itemsByRegion, new QuotaPlanner());
    }

    /** @return the outcome of one key of one region */
    public Normalized<QuotaLeaf> outcome(String region, String key) {
        return outcomes.get(new MemberRef(region, key, null));
    }

    /** @return how many records got each code ({@code MIGRATED} for migrated ones) */
    public Map<String, Integer> codes() {
        Map<String, Integer> codes = new TreeMap<>();
        outcomes.values().forEach(o -> codes.merge(o.code() == null ? "MIGRATED" : o.code(), 1, Integer::sum));
        return codes;
    }
}
