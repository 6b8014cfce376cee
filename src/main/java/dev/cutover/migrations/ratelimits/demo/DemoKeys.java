package dev.cutover.migrations.ratelimits.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.migrations.ratelimits.normalize.KvKey;

/**
 * The demo data set of {@code rate-limits-v2}: three regions ({@code ap}, {@code eu}, {@code us}) holding
 * the same settings of 50 services (each region lacking a few), every spelling of their rates
 * ({@link DemoSpellings}), route keys percent-encoded in upper- or lower-case hex, folder entries,
 * superseded and identical duplicate copies, a few records of every anomaly code ({@link DemoAnomalies})
 * and one {@code REGION_CONFLICT} (the default of {@code svc-00}: {@code us} says 600/min, the others
 * 1200/min). Deterministic: a fixed seed of {@link Random}, whose algorithm Java specifies.
 */
public final class DemoKeys {

    public static final List<String> REGIONS = List.of("ap", "eu", "us");

    /** Every anomaly code the demo raises: what {@code --accept} must name for an apply of it. */
    public static final List<String> ANOMALY_CODES = List.of("MALFORMED_RECORD", "MISSING_FIELD", "MALFORMED_KEY",
            "UNKNOWN_TIER", "INVALID_RATE", "NON_POSITIVE_RATE", "INVALID_BURST", "DUPLICATE_KEY", "REGION_CONFLICT");

    static final int SERVICES = 50;
    private static final long SEED = 20_261_130L;
    private static final long[] PER_MINUTE = { 60, 120, 300, 600, 1200, 3000, 6000, 100, 250, 50, 30_000 };
    private static final int[] BURSTS = { 1, 5, 10, 20, 50, 100 };
    private static final String[] RESOURCES = { "orders", "items", "users", "carts", "invoices", "search", "events", "files" };

    /** One setting of the shared configuration. @param burst {@code null} for none */
    record Setting(String service, String route, String tier, long perMinute, Integer burst) {
    }

    private DemoKeys() {
    }

    /** @return the stores by region, sorted by region */
    public static Map<String, KvStore> generate() {
        Random random = new Random(SEED);
        List<Setting> settings = settings(random);
        Map<String, KvStore> stores = new TreeMap<>();
        for (String region : REGIONS) {
            KvStore store = new KvStore();
            store.put(KvKey.PREFIX, null);
            for (Setting setting : settings) {
                if (!conflict(setting) && random.nextInt(20) == 0) {
                    continue; // each region lacks a few settings: those are in the other regions only
                }
                long perMinute = conflict(setting) && region.equals("us") ? setting.perMinute() / 2 : setting.perMinute();
                List<JsonNode> spellings = DemoSpellings.of(perMinute, setting.burst());
                store.put(key(setting, random.nextBoolean()), spellings.get(random.nextInt(spellings.size())));
                if (setting.route() == null && random.nextInt(3) == 0) {
                    store.put(KvKey.PREFIX + setting.service() + "/", null);
                }
            }
            DemoAnomalies.add(region, store);
            stores.put(region, store);
        }
        return stores;
    }

    private static boolean conflict(Setting setting) {
        return setting.service().equals("svc-00") && setting.route() == null;
    }

    private static List<Setting> settings(Random random) {
        List<Setting> settings = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            String service = String.format(Locale.ROOT, "svc-%02d", s);
            settings.add(s == 0 ? new Setting(service, null, null, 1200, null) : setting(random, service, null, null));
            int routes = 5 + random.nextInt(10);
            for (int r = 0; r < routes; r++) {
                String resource = RESOURCES[r % RESOURCES.length];
                String route = "/v" + (1 + r / RESOURCES.length) + "/" + resource + (random.nextBoolean() ? "/{id}" : "");
                if (random.nextInt(10) < 7) {
                    settings.add(setting(random, service, route, null));
                }
                for (String tier : KvKey.TIERS) {
                    if (random.nextInt(3) == 0) {
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

    /** @param lowerHex percent-encode in lower-case hex: another spelling of the same key */
    static String key(Setting setting, boolean lowerHex) {
        StringBuilder key = new StringBuilder(KvKey.PREFIX).append(setting.service());
        if (setting.route() != null) {
            key.append("/routes/").append(encode(setting.route(), lowerHex));
        }
        if (setting.tier() != null) {
            // tiers are case-insensitive: some stores spell them capitalised
            key.append("/tiers/").append(lowerHex ? setting.tier() : setting.tier().toUpperCase(Locale.ROOT));
        }
        return key.toString();
    }

    static String encode(String route, boolean lowerHex) {
        StringBuilder out = new StringBuilder();
        for (byte b : route.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                String hex = String.format(Locale.ROOT, "%%%02X", b & 0xFF);
                out.append(lowerHex ? hex.toLowerCase(Locale.ROOT) : hex);
            }
        }
        return out.toString();
    }
}
