package dev.cutover.migrations.ratelimits.plan;

import static dev.cutover.migrations.ratelimits.Entries.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.migrations.ratelimits.InMemoryPlan;

class QuotaPlannerTest {

    @Test
    void equivalentSpellingsInSeveralRegionsCollapseIntoOneQuotaListingTheRegions() throws Exception {
        InMemoryPlan plan = InMemoryPlan.of(Map.of(
                "eu", List.of(item("ratelimits/orders", "100/s", 1)),
                "us", List.of(item("ratelimits/orders", "6000 per minute", 4)),
                "ap", List.of(item("ratelimits/orders", LegacyJson.MAPPER.readTree("{\"rate\":360000,\"per\":\"1h\",\"burst\":100}"), 2))));
        assertThat(plan.entities).hasSize(1);
        assertThat(plan.entities.get(0).body()).isEqualTo(new Quota("orders", "*", "*", "100", 100, List.of("ap", "eu", "us")));
        assertThat(plan.planAnomalies).isEmpty();
        assertThat(plan.behavior.equal()).isTrue();
    }

    @Test
    void theEntityIdIsDerivedFromTheKeyAlone() {
        QuotaPlanner planner = new QuotaPlanner();
        JsonNode key = QuotaKey.of("orders", "*", "*", "5/3", 2);
        assertThat(planner.entityId(key)).isEqualTo(planner.entityId(QuotaKey.of("orders", "*", "*", "5/3", 2))).hasSize(16);
        assertThat(planner.entityId(key)).isNotEqualTo(planner.entityId(QuotaKey.of("orders", "*", "*", "5/3", 3)));
    }

    @Test
    void regionsThatDisagreeOnOneSettingAreOneRegionConflictNamingWhoSaysWhat() {
        InMemoryPlan plan = InMemoryPlan.of(Map.of(
                "eu", List.of(item("ratelimits/orders/routes/%2Fa/tiers/free", "100/s", 1)),
                "ap", List.of(item("ratelimits/orders/routes/%2Fa/tiers/free", "6000/min", 1)),
                "us", List.of(item("ratelimits/orders/routes/%2Fa/tiers/FREE", "50/s burst 10", 1))));
        assertThat(plan.entities).hasSize(2);
        assertThat(plan.planAnomalies).containsExactly(
                "REGION_CONFLICT: orders /a free: us says 50 per second, burst 10; ap, eu say 100 per second, burst 100");
        // each region still does what it did: the conflict is a plan anomaly, not a behavior change
        assertThat(plan.behavior.equal()).isTrue();
    }

    @Test
    void theModelIsOrderedByServiceRouteTierThenRateByValue() {
        InMemoryPlan plan = InMemoryPlan.of(Map.of(
                "eu", List.of(item("ratelimits/b", "1/s", 1), item("ratelimits/a/routes/%2Fz", "1/s", 1),
                        item("ratelimits/a", "10/s", 1)),
                "us", List.of(item("ratelimits/a", "9/s", 1), item("ratelimits/a", "9/s", 1))));
        assertThat(plan.entities.stream().map(e -> e.body().service() + " " + e.body().route() + " " + e.body().ratePerSecond()))
                .containsExactly("a * 9", "a * 10", "a /z 1", "b * 1");
    }

    @Test
    void quotasAndLeavesSurviveTheirCodecsWithTheContractFieldNames() {
        JsonCodec<Quota> codec = JsonCodec.of(Quota.class);
        Quota quota = new Quota("orders", "/orders/{id}", "premium", "5/3", 2, List.of("ap", "eu"));
        JsonNode json = codec.toJson(quota);
        assertThat(json.toString()).isEqualTo("{\"service\":\"orders\",\"route\":\"/orders/{id}\",\"tier\":\"premium\","
                + "\"ratePerSecond\":\"5/3\",\"burst\":2,\"regions\":[\"ap\",\"eu\"]}");
        assertThat(codec.fromJson(json)).isEqualTo(quota);
        assertThat(Entity.stored(codec, "x", json).body()).isEqualTo(quota);
    }

    @Test
    void theValidatorRefusesAQuotaNoRegionEnforces() {
        StringBuilder problems = new StringBuilder();
        new QuotaValidator().check(new Entity<>("x", new Quota("a", "*", "gold", "0", 0, List.of())), problems::append);
        assertThat(problems.toString()).contains("rate 0 is not positive", "burst 0", "tier 'gold'", "no region");
    }
}
