package dev.cutover.migrations.ratelimits.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cutover.framework.migration.Entity;

/**
 * The plan anomaly {@value #CODE}: one (service, route, tier) setting for which the model holds more
 * than one quota, because regions (or two spellings of one key in one region) disagree on rate or
 * burst. One anomaly per setting; its detail names the setting and which regions say what, e.g.
 * {@code orders /orders/{id} premium: us says 50 per second, burst 50; ap, eu say 100 per second, burst 100}.
 * <p>
 * Reads the entities in model order ({@link QuotaKey#order}), where the quotas of one setting are
 * adjacent, so it holds one setting at a time.
 */
final class RegionConflicts {

    static final String CODE = "REGION_CONFLICT";

    private RegionConflicts() {
    }

    static void check(Stream<Entity<Quota>> entities, BiConsumer<String, String> anomalies) {
        List<Quota> setting = new ArrayList<>();
        Iterator<Entity<Quota>> it = entities.iterator();
        while (it.hasNext()) {
            Quota quota = it.next().body();
            if (!setting.isEmpty() && !setting.get(0).setting().equals(quota.setting())) {
                report(setting, anomalies);
                setting.clear();
            }
            setting.add(quota);
        }
        report(setting, anomalies);
    }

    private static void report(List<Quota> setting, BiConsumer<String, String> anomalies) {
        if (setting.size() < 2) {
            return;
        }
        String says = setting.stream()
                .map(q -> String.join(", ", q.regions()) + (q.regions().size() > 1 ? " say " : " says ") + q.limit())
                .collect(Collectors.joining("; "));
        anomalies.accept(CODE, setting.get(0).setting() + ": " + says);
    }
}
