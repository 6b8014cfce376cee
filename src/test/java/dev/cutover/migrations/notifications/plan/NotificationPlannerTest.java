package dev.cutover.migrations.notifications.plan;

import static dev.cutover.migrations.notifications.plan.PlannerFixtures.MONDAY;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.daily;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.leaf;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.migrated;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.migratedWithoutId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;


import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.plan.TargetPlan.GroupSummary;
import dev.cutover.framework.plan.TargetPlan;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.framework.toolkit.Sha256;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;

class NotificationPlannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlannerFixtures.Planner planner = new PlannerFixtures.Planner();

    @Test
    void theModelOrderOfKeysIsTheExportOrderOfGroupKeys() {
        Random random = new Random(7);
        String[] texts = { "acme", "Acme", "é", "😀", "\uFFFF", "", "a b", "0 9 * * *", "UTC", "Europe/Paris" };
        List<GroupKey> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(new GroupKey(texts[random.nextInt(texts.length)], texts[random.nextInt(3)], 1 + random.nextInt(5),
                    texts[random.nextInt(texts.length)], texts[random.nextInt(texts.length)]));
        }
        List<GroupKey> byGroupKey = new ArrayList<>(keys);
        byGroupKey.sort(GroupKey.ORDER);
        List<JsonNode> byModelOrder = new ArrayList<>(keys.stream().map(k -> (JsonNode) k.toJson()).toList());
        // the database sorts by the key order's text in code-point ("C") order
        NotificationPlanner planner = new NotificationPlanner();
        byModelOrder.sort(Comparator.comparing(key -> planner.keyOrder(key).toString(), CodePoints.ORDER));
        assertEquals(byGroupKey, byModelOrder.stream().map(GroupKey::fromJson).toList());
    }

    @Test
    void equivalentLeavesFromDifferentRecordsBecomeOnePolicyWithTheRecipientUnion() {
        TargetPlan plan = planner.plan(List.of(
                migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI",
                        "Europe/Paris", "a@x.io", "b@x.io")),
                migrated("eu-1", "r-2", leaf("acme", "email", 3, "0 9 * * 1,2,3,4,5", "0 9 * * 1-5",
                        "Europe/Paris", "a@x.io", "c@x.io"))), MONDAY);

        assertEquals(1, plan.entityCount());
        assertEquals(1, plan.model().size());
        JsonNode policy = plan.model().get(0);
        assertEquals(json("[\"a@x.io\",\"b@x.io\",\"c@x.io\"]"), policy.get("recipients"));
        assertEquals(json("[[\"eu-1\",\"r-1\"],[\"eu-1\",\"r-2\"]]"), policy.get("members"));
    }

    @Test
    void membersCountDistinctRecordsNotLeaves() {
        TargetPlan plan = planner.plan(List.of(
                // two leaves of one record in the same group, a third leaf in another group
                migrated("eu-1", "r-1", daily("acme", "a@x.io"), daily("acme", "b@x.io"), daily("globex", "g@x.io")),
                // the same id in another source is another record
                migrated("us-1", "r-1", daily("acme", "a@x.io")),
                // an item without a usable id is a record of its own, known by its index
                migratedWithoutId("eu-1", 4, daily("acme", "c@x.io"))), MONDAY);

        assertEquals(List.of(3, 1), plan.largestGroups().stream().map(GroupSummary::members).toList());
        assertEquals(json("[[\"eu-1\",\"r-1\"],[\"eu-1\",null,4],[\"us-1\",\"r-1\"]]"),
                plan.model().get(0).get("members"));
    }

    @Test
    void policyIdIsSha256OfTheKeyAloneSpelledAsCompactAsciiJson() {
        // the plain id was computed outside Java: json.dumps(key, separators=(",", ":")), sha256, first 32 hex digits
        GroupKey plain = new GroupKey("acme", "email", 3, "0 9 * * 1,2,3,4,5", "Europe/Paris");
        assertEquals("[\"acme\",\"email\",3,\"0 9 * * 1,2,3,4,5\",\"Europe/Paris\"]", plain.canonicalJson());
        assertEquals("pol_8821c70808c0224ab024b89e4b748e3f", plain.policyId());

        GroupKey awkward = new GroupKey("é𝔸\"\\\n", "sms", 1, "* * * * *", "UTC");
        String spelled = "[\"\\u00E9\\uD835\\uDD38\\\"\\\\\\n\",\"sms\",1,\"* * * * *\",\"UTC\"]";
        assertEquals(spelled, awkward.canonicalJson());
        assertEquals("pol_" + Sha256.hex(spelled).substring(0, 32), awkward.policyId());
    }

    @Test
    void sameKeyGetsTheSameIdWhateverTheRecordsRecipientsAndOrderOfARun() {
        PolicyLeaf first = leaf("acme", "sms", 2, "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI", "UTC", "+33612345678");
        PolicyLeaf second = leaf("acme", "sms", 2, "0 9 * * 1,2,3,4,5", "0 9 * * 1-5", "UTC", "+4915112345678");
        String runOne = policyIds(planner.plan(List.of(migrated("eu-1", "r-1", first),
                migrated("eu-1", "r-2", daily("other", "o@x.io"))), MONDAY)).get(0);
        String runTwo = policyIds(planner.plan(List.of(migrated("us-1", "r-9", second)), MONDAY)).get(0);

        assertEquals(runOne, runTwo);
        assertEquals(new GroupKey("acme", "sms", 2, "0 9 * * 1,2,3,4,5", "UTC").policyId(), runOne);
        assertTrue(runOne.matches("pol_[0-9a-f]{32}"), runOne);
    }

    @Test
    void everyFieldOfTheKeyChangesThePolicyId() {
        List<GroupKey> keys = List.of(
                new GroupKey("acme", "email", 3, "0 9 * * *", "UTC"),
                new GroupKey("acme2", "email", 3, "0 9 * * *", "UTC"),
                new GroupKey("acme", "pager", 3, "0 9 * * *", "UTC"),
                new GroupKey("acme", "email", 4, "0 9 * * *", "UTC"),
                new GroupKey("acme", "email", 3, "0 10 * * *", "UTC"),
                new GroupKey("acme", "email", 3, "0 9 * * *", "Europe/Paris"),
                // fields that would run together if the key were merely concatenated
                new GroupKey("acme\",\"email", "email", 3, "0 9 * * *", "UTC"),
                new GroupKey("acme", "email\",3,\"x", 3, "0 9 * * *", "UTC"));

        Set<String> ids = new HashSet<>();
        keys.forEach(key -> ids.add(key.policyId()));
        assertEquals(keys.size(), ids.size());
    }

    @Test
    void lookAlikeTenantsStayApart() {
        List<String> tenants = List.of("acme", "Acme", "\u0430cme" /* Cyrillic a */, "acm\u00e9" /* NFC */,
                "acme\u0301" /* NFD: e + combining acute */);
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            outcomes.add(migrated("eu-1", "r-" + i, daily(tenants.get(i), "a@x.io")));
        }

        TargetPlan plan = planner.plan(outcomes, MONDAY);

        assertEquals(5, plan.entityCount());
        assertEquals(5, new HashSet<>(policyIds(plan)).size());
    }

    @Test
    void modelIsSortedByTenantChannelPriorityScheduleTimezoneInCodePointOrder() {
        List<RecordOutcome> outcomes = new ArrayList<>();
        int n = 0;
        // "Ａ" (U+FF21) sorts after "𝔸" (U+1D538) under String.compareTo, before it by code point
        for (String tenant : List.of("𝔸", "Ａ", "é", "a", "Z")) {
            outcomes.add(migrated("eu-1", "r-" + n++, daily(tenant, "a@x.io")));
        }
        for (String channel : List.of("webhook", "sms", "pager")) {
            outcomes.add(migrated("eu-1", "r-" + n++, leaf("a", channel, 3, "0 9 * * *", "0 9 * * *", "UTC", "k")));
        }
        for (int priority : List.of(5, 1)) {
            outcomes.add(migrated("eu-1", "r-" + n++, leaf("a", "email", priority, "0 9 * * *", "0 9 * * *", "UTC", "k@x.io")));
        }
        for (String schedule : List.of("30 8 * * *", "0,30 9 * * *", "0 10 * * *")) {
            outcomes.add(migrated("eu-1", "r-" + n++, leaf("a", "email", 3, schedule, schedule, "UTC", "k@x.io")));
        }
        for (String zone : List.of("US/Eastern", "Europe/Paris", "America/New_York")) {
            outcomes.add(migrated("eu-1", "r-" + n++, leaf("a", "email", 3, "0 9 * * *", "0 9 * * *", zone, "k@x.io")));
        }

        TargetPlan plan = planner.plan(outcomes, MONDAY);

        List<String> order = new ArrayList<>();
        plan.model().forEach(p -> order.add(String.join("|", p.get("tenant").asText(), p.get("channel").asText(),
                p.get("priority").asText(), p.get("schedule").asText(), p.get("timezone").asText())));
        assertEquals(List.of(
                "Z|email|3|0 9 * * *|UTC",
                "a|email|1|0 9 * * *|UTC",
                "a|email|3|0 10 * * *|UTC",
                "a|email|3|0 9 * * *|America/New_York",
                "a|email|3|0 9 * * *|Europe/Paris",
                "a|email|3|0 9 * * *|US/Eastern",
                "a|email|3|0 9 * * *|UTC",
                "a|email|3|0,30 9 * * *|UTC",
                "a|email|3|30 8 * * *|UTC",
                "a|email|5|0 9 * * *|UTC",
                "a|pager|3|0 9 * * *|UTC",
                "a|sms|3|0 9 * * *|UTC",
                "a|webhook|3|0 9 * * *|UTC",
                "é|email|3|0 9 * * *|UTC",
                "Ａ|email|3|0 9 * * *|UTC",
                "𝔸|email|3|0 9 * * *|UTC"), order);
        assertEquals(order.size(), plan.entityCount());
    }

    @Test
    void recipientsAreSortedByCodePointNotByUtf16Unit() {
        TargetPlan plan = planner.plan(List.of(
                migrated("eu-1", "r-1", leaf("acme", "pager", 1, "0 9 * * *", "0 9 * * *", "UTC", "𝔸-key")),
                migrated("eu-1", "r-2", leaf("acme", "pager", 1, "0 9 * * *", "0 9 * * *", "UTC", "Ａ-key"))), MONDAY);

        assertEquals(json("[\"Ａ-key\",\"𝔸-key\"]"), plan.model().get(0).get("recipients"));
    }

    @Test
    void modelEntryHasTheSpecifiedFieldsAndMembersWithIdsBeforeIdlessOnes() {
        PolicyLeaf leaf = leaf("acme", "webhook", 2, "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI", "Europe/Paris",
                "https://hooks.example/x");
        TargetPlan plan = planner.plan(List.of(
                migrated("us-1", "r-1", leaf), migratedWithoutId("eu-1", 7, leaf), migrated("eu-1", "r-2", leaf),
                migratedWithoutId("eu-1", 0, leaf)), MONDAY);

        String id = new GroupKey("acme", "webhook", 2, "0 9 * * 1,2,3,4,5", "Europe/Paris").policyId();
        assertEquals(json("[{\"id\":\"" + id + "\",\"tenant\":\"acme\",\"channel\":\"webhook\",\"priority\":2,"
                + "\"schedule\":\"0 9 * * 1,2,3,4,5\",\"timezone\":\"Europe/Paris\","
                + "\"recipients\":[\"https://hooks.example/x\"],"
                + "\"members\":[[\"eu-1\",\"r-2\"],[\"eu-1\",null,0],[\"eu-1\",null,7],[\"us-1\",\"r-1\"]]}]"),
                plan.model());
        List<String> fieldOrder = new ArrayList<>();
        plan.model().get(0).fieldNames().forEachRemaining(fieldOrder::add);
        assertEquals(List.of("id", "tenant", "channel", "priority", "schedule", "timezone", "recipients",
                "members"), fieldOrder);
    }

    @Test
    void planDoesNotDependOnTheOrderOfTheOutcomes() {
        List<RecordOutcome> outcomes = new ArrayList<>();
        String[] tenants = { "acme", "Acme", "globex", "é" };
        String[][] schedules = { { "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI" }, { "0,30 * * * *", "*/30 * * * *" },
                { "0 0 * * 0", "0 0 * * 7" } };
        for (int i = 0; i < 60; i++) {
            String[] schedule = schedules[i % 3];
            outcomes.add(migrated("src-" + (i % 2), "r-" + i,
                    leaf(tenants[i % 4], "email", 1 + i % 5, schedule[0], schedule[1], "UTC", "u" + (i % 7) + "@x.io"),
                    leaf(tenants[(i + 1) % 4], "pager", 3, schedule[0], schedule[1], "Europe/Paris", "p" + (i % 3))));
        }
        outcomes.add(migratedWithoutId("src-0", 99, daily("acme", "z@x.io")));
        outcomes.add(RecordOutcome.skipped("src-0", "d-1", null, "DISABLED", "enabled is false"));
        outcomes.add(RecordOutcome.anomaly("src-1", null, 3, "MISSING_FIELD", "id is missing"));
        TargetPlan reference = planner.plan(outcomes, MONDAY);

        for (long seed = 1; seed <= 5; seed++) {
            List<RecordOutcome> shuffled = new ArrayList<>(outcomes);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(reference, planner.plan(shuffled, MONDAY), "seed " + seed);
        }
        assertTrue(reference.behavior().equal());
    }

    @Test
    void onlyMigratedOutcomesArePlanned() {
        List<RecordOutcome> migrated = List.of(migrated("eu-1", "r-1", daily("acme", "a@x.io")));
        List<RecordOutcome> all = new ArrayList<>(migrated);
        all.add(RecordOutcome.skipped("eu-1", "r-2", null, "DISABLED", "enabled is false"));
        all.add(RecordOutcome.anomaly("eu-1", "r-3", null, "INVALID_CRON", "schedule has six fields"));
        all.add(RecordOutcome.anomaly("eu-1", null, 12, "MALFORMED_RECORD", "item is not an object"));

        assertEquals(planner.plan(migrated, MONDAY), planner.plan(all, MONDAY));
    }

    @Test
    void largestGroupsAreTheTenWithMostMembersTiesByPolicyId() {
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add(migrated("eu-1", "big-" + i, daily("big", "a@x.io")));
        }
        for (int i = 0; i < 2; i++) {
            outcomes.add(migrated("eu-1", "mid-" + i, daily("mid", "a@x.io")));
        }
        for (int i = 0; i < 10; i++) {
            outcomes.add(migrated("eu-1", "small-" + i, daily("small-" + i, "a@x.io")));
        }

        TargetPlan plan = planner.plan(outcomes, MONDAY);

        List<GroupSummary> largest = plan.largestGroups();
        assertEquals(12, plan.entityCount());
        assertEquals(10, largest.size());
        assertEquals(List.of(3, 2, 1, 1, 1, 1, 1, 1, 1, 1), largest.stream().map(GroupSummary::members).toList());
        assertEquals(json("{\"tenant\":\"big\",\"channel\":\"email\",\"priority\":3,\"schedule\":\"0 9 * * *\","
                + "\"timezone\":\"UTC\"}"), largest.get(0).key());
        assertEquals(new GroupKey("big", "email", 3, "0 9 * * *", "UTC").policyId(), largest.get(0).policyId());
        List<String> smallIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            smallIds.add(new GroupKey("small-" + i, "email", 3, "0 9 * * *", "UTC").policyId());
        }
        Collections.sort(smallIds);
        assertEquals(smallIds.subList(0, 8), largest.subList(2, 10).stream().map(GroupSummary::policyId).toList());
    }

    @Test
    void noMigratedRecordsGiveAnEmptyPlanThatBehavesLikeTheLegacyOne() {
        TargetPlan plan = planner.plan(List.of(RecordOutcome.skipped("eu-1", "r-1", null, "DISABLED", "off")), MONDAY);

        assertEquals(json("[]"), plan.model());
        assertEquals(0, plan.entityCount());
        assertEquals(List.of(), plan.largestGroups());
        assertEquals(new BehaviorCheck(168, 0, 0, true), plan.behavior());
    }

    @Test
    void migratedRecordWithoutLeavesFailsThePlanNamingTheRecord() {
        RecordOutcome empty = RecordOutcome.migrated("eu-1", "r-9", null, json("[]"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> planner.plan(List.of(empty), MONDAY));
        assertTrue(failure.getMessage().contains("eu-1/r-9"), failure.getMessage());
    }

    @Test
    void leafWithoutPriorityFailsThePlanInsteadOfPlanningPriorityZero() {
        RecordOutcome incomplete = RecordOutcome.migrated("eu-1", null, 5, json("[{\"tenant\":\"acme\","
                + "\"channel\":\"email\",\"schedule\":\"0 9 * * *\",\"legacySchedule\":\"0 9 * * *\","
                + "\"timezone\":\"UTC\",\"recipients\":[\"a@x.io\"]}]"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> planner.plan(List.of(incomplete), MONDAY));
        assertTrue(failure.getMessage().contains("eu-1 item #5"), failure.getMessage());
    }


    private static List<String> policyIds(TargetPlan plan) {
        List<String> ids = new ArrayList<>();
        plan.model().forEach(policy -> ids.add(policy.get("id").asText()));
        return ids;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
