package dev.cutover.migrations.ratelimits.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.SourceItem;
import dev.cutover.migrations.ratelimits.InMemoryPlan;

/** The demo regions over real HTTP, read with the protocol and planned in memory. */
class DemoRegionsTest {

    @Test
    void theDemoServesThreeRegionsWithEveryCodeOneRegionConflictAndEqualBehavior() throws Exception {
        try (DemoRegions regions = DemoRegions.start()) {
            assertThat(regions.endpoints()).extracting(e -> e.name()).containsExactly("ap", "eu", "us");
            Map<String, List<SourceItem>> items = KvClient.listAll(regions);
            int keys = 0;
            for (var region : items.entrySet()) {
                Set<String> ids = new HashSet<>();
                region.getValue().forEach(i -> ids.add(i.id()));
                long total = KvClient.page(region.getKey(), regions.server(region.getKey()).baseUrl(), null, 1).total();
                assertThat(ids).hasSize((int) total);
                keys += ids.size();
            }
            assertThat(keys).isBetween(2000, 6000);
            InMemoryPlan plan = InMemoryPlan.of(items);
            Map<String, Integer> codes = plan.codes();
            for (String code : DemoKeys.ANOMALY_CODES) {
                if (!code.equals("REGION_CONFLICT")) {
                    assertThat(codes.get(code)).as(code).isGreaterThanOrEqualTo(3);
                }
            }
            assertThat(codes.get("FOLDER")).isGreaterThanOrEqualTo(3);
            assertThat(codes.keySet()).isSubsetOf(withMigratedAndFolder(DemoKeys.ANOMALY_CODES));
            assertThat(plan.planAnomalies).containsExactly(
                    "REGION_CONFLICT: svc-00 * *: us says 10 per second, burst 10; ap, eu say 20 per second, burst 20");
            assertThat(plan.behavior.equal()).isTrue();
            // equivalent spellings and regional copies collapse: far fewer quotas than migrated keys
            assertThat(plan.entities.size()).isLessThan(codes.get("MIGRATED") / 2);
        }
    }

    @Test
    void theDemoIsTheSameEveryTime() {
        Map<String, KvStore> first = DemoKeys.generate();
        Map<String, KvStore> second = DemoKeys.generate();
        first.forEach((region, store) -> assertThat(store.entries()).isEqualTo(second.get(region).entries()));
    }

    private static List<String> withMigratedAndFolder(List<String> codes) {
        List<String> all = new java.util.ArrayList<>(codes);
        all.add("MIGRATED");
        all.add("FOLDER");
        return all;
    }
}
