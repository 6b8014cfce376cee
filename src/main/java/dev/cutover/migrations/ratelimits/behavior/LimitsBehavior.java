package dev.cutover.migrations.ratelimits.behavior;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.migrations.ratelimits.normalize.KvKey;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.normalize.RateLimit;
import dev.cutover.migrations.ratelimits.plan.Quota;

/**
 * The behavior of {@code rate-limits-v2}: {@link EffectiveLimits} built from the migrated keys (the
 * region is the record's source) or from quotas (one setting per region of the quota).
 * <p>
 * {@link #compare} evaluates the whole population, not a sample: every region, every service and,
 * per service, every route that a setting of either model mentions plus {@link Quota#ANY} (a route
 * without an override), every known tier. Each class is a few hash probes per model, so the check is
 * linear in regions x (routes + services) x tiers. The counts are the decisions that impose a limit
 * (unlimited classes are evaluated and compared, not counted); {@code equal} holds when every class
 * gets the same limits from both. Pure and stateless.
 */
public final class LimitsBehavior implements BehaviorModel<QuotaLeaf, Quota, EffectiveLimits> {

    @Override
    public EffectiveLimits legacy(Stream<Migrated<QuotaLeaf>> records) {
        EffectiveLimits.Builder builder = EffectiveLimits.builder();
        records.forEach(record -> {
            QuotaLeaf leaf = record.leaf();
            builder.add(record.record().source(), leaf.service(), leaf.route(), leaf.tier(),
                    limit(leaf::limit, "legacy record " + record.record()));
        });
        return builder.build();
    }

    @Override
    public EffectiveLimits target(Stream<Entity<Quota>> entities) {
        EffectiveLimits.Builder builder = EffectiveLimits.builder();
        entities.forEach(entity -> {
            Quota quota = entity.body();
            RateLimit limit = limit(quota::limit, "quota " + entity.id());
            if (quota.regions().isEmpty()) {
                throw new IllegalStateException("quota " + entity.id() + " has no region: it would limit nothing");
            }
            quota.regions().forEach(region -> builder.add(region, quota.service(), quota.route(), quota.tier(), limit));
        });
        return builder.build();
    }

    @Override
    public EffectiveLimits empty() {
        return EffectiveLimits.empty();
    }

    /**
     * The service: a request class names its service, and a route without an override falls back to its
     * own service's setting only, so two services' decisions never meet; the model's order (service
     * first) keeps a service's quotas together.
     */
    @Override
    public String partition(JsonNode groupKey) {
        return groupKey.get("service").textValue();
    }

    /** The service, as {@link #partition}: the admission checker reads one service's settings per decision. */
    @Override
    public String leafKey(QuotaLeaf leaf) {
        return leaf.service();
    }

    @Override
    public String entityKey(Quota quota) {
        return quota.service();
    }

    @Override
    public BehaviorCheck compare(EffectiveLimits legacy, EffectiveLimits planned, Instant horizonStart) {
        Set<String> regions = new TreeSet<>(CodePoints.ORDER);
        regions.addAll(legacy.regions());
        regions.addAll(planned.regions());
        Map<String, Set<String>> routes = new TreeMap<>(CodePoints.ORDER);
        for (EffectiveLimits model : new EffectiveLimits[] { legacy, planned }) {
            model.routesByService().forEach((service, r) -> routes.computeIfAbsent(service, s -> new TreeSet<>(CodePoints.ORDER)).addAll(r));
        }
        long legacyDecisions = 0;
        long newDecisions = 0;
        boolean equal = true;
        for (String region : regions) {
            for (Map.Entry<String, Set<String>> service : routes.entrySet()) {
                for (String route : withAny(service.getValue())) {
                    for (String tier : KvKey.TIERS) {
                        RequestClass request = new RequestClass(region, service.getKey(), route, tier);
                        SortedSet<RateLimit> before = legacy.effective(request);
                        SortedSet<RateLimit> after = planned.effective(request);
                        legacyDecisions += before.isEmpty() ? 0 : 1;
                        newDecisions += after.isEmpty() ? 0 : 1;
                        equal &= before.equals(after);
                    }
                }
            }
        }
        return new BehaviorCheck(0, legacyDecisions, newDecisions, equal);
    }

    private static Set<String> withAny(Set<String> routes) {
        Set<String> all = new TreeSet<>(CodePoints.ORDER);
        all.addAll(routes);
        all.add(Quota.ANY);
        return all;
    }

    private static RateLimit limit(Supplier<RateLimit> read, String owner) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(owner + " cannot be executed: " + e.getMessage(), e);
        }
    }
}
