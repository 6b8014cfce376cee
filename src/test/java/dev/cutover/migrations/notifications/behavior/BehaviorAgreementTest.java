package dev.cutover.migrations.notifications.behavior;

import static dev.cutover.migrations.notifications.plan.PlannerFixtures.leaf;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.leafOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.plan.PlannerFixtures;
import dev.cutover.migrations.notifications.plan.PolicyBody;
import dev.cutover.migrations.notifications.schedule.DueMinutes;

/**
 * The behavior gate and the live dispatcher agree, slot by slot: the minutes the gate counts over a
 * window ({@link DispatchCalendar}, what {@link BehaviorEquivalence} counts) are exactly the slots in
 * which the dispatcher's {@link DispatchModel} marks a target due, DST gaps and overlaps included.
 * Each case also pins the count README's rule gives (a skipped local time never fires, a repeated one
 * fires twice), so the two cannot agree on a wrong answer either.
 */
class BehaviorAgreementTest {

    @ParameterizedTest(name = "{0} in {1}, {3} h from {2}: {4}")
    @CsvSource(delimiter = '|', value = {
        // Europe/Paris: 02:00 -> 03:00 on 2024-03-31, 03:00 -> 02:00 on 2024-10-27
        "30 2 * * *          | Europe/Paris        | 2024-03-27T00:00:00Z | 168 | 6",
        "30 2 * * *          | Europe/Paris        | 2024-10-23T00:00:00Z | 168 | 8",
        "* 2 * * *           | Europe/Paris        | 2024-03-27T00:00:00Z | 168 | 360",
        "* 2 * * *           | Europe/Paris        | 2024-10-23T00:00:00Z | 168 | 480",
        "30 3 * * *          | Europe/Paris        | 2024-03-27T00:00:00Z | 168 | 7",
        // America/New_York: 02:00 -> 03:00 on 2024-03-10, 02:00 -> 01:00 on 2024-11-03
        "30 2 * * *          | America/New_York    | 2024-03-06T00:00:00Z | 168 | 6",
        "30 2 * * *          | US/Eastern          | 2024-03-06T00:00:00Z | 168 | 6",
        "30 1 * * *          | America/New_York    | 2024-10-30T00:00:00Z | 168 | 8",
        "30 2 * * *          | America/New_York    | 2024-10-30T00:00:00Z | 168 | 7",
        // Australia/Lord_Howe moves by 30 minutes: 02:00 -> 02:30 on 2024-10-06, 02:00 -> 01:30 on 2024-04-07
        "*/15 * * * *        | Australia/Lord_Howe | 2024-10-02T00:00:00Z | 168 | 672",
        "*/15 * * * *        | Australia/Lord_Howe | 2024-04-03T00:00:00Z | 168 | 672",
        "0,15 2 * * *        | Australia/Lord_Howe | 2024-10-02T00:00:00Z | 168 | 12",
        "15 2 * * *          | Australia/Lord_Howe | 2024-10-02T00:00:00Z | 168 | 6",
        "45 1 * * *          | Australia/Lord_Howe | 2024-04-03T00:00:00Z | 168 | 8",
        // a quarter-hour offset, and a zone a day ahead of UTC
        "0 9 * * *           | Asia/Kathmandu      | 2024-03-27T00:00:00Z | 168 | 7",
        "0 0 29 2 *          | UTC                 | 2024-02-26T00:00:00Z | 168 | 1",
        "0 0 29 2 *          | Asia/Tokyo          | 2024-02-26T00:00:00Z | 168 | 1",
        "0 0 29 2 *          | UTC                 | 2025-02-24T00:00:00Z | 168 | 0",
        // both day fields restricted: the 13th or a Friday; a Friday the 13th fires once
        "0 12 13 * 5         | UTC                 | 2024-03-11T00:00:00Z | 168 | 2",
        "0 12 13 * FRI       | UTC                 | 2024-09-09T00:00:00Z | 168 | 1",
        "0 12 13 * 5         | Pacific/Kiritimati  | 2024-03-11T00:00:00Z | 168 | 2",
        // one day field whole: the other decides; 7 is Sunday
        "0 9 1-31 * 1-5      | UTC                 | 2024-01-01T00:00:00Z | 168 | 5",
        "0 0 * * 7           | America/New_York    | 2024-01-01T00:00:00Z | 168 | 1" })
    void gateCountsTheMinutesTheDispatcherMarksDue(String schedule, String zone, Instant start, int hours,
            int expected) {
        int minutes = hours * 60;
        DispatchCalendar calendar = new DispatchCalendar(start, minutes);
        BitSet gate = calendar.due(calendar.idOf(schedule, zone, () -> "rule"), new BitSet());
        DispatchModel model = DispatchModel.builder()
                .add("acme", "email", 3, schedule, zone, List.of("a@x.example"), () -> "rule").build();
        BitSet dispatcher = new BitSet(minutes);
        for (int m = 0; m < minutes; m++) {
            if (!model.dueAt(start.plusSeconds(60L * m)).isEmpty()) {
                dispatcher.set(m);
            }
        }

        assertEquals(slots(start, gate), slots(start, dispatcher), "gate vs dispatcher");
        assertEquals(expected, gate.cardinality());
    }

    @Test
    void behaviorCheckCountsTheTuplesBothDispatcherModelsLogOverTheHorizon() {
        Instant start = Instant.parse("2024-10-23T00:00:00Z"); // Paris falls back on the 27th
        List<Migrated<PolicyLeaf>> leaves = List.of(
                leafOf("eu-1", "r-1", leaf("acme", "email", 3, "30 2 * * *", "30 2 * * *", "Europe/Paris",
                        "a@x.io", "b@x.io")),
                leafOf("eu-1", "r-2", leaf("acme", "email", 3, "0,15,30,45 * * * *", "*/15 * * * *",
                        "Australia/Lord_Howe", "a@x.io")),
                leafOf("eu-1", "r-3", leaf("acme", "sms", 1, "0 12 13 * 5", "0 12 13 * FRI", "America/New_York",
                        "+33612345678")),
                leafOf("us-1", "r-3", leaf("acme", "sms", 1, "0 12 13 * 5", "0 12 13 * 5", "US/Eastern",
                        "+33612345678")),
                leafOf("us-1", "r-4", leaf("hooli", "pager", 5, "0 0 * * 0", "0 0 * * 7", "America/New_York",
                        "ops")));
        List<Entity<PolicyBody>> policies = PlannerFixtures.policies(leaves);

        BehaviorCheck check = PlannerFixtures.behavior(leaves, policies, start);

        // minute by minute as the dispatcher ticks: legacy leaves as spelled, policies as planned
        long legacy = dispatched(start, builder -> leaves.forEach(m -> builder.add(m.leaf().tenant(),
                m.leaf().channel(), m.leaf().priority(), m.leaf().legacySchedule(), m.leaf().timezone(),
                m.leaf().recipients(), () -> "legacy")));
        long planned = dispatched(start, builder -> policies.forEach(p -> builder.add(p.body().tenant(),
                p.body().channel(), p.body().priority(), p.body().schedule(), p.body().timezone(), p.body().recipients(),
                () -> "policy")));
        assertEquals(new BehaviorCheck(168, legacy, planned, true), check);
        // a@x.io every quarter-hour through Lord Howe (its 8 Paris minutes among them), b@x.io 8 times
        // through Paris, the sms on Friday the 25th once though two zone spellings make it due, Sunday once
        assertEquals(672 + 8 + 1 + 1, legacy);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mars/Olympus", "+25:00", "" })
    void gateAndDispatcherRefuseTheSameZonesNamingTheOwner(String zone) {
        refusedByBoth("0 9 * * *", zone);
    }

    @Test
    void gateAndDispatcherRefuseTheSameSchedulesAndAMissingZoneNamingTheOwner() {
        refusedByBoth("0 9 * * FRI-MON", "UTC");
        refusedByBoth(null, "UTC");
        // the gate used to fail with a bare NullPointerException here
        refusedByBoth("0 9 * * *", null);
    }

    @Test
    void aWindowStartsOnAWholeMinute() {
        assertThrows(IllegalArgumentException.class, () -> DueMinutes.window(Instant.parse("2024-01-01T00:00:01Z"), 1));
        assertThrows(IllegalArgumentException.class, () -> DueMinutes.window(Instant.parse("2024-01-01T00:00:00Z"), 0));
    }

    private static void refusedByBoth(String schedule, String zone) {
        IllegalStateException gate = assertThrows(IllegalStateException.class,
                () -> new DispatchCalendar(PlannerFixtures.MONDAY, 60).idOf(schedule, zone, () -> "record r-9"));
        IllegalStateException dispatcher = assertThrows(IllegalStateException.class, () -> DispatchModel.builder()
                .add("acme", "email", 3, schedule, zone, List.of("a@x.example"), () -> "record r-9"));
        assertEquals(gate.getMessage(), dispatcher.getMessage());
        assertEquals(true, gate.getMessage().startsWith("record r-9: "), gate.getMessage());
    }

    /** @return the (slot, target) tuples the model built by {@code entries} logs over the 168-hour horizon */
    private static long dispatched(Instant start, Consumer<DispatchModel.Builder> entries) {
        DispatchModel.Builder builder = DispatchModel.builder();
        entries.accept(builder);
        DispatchModel model = builder.build();
        long tuples = 0;
        for (int m = 0; m < BehaviorEquivalence.HORIZON_HOURS * 60; m++) {
            tuples += model.dueAt(start.plusSeconds(60L * m)).size();
        }
        return tuples;
    }

    private static List<Instant> slots(Instant start, BitSet minutes) {
        List<Instant> slots = new ArrayList<>();
        minutes.stream().forEach(m -> slots.add(start.plusSeconds(60L * m)));
        return slots;
    }
}
