package dev.cutover.migrations.notifications.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.migrations.notifications.demo.DemoSpecs.Leaf;

/**
 * Generates one demo source's listing and, beside it, what each record should become. Only
 * {@link Random} seeded from the demo seed decides anything, so a seed always gives the same bytes.
 */
final class DemoGenerator {

    /** One legacy record as planned, and where its copies go. */
    record Planned(List<JsonNode> standing, List<JsonNode> superseded, boolean supersededAfter, String outcome,
            List<Leaf> leaves) {

        static Planned single(JsonNode item, String outcome, List<Leaf> leaves) {
            return new Planned(List.of(item), List.of(), false, outcome, leaves);
        }
    }

    /** A source's listing, the expected outcome of each record, and the migrated records. */
    record Listing(List<JsonNode> items, List<DemoRules.Expected> expected, List<Planned> migrated) {
    }

    static final int RULES_PER_SOURCE = 1300;
    private static final int DISABLED_PERCENT = 7;
    private static final int SUPERSEDED = 30;
    private static final int SUPERSEDED_AFTER = 5;
    private static final int SUPERSEDED_ANOMALOUS = 3;
    private static final int IDENTICAL_COPIES = 10;

    private final DemoCatalog catalog;
    private final DemoAnomalies anomalies;
    private final DemoRecords records;
    private final long seed;

    DemoGenerator(long seed) {
        this.seed = seed;
        this.catalog = new DemoCatalog(new Random(seed), 144);
        this.anomalies = new DemoAnomalies(catalog);
        this.records = new DemoRecords(catalog);
    }

    Listing source(String name, int sourceIndex) {
        Random random = new Random(seed * 1_000_003L + sourceIndex + 1);
        List<Planned> planned = new ArrayList<>();
        IdSequence ids = new IdSequence();
        for (int i = 0; i < RULES_PER_SOURCE; i++) {
            planned.add(records.valid(ids.next(), random.nextInt(100) >= DISABLED_PERCENT, random));
        }
        List<Integer> picks = new ArrayList<>(IntStream.range(0, RULES_PER_SOURCE).boxed().toList());
        Collections.shuffle(picks, random);
        for (int i = 0; i < SUPERSEDED; i++) {
            int at = picks.get(i);
            planned.set(at, records.superseded(planned.get(at), i < SUPERSEDED_AFTER,
                    i >= SUPERSEDED - SUPERSEDED_ANOMALOUS, random));
        }
        for (int i = SUPERSEDED; i < SUPERSEDED + IDENTICAL_COPIES; i++) {
            int at = picks.get(i);
            planned.set(at, records.identicalCopy(planned.get(at), i % 2 == 0));
        }
        planned.add(records.sixteenWrappers(ids.next(), false, random));
        planned.add(records.sixteenWrappers(ids.next(), true, random));
        planned.add(records.disabledWithBadSpec(ids.next(), false, random));
        planned.add(records.disabledWithBadSpec(ids.next(), true, random));
        for (String code : DemoAnomalies.CODES) {
            for (int v = 0; v < DemoAnomalies.variants(code); v++) {
                if (v % DemoRules.SOURCE_NAMES.size() == sourceIndex) {
                    planned.add(Planned.single(anomalies.make(code, v, ids.next(), random), code, List.of()));
                }
            }
        }
        planned.add(records.duplicateId(ids.next(), false, random));
        planned.add(records.duplicateId(ids.next(), true, random));
        Collections.shuffle(planned, random);
        return listing(name, planned, random);
    }

    private static Listing listing(String name, List<Planned> planned, Random random) {
        List<JsonNode> items = new ArrayList<>();
        Map<JsonNode, Planned> standing = new IdentityHashMap<>();
        for (Planned record : planned) {
            items.add(record.standing().get(0));
            record.standing().forEach(copy -> standing.put(copy, record));
        }
        for (Planned record : planned) {
            for (JsonNode copy : record.standing().subList(1, record.standing().size())) {
                items.add(random.nextInt(items.size() + 1), copy);
            }
            // lower versions mostly listed first, as a source that appends new versions lists them
            for (JsonNode copy : record.superseded()) {
                int at = indexOf(items, record.standing().get(0));
                items.add(record.supersededAfter() ? at + 1 + random.nextInt(items.size() - at)
                        : random.nextInt(at + 1), copy);
            }
        }
        List<DemoRules.Expected> expected = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            Planned record = standing.get(item);
            JsonNode id = item.isObject() ? item.get("id") : null;
            if (id != null && id.isTextual()) {
                if (record != null && record.standing().get(0) == item) {
                    expected.add(new DemoRules.Expected(name, id.asText(), null, record.outcome()));
                }
            } else {
                expected.add(new DemoRules.Expected(name, null, index, record.outcome()));
            }
        }
        List<Planned> migrated = planned.stream().filter(p -> p.outcome().equals(DemoRules.MIGRATED)).toList();
        return new Listing(List.copyOf(items), List.copyOf(expected), migrated);
    }

    private static int indexOf(List<JsonNode> items, JsonNode item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        throw new IllegalStateException("not listed: " + item);
    }

    /** Ids {@code r-00001}, {@code r-00002}, ...: the same ids recur in every source, as different records. */
    private static final class IdSequence {
        private int last;

        String next() {
            return String.format(Locale.ROOT, "r-%05d", ++last);
        }
    }
}
