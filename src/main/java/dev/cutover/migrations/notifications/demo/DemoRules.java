package dev.cutover.migrations.notifications.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.migrations.notifications.demo.DemoCatalog.Config;
import dev.cutover.migrations.notifications.demo.DemoSpecs.Leaf;

/**
 * The built-in demo data: about four thousand legacy notification rules (DESIGN.md §4 LegacyRule)
 * over three sources, {@code ap-1}, {@code eu-1} and {@code us-1}, generated from a fixed seed with no
 * dependence on time, so every generation with a seed is byte-for-byte the same.
 *
 * <p>The data exercises DESIGN.md §5: many tenants; equivalent configurations spelled differently
 * (cron, priority, channel, recipient and timezone spellings) that group into one policy; wrapped
 * specs (up to the limit of 16), nested bundles, disabled rules, superseded lower versions, identical
 * copies (some with their keys reordered), and a handful of records of each record anomaly code, each
 * record with exactly one problem. Ids recur across sources ({@code r-00001} in each), as different
 * records.
 *
 * <p>It is also the oracle of what it generated, computed from the canonical values it started from
 * (not by normalizing its own output): the expected outcome of every record, the expected counts,
 * and the policies the migrated records should make.
 */
public final class DemoRules {

    /** Outcome of a record that becomes part of one or more policies. */
    public static final String MIGRATED = "MIGRATED";
    /** Outcome of a record skipped because it is disabled. */
    public static final String DISABLED = "DISABLED";
    /** The seed of the built-in demo. */
    public static final long DEFAULT_SEED = 20_240_917L;
    /** The demo sources, in name order. */
    public static final List<String> SOURCE_NAMES = List.of("ap-1", "eu-1", "us-1");
    /** The record anomaly codes of DESIGN.md §5, in the order that decides a record's one code. */
    public static final List<String> ANOMALY_CODES = DemoAnomalies.CODES;

    /**
     * The expected outcome of one record.
     *
     * @param id      the record id; {@code null} for an item without a usable id
     * @param index   for an item without a usable id, its 0-based index in the source's listing; else
     *                {@code null}
     * @param outcome {@link #MIGRATED}, {@link #DISABLED} or an anomaly code
     */
    public record Expected(String source, String id, Integer index, String outcome) {
    }

    /**
     * A policy the migrated records should make: one per group key (tenant, channel, priority,
     * canonical schedule, timezone), with the sorted union of its members' recipients.
     */
    public record ExpectedPolicy(String tenant, String channel, int priority, String schedule, String timezone,
            List<String> recipients) {
    }

    private final Map<String, DemoGenerator.Listing> listings = new LinkedHashMap<>();

    private DemoRules(long seed) {
        DemoGenerator generator = new DemoGenerator(seed);
        for (int i = 0; i < SOURCE_NAMES.size(); i++) {
            listings.put(SOURCE_NAMES.get(i), generator.source(SOURCE_NAMES.get(i), i));
        }
    }

    /** @return the built-in demo data ({@link #DEFAULT_SEED}) */
    public static DemoRules generate() {
        return generate(DEFAULT_SEED);
    }

    /** @return demo data of the same shape from another seed; the same seed gives the same data */
    public static DemoRules generate(long seed) {
        return new DemoRules(seed);
    }

    /** @return the source names, in name order */
    public List<String> sourceNames() {
        return SOURCE_NAMES;
    }

    /** @return a copy of the source's items, in listing order, exactly as the source serves them */
    public List<JsonNode> items(String source) {
        return listing(source).items().stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** @return the number of distinct string ids of the source: its {@code total} */
    public int total(String source) {
        return (int) listing(source).expected().stream().filter(e -> e.id() != null).count();
    }

    /** @return the expected outcome of every record of the source, in order of first listing */
    public List<Expected> expected(String source) {
        return listing(source).expected();
    }

    /** @return the expected outcome of every record of every source */
    public List<Expected> expected() {
        List<Expected> all = new ArrayList<>();
        listings.values().forEach(listing -> all.addAll(listing.expected()));
        return all;
    }

    /** @return id -> expected outcome, for the source's records with a usable id */
    public Map<String, String> expectedById(String source) {
        Map<String, String> byId = new TreeMap<>();
        expected(source).stream().filter(e -> e.id() != null).forEach(e -> byId.put(e.id(), e.outcome()));
        return byId;
    }

    /** @return listing index -> expected outcome, for the source's items without a usable id */
    public Map<Integer, String> expectedByIndex(String source) {
        Map<Integer, String> byIndex = new TreeMap<>();
        expected(source).stream().filter(e -> e.id() == null).forEach(e -> byIndex.put(e.index(), e.outcome()));
        return byIndex;
    }

    /** @return outcome -> number of records, over all sources, sorted by outcome */
    public Map<String, Integer> expectedCounts() {
        return counts(expected());
    }

    /** @return outcome -> number of records of the source, sorted by outcome */
    public Map<String, Integer> expectedCounts(String source) {
        return counts(expected(source));
    }

    /**
     * @return the policies of all migrated records of all sources, sorted by tenant, channel, priority,
     *         schedule, timezone (strings in code-point order)
     */
    public List<ExpectedPolicy> expectedPolicies() {
        Map<Config, TreeSet<String>> groups = new TreeMap<>(Comparator.comparing(Config::tenant)
                .thenComparing(Config::channel).thenComparingInt(Config::priority)
                .thenComparing(Config::schedule).thenComparing(Config::timezone));
        for (DemoGenerator.Listing listing : listings.values()) {
            for (DemoGenerator.Planned record : listing.migrated()) {
                for (Leaf leaf : record.leaves()) {
                    groups.computeIfAbsent(leaf.config(), key -> new TreeSet<>()).addAll(leaf.recipients());
                }
            }
        }
        List<ExpectedPolicy> policies = new ArrayList<>();
        groups.forEach((key, recipients) -> policies.add(new ExpectedPolicy(key.tenant(), key.channel(),
                key.priority(), key.schedule(), key.timezone(), List.copyOf(recipients))));
        return policies;
    }

    private DemoGenerator.Listing listing(String source) {
        DemoGenerator.Listing listing = listings.get(source);
        if (listing == null) {
            throw new IllegalArgumentException("no demo source " + source + "; they are " + SOURCE_NAMES);
        }
        return listing;
    }

    private static Map<String, Integer> counts(List<Expected> expected) {
        Map<String, Integer> counts = new TreeMap<>();
        expected.forEach(e -> counts.merge(e.outcome(), 1, Integer::sum));
        return counts;
    }
}
