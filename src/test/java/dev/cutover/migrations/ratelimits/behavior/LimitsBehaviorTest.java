package dev.cutover.migrations.ratelimits.behavior;

import static dev.cutover.migrations.ratelimits.Entries.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.migrations.ratelimits.InMemoryPlan;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.normalize.Rate;
import dev.cutover.migrations.ratelimits.normalize.RateLimit;
import dev.cutover.migrations.ratelimits.plan.Quota;
import dev.cutover.migrations.ratelimits.plan.QuotaPlanner;

class LimitsBehaviorTest {

    private static final Map<String, List<SourceItem>> DATA = Map.of(
            "eu", List.of(item("ratelimits/orders", "10/s", 1), item("ratelimits/orders/routes/%2Fa", "20/s", 2),
                    item("ratelimits/orders/routes/%2Fa/tiers/premium", "30/s", 3),
                    item("ratelimits/orders/routes/%2Fb/tiers/free", "1/s", 4)),
            "us", List.of(item("ratelimits/orders", "600/min", 1)));

    /** A planner that loses tier overrides: each becomes a route override. */
    static final class TierDroppingPlanner extends QuotaPlanner {
        @Override
        public JsonNode groupKey(QuotaLeaf leaf) {
            return super.groupKey(new QuotaLeaf(leaf.service(), leaf.route(), Quota.ANY, leaf.ratePerSecond(), leaf.burst()));
        }
    }

    @Test
    void theLegacyPrecedenceIsTierOverRouteOverServiceDefaultOverNone() {
        EffectiveLimits limits = new LimitsBehavior().legacy(InMemoryPlan.of(DATA).migrated.stream());
        assertThat(limit(limits, "eu", "/a", "premium")).isEqualTo("30 per second, burst 30");
        assertThat(limit(limits, "eu", "/a", "free")).isEqualTo("20 per second, burst 20");
        assertThat(limit(limits, "eu", "/b", "free")).isEqualTo("1 per second, burst 1");
        // a tier override on /b does not make /b a route override for the other tiers
        assertThat(limit(limits, "eu", "/b", "standard")).isEqualTo("10 per second, burst 10");
        assertThat(limit(limits, "eu", "*", "premium")).isEqualTo("10 per second, burst 10");
        assertThat(limit(limits, "us", "/a", "premium")).isEqualTo("10 per second, burst 10");
        assertThat(limits.limit(new RequestClass("ap", "orders", "/a", "free"))).isNull();
        assertThat(limits.limit(new RequestClass("eu", "payments", "*", "free"))).isNull();
    }

    @Test
    void aLeafAndItsQuotaAreReadByTheServiceThePartitionOfTheirGroupKey() {
        InMemoryPlan plan = InMemoryPlan.of(DATA);
        LimitsBehavior behavior = new LimitsBehavior();
        QuotaPlanner planner = new QuotaPlanner();
        assertThat(plan.migrated).hasSize(5);
        for (Migrated<QuotaLeaf> leaf : plan.migrated) {
            assertThat(behavior.leafKey(leaf.leaf())).as(leaf.toString())
                    .isEqualTo(behavior.partition(planner.groupKey(leaf.leaf()))).isEqualTo("orders");
        }
        assertThat(plan.entities).isNotEmpty()
                .allSatisfy(quota -> assertThat(behavior.entityKey(quota.body())).isEqualTo(quota.body().service()));
        assertThat(behavior.entityKey(new Quota("payments", "*", "*", "1", 1, List.of("eu")))).isEqualTo("payments");
    }

    @Test
    void thePlannedQuotasDecideExactlyAsTheLegacyKeysOverTheWholePopulation() {
        InMemoryPlan plan = InMemoryPlan.of(DATA);
        // 2 regions x (routes /a, /b and * of orders) x 4 tiers, all limited
        assertThat(plan.behavior.legacyDispatches()).isEqualTo(24);
        assertThat(plan.behavior.newDispatches()).isEqualTo(24);
        assertThat(plan.behavior.horizonHours()).isZero();
        assertThat(plan.behavior.equal()).isTrue();
    }

    @Test
    void aPlannerThatDropsTierOverridesIsCaughtByTheBehaviorCheck() {
        InMemoryPlan plan = InMemoryPlan.of(DATA, new TierDroppingPlanner());
        assertThat(plan.behavior.equal()).isFalse();
    }

    @Test
    void aModelMissingOneRegionIsCaughtEvenWhenTheCountsAgree() {
        LimitsBehavior behavior = new LimitsBehavior();
        EffectiveLimits legacy = behavior.legacy(InMemoryPlan.of(DATA).migrated.stream());
        EffectiveLimits shifted = EffectiveLimits.builder()
                .add("eu", "orders", "*", "*", new RateLimit(Rate.parse("10"), 10))
                .add("us", "orders", "*", "*", new RateLimit(Rate.parse("11"), 11)).build();
        assertThat(behavior.compare(legacy, shifted, null).equal()).isFalse();
        assertThat(behavior.compare(EffectiveLimits.empty(), EffectiveLimits.empty(), null).equal()).isTrue();
    }

    @Test
    void anAmbiguousSettingIsComparedWholeAndDecidedStrictestFirst() {
        RateLimit slow = new RateLimit(Rate.parse("1"), 1);
        RateLimit fast = new RateLimit(Rate.parse("2"), 2);
        EffectiveLimits both = EffectiveLimits.builder().add("eu", "a", "*", "*", fast).add("eu", "a", "*", "*", slow).build();
        EffectiveLimits one = EffectiveLimits.builder().add("eu", "a", "*", "*", slow).build();
        assertThat(both.limit(new RequestClass("eu", "a", "*", "free"))).isEqualTo(slow);
        assertThat(new LimitsBehavior().compare(both, one, null).equal()).isFalse();
    }

    @Test
    void aLeafThatCannotBeExecutedNamesItsRecord() {
        Migrated<QuotaLeaf> bad = new Migrated<>(new dev.cutover.framework.migration.MemberRef("eu", "ratelimits/a", null),
                new QuotaLeaf("a", "*", "*", "1.5", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LimitsBehavior().legacy(java.util.stream.Stream.of(bad)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("eu/ratelimits/a");
    }

    private static String limit(EffectiveLimits limits, String region, String route, String tier) {
        return String.valueOf(limits.limit(new RequestClass(region, "orders", route, tier)));
    }
}
