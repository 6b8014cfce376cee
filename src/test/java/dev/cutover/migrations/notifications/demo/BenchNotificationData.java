package dev.cutover.migrations.notifications.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.migrations.notifications.demo.DemoGenerator.Planned;

/**
 * Bench-only: legacy notification rules at any size, over any number of sources, built from the demo's
 * own pieces ({@link DemoCatalog}, {@link DemoRecords}, {@link DemoAnomalies}; it lives in their package,
 * in the test tree, only to reach them). Deterministic: only {@link Random}s seeded from {@code seed}
 * decide anything.
 *
 * <p>Mix per source: valid rules (one leaf mostly, wrapped and bundled shapes as the demo spells them,
 * 7% disabled), 0.5% superseded by a higher version (lower copies listed too), 0.3% listed twice
 * identically, 0.2% at the 16-wrapper limit, 0.1% disabled with a bad spec, 0.1% duplicate ids, and 1%
 * record anomalies (every code of {@link DemoAnomalies#CODES} in turn). The tenants grow with the size
 * (one per 20 records, 3 to 6 configurations each) so that about a fifth of the records become
 * distinct policies: the model is large.
 */
public final class BenchNotificationData {

    /** Every record anomaly code the data can hold: what {@code --accept} must name. */
    public static final List<String> ANOMALY_CODES = DemoAnomalies.CODES;

    /**
     * Record anomalies per thousand records ({@code bench.anomalyPerMille}, 10 unless set): a hostile data
     * set (1000: every record an anomaly) measures what holds the anomalies.
     */
    private static final int ANOMALIES_PER_MILLE = Integer.getInteger("bench.anomalyPerMille", 10);

    private BenchNotificationData() {
    }

    /** @return a roll past the anomalies spread over the rest of the mix as at 10 per mille (unchanged then) */
    private static int rest(int roll) {
        return 10 + (roll - ANOMALIES_PER_MILLE) * 990 / (1000 - ANOMALIES_PER_MILLE);
    }

    /**
     * @param records the number of distinct legacy records over all sources (listed items are a little
     *                more: superseded and identical copies)
     * @return source name ({@code src-0} ...) -> its listing, in order
     */
    public static Map<String, List<JsonNode>> generate(int records, int sources, long seed) {
        Map<String, List<JsonNode>> listings = new LinkedHashMap<>();
        generate(records, sources, seed, listings::put);
        return listings;
    }

    /**
     * The same listings as {@link #generate(int, int, long)}, each item as its JSON text (as a default
     * {@link ObjectMapper} writes it: what a source server writes for the tree), one source's trees at a
     * time: a million records take a few hundred MB instead of some GB of trees.
     *
     * @return source name ({@code src-0} ...) -> its listing as JSON texts, in order
     */
    public static Map<String, List<String>> generateJson(int records, int sources, long seed) {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> listings = new LinkedHashMap<>();
        generate(records, sources, seed, (name, items) -> {
            List<String> texts = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                try {
                    texts.add(json.writeValueAsString(item));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write a generated item", e);
                }
            }
            listings.put(name, Collections.unmodifiableList(texts));
        });
        return listings;
    }

    /** Generates the sources in order (they share the catalog's random), handing each listing over as made. */
    private static void generate(int records, int sources, long seed, BiConsumer<String, List<JsonNode>> each) {
        DemoCatalog catalog = new DemoCatalog(new Random(seed), Math.max(20, records / 20));
        DemoRecords make = new DemoRecords(catalog);
        DemoAnomalies anomalies = new DemoAnomalies(catalog);
        List<String> codes = DemoAnomalies.CODES.stream().filter(c -> DemoAnomalies.variants(c) > 0).toList();
        int anomalyTurn = 0;
        for (int s = 0; s < sources; s++) {
            Random random = new Random(seed * 1_000_003L + s + 1);
            int count = records / sources + (s < records % sources ? 1 : 0);
            List<Planned> planned = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                String id = String.format(Locale.ROOT, "r-%07d", i);
                int roll = random.nextInt(1000);
                int mix = roll < ANOMALIES_PER_MILLE ? roll : rest(roll);
                Planned record;
                if (roll < ANOMALIES_PER_MILLE) {
                    String code = codes.get(anomalyTurn++ % codes.size());
                    int variant = (anomalyTurn / codes.size()) % DemoAnomalies.variants(code);
                    record = Planned.single(anomalies.make(code, variant, id, random), code, List.of());
                } else if (mix < 15) {
                    record = make.superseded(make.valid(id, random.nextInt(100) >= 7, random), random.nextBoolean(),
                            random.nextInt(10) == 0, random);
                } else if (mix < 18) {
                    record = make.identicalCopy(make.valid(id, true, random), random.nextBoolean());
                } else if (mix < 20) {
                    record = make.sixteenWrappers(id, random.nextBoolean(), random);
                } else if (mix < 21) {
                    record = make.disabledWithBadSpec(id, random.nextBoolean(), random);
                } else if (mix < 22) {
                    record = make.duplicateId(id, random.nextBoolean(), random);
                } else {
                    record = make.valid(id, random.nextInt(100) >= 7, random);
                }
                planned.add(record);
            }
            each.accept("src-" + s, listing(planned, random));
        }
    }

    /** The standing copies in order, then every other copy inserted at a random place. */
    private static List<JsonNode> listing(List<Planned> planned, Random random) {
        List<JsonNode> items = new ArrayList<>(planned.size() + planned.size() / 50);
        List<JsonNode> extra = new ArrayList<>();
        for (Planned record : planned) {
            items.add(record.standing().get(0));
            extra.addAll(record.standing().subList(1, record.standing().size()));
            extra.addAll(record.superseded());
        }
        for (JsonNode copy : extra) {
            items.add(random.nextInt(items.size() + 1), copy);
        }
        return Collections.unmodifiableList(items);
    }
}
