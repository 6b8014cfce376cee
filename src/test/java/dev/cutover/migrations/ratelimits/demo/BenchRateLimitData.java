package dev.cutover.migrations.ratelimits.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.migrations.ratelimits.demo.DemoKeys.Setting;
import dev.cutover.migrations.ratelimits.normalize.KvKey;

/**
 * Bench-only: regional KV stores of rate limits at any size, built from the demo's pieces
 * ({@link DemoKeys#key}, {@link DemoSpellings}, {@link DemoAnomalies}; it lives in their package, in the
 * test tree, only to reach them). Deterministic ({@link Random} from {@code seed}).
 *
 * <p>Every region holds the same shared settings (services, route overrides, tier overrides), each
 * region lacking 5% of them and spelling each rate its own way, so a setting is one entity made of up to
 * {@code regions} records: about {@code 1/regions} of the records become entities. Per region: folder
 * entries, 0.2% of the settings with another rate in one region ({@code REGION_CONFLICT}), 1% record
 * anomalies (bad rates, non-positive rates, bad bursts, unknown tiers, malformed keys, missing values),
 * the demo's own hostile entries (every code once, superseded and identical copies). Entries are appended
 * with their own modify indexes (a store's {@code put} is linear in its size).
 */
public final class BenchRateLimitData {

    /** Every anomaly code the data can hold: what {@code --accept} must name. */
    public static final List<String> ANOMALY_CODES = DemoKeys.ANOMALY_CODES;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long[] PER_MINUTE = { 60, 120, 300, 600, 1200, 3000, 6000, 100, 250, 50, 30_000 };
    private static final int[] BURSTS = { 1, 5, 10, 20, 50, 100 };
    private static final String[] RESOURCES = { "orders", "items", "users", "carts", "invoices", "search", "events",
            "files" };
    private static final List<JsonNode> BAD_VALUES = List.of(TextNode.valueOf("fast"), TextNode.valueOf("100/fortnight"),
            TextNode.valueOf("0/s"), TextNode.valueOf("-5 per minute"), TextNode.valueOf("100/s burst 0"),
            JSON.objectNode().put("rate", 10), JSON.nullNode(), JSON.objectNode().put("rate", "100").put("per", "1s"));

    private BenchRateLimitData() {
    }

    /** @return region ({@code r0} ...) -> its store, sorted by region */
    public static Map<String, KvStore> generate(int records, int regions, long seed) {
        Random random = new Random(seed);
        int perRegion = Math.max(1, records / regions);
        List<Setting> settings = settings(random, perRegion * 100 / 97); // ~3% of a region's records are not settings
        Map<String, KvStore> stores = new TreeMap<>();
        for (int r = 0; r < regions; r++) {
            String region = "r" + r;
            Random own = new Random(seed * 1_000_003L + r + 1);
            KvStore store = new KvStore();
            long[] index = { 0 };
            append(store, KvKey.PREFIX, JSON.nullNode(), ++index[0]);
            int conflictRegion = 0;
            int n = 0;
            for (Setting setting : settings) {
                n++;
                if (own.nextInt(20) == 0) {
                    continue; // each region lacks a few settings
                }
                boolean conflict = n % 500 == 0 && r == conflictRegion;
                long perMinute = conflict ? setting.perMinute() * 2 : setting.perMinute();
                List<JsonNode> spellings = DemoSpellings.of(perMinute, setting.burst());
                append(store, DemoKeys.key(setting, own.nextBoolean()), spellings.get(own.nextInt(spellings.size())),
                        ++index[0]);
                if (setting.route() == null && own.nextInt(3) == 0) {
                    append(store, KvKey.PREFIX + setting.service() + "/", JSON.nullNode(), ++index[0]);
                }
                if (own.nextInt(100) == 0) {
                    append(store, anomalyKey(region, n, own), BAD_VALUES.get(own.nextInt(BAD_VALUES.size())),
                            ++index[0]);
                }
            }
            DemoAnomalies.add(region, store);
            stores.put(region, store);
        }
        return stores;
    }

    /** @return a key of its own (never shadowing a setting), sometimes malformed or with an unknown tier */
    private static String anomalyKey(String region, int n, Random random) {
        String service = "bad-" + region + "-" + n;
        return switch (random.nextInt(4)) {
            case 0 -> KvKey.PREFIX + "Bad-" + region + "-" + n;
            case 1 -> KvKey.PREFIX + service + "/routes/%2Fa/tiers/gold";
            default -> KvKey.PREFIX + service;
        };
    }

    private static void append(KvStore store, String key, JsonNode value, long index) {
        ObjectNode entry = JSON.objectNode().put("key", key);
        entry.set("value", value);
        entry.put("modify_index", index);
        store.append(entry.toString(), key, index);
    }

    /** About {@code count} distinct settings: services with their defaults, route and tier overrides. */
    private static List<Setting> settings(Random random, int count) {
        List<Setting> settings = new ArrayList<>(count + 64);
        for (int s = 0; settings.size() < count; s++) {
            String service = String.format(Locale.ROOT, "svc-%05d", s);
            settings.add(setting(random, service, null, null));
            int routes = 5 + random.nextInt(10);
            for (int r = 0; r < routes && settings.size() < count; r++) {
                String resource = RESOURCES[r % RESOURCES.length];
                String route = "/v" + (1 + r / RESOURCES.length) + "/" + resource + (r % 3 == 0 ? "/{id}" : "");
                settings.add(setting(random, service, route, null));
                for (String tier : KvKey.TIERS) {
                    if (random.nextInt(3) == 0 && settings.size() < count) {
                        settings.add(setting(random, service, route, tier));
                    }
                }
            }
        }
        return settings;
    }

    private static Setting setting(Random random, String service, String route, String tier) {
        Integer burst = random.nextBoolean() ? null : BURSTS[random.nextInt(BURSTS.length)];
        return new Setting(service, route, tier, PER_MINUTE[random.nextInt(PER_MINUTE.length)], burst);
    }
}
