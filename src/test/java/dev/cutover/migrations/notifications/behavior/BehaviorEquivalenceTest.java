package dev.cutover.migrations.notifications.behavior;

import static dev.cutover.migrations.notifications.plan.PlannerFixtures.MONDAY;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.daily;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.leaf;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.leafOf;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.policy;
import static dev.cutover.migrations.notifications.plan.PlannerFixtures.migrated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.plan.GroupKey;
import dev.cutover.migrations.notifications.plan.PlannerFixtures;

class BehaviorEquivalenceTest {

    private final PlannerFixtures.Planner planner = new PlannerFixtures.Planner();

    @Test
    void legacySpellingsWithTheCanonicalMeaningDispatchTheSameTuples() {
        BehaviorCheck check = behavior(MONDAY,
                migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI", "UTC",
                        "a@x.io", "b@x.io")),
                migrated("eu-1", "r-2", leaf("acme", "email", 3, "0 9 * * 1,2,3,4,5", "0 9 1-31 * 1-5", "UTC",
                        "c@x.io")),
                migrated("eu-1", "r-3", leaf("acme", "sms", 1, "0,15,30,45 * * * *", "*/15 * * * *", "UTC",
                        "+33612345678")),
                migrated("eu-1", "r-4", leaf("acme", "pager", 5, "0 0 * * 0", "0 0 * * 7", "America/New_York",
                        "ops")),
                migrated("eu-1", "r-5", leaf("acme", "webhook", 2, "0 9 * 1 *", "0\t9 * jan *", "UTC",
                        "https://h.example/a")));

        // 3 recipients x 5 weekdays + 4 x 168 hours + Sunday midnight in New York + 7 January days
        assertEquals(new BehaviorCheck(168, 15 + 672 + 1 + 7, 15 + 672 + 1 + 7, true), check);
    }

    @Test
    void recipientNotifiedByTwoRecordsIsOneTupleOnEachSide() {
        PolicyLeaf leaf = leaf("acme", "email", 3, "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI", "UTC", "a@x.io");

        assertEquals(new BehaviorCheck(168, 5, 5, true),
                behavior(MONDAY, migrated("eu-1", "r-1", leaf), migrated("us-1", "r-1", leaf)));
    }

    @Test
    void recipientInPoliciesWithOverlappingSchedulesIsComparedByTheUnionOfTheirMinutes() {
        // legacy and plan reach a@x.io through different (schedule, zone) sets with the same minutes
        BehaviorCheck check = behavior(MONDAY,
                migrated("eu-1", "r-1", daily("acme", "a@x.io")),
                migrated("eu-1", "r-2", leaf("acme", "email", 3, "0 9 * * 1,2,3,4,5", "0 9 * * MON-FRI", "UTC",
                        "a@x.io")));

        assertEquals(new BehaviorCheck(168, 7, 7, true), check);
    }

    @Test
    void scheduleChangedToAnotherOfTheSameSizeIsNotEqualThoughTheCountsAgree() {
        BehaviorCheck check = behavior(MONDAY,
                migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 9 * * *", "0 10 * * *", "UTC", "a@x.io")));

        assertEquals(new BehaviorCheck(168, 7, 7, false), check);
    }

    @Test
    void scheduleChangedToOneFiringMoreOftenIsNotEqual() {
        BehaviorCheck check = behavior(MONDAY,
                migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 9 * * *", "0 9 * * MON-FRI", "UTC", "a@x.io")));

        assertEquals(new BehaviorCheck(168, 5, 7, false), check);
    }

    @Test
    void policyThatLostARecipientIsNotEqual() {
        PolicyLeaf leaf = daily("acme", "a@x.io", "b@x.io");

        assertEquals(new BehaviorCheck(168, 14, 7, false),
                PlannerFixtures.behavior(List.of(leafOf("eu-1", "r-1", leaf)),
                        List.of(policy(GroupKey.of(leaf), "a@x.io")), MONDAY));
    }

    @Test
    void policyThatGainedARecipientIsNotEqual() {
        PolicyLeaf leaf = daily("acme", "a@x.io");

        assertEquals(new BehaviorCheck(168, 7, 14, false),
                PlannerFixtures.behavior(List.of(leafOf("eu-1", "r-1", leaf)),
                        List.of(policy(GroupKey.of(leaf), "a@x.io", "b@x.io")), MONDAY));
    }

    @Test
    void policyInAnotherZoneOrUnderAnotherPriorityIsNotEqualWithTheSameCounts() {
        PolicyLeaf leaf = daily("acme", "a@x.io");
        List<Migrated<PolicyLeaf>> legacy = List.of(leafOf("eu-1", "r-1", leaf));

        assertEquals(new BehaviorCheck(168, 7, 7, false), PlannerFixtures.behavior(legacy,
                List.of(policy(new GroupKey("acme", "email", 3, "0 9 * * *", "Europe/Paris"), "a@x.io")), MONDAY));
        assertEquals(new BehaviorCheck(168, 7, 7, false), PlannerFixtures.behavior(legacy,
                List.of(policy(new GroupKey("acme", "email", 4, "0 9 * * *", "UTC"), "a@x.io")), MONDAY));
    }

    @Test
    void horizonIncludesItsFirstMinuteAndExcludesTheMinuteOneWeekLater() {
        BehaviorCheck check = behavior(MONDAY,
                migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 0 * * 1", "0 0 * * MON", "UTC", "a@x.io")));

        assertEquals(new BehaviorCheck(168, 1, 1, true), check);
    }

    @Test
    void springForwardSkipsTheLocalTimeThatDoesNotExist() {
        // Europe/Paris jumps from 02:00 to 03:00 on Sunday 2024-03-31
        Instant wednesdayBefore = Instant.parse("2024-03-27T00:00:00Z");

        assertEquals(new BehaviorCheck(168, 6, 6, true), behavior(wednesdayBefore,
                migrated("eu-1", "r-1", leaf("acme", "sms", 2, "30 2 * * *", "30 2 * * *", "Europe/Paris",
                        "+33612345678"))));
        assertEquals(new BehaviorCheck(168, 7, 7, true), behavior(wednesdayBefore,
                migrated("eu-1", "r-1", leaf("acme", "sms", 2, "30 3 * * *", "30 3 * * *", "Europe/Paris",
                        "+33612345678"))));
    }

    @Test
    void fallBackFiresTheRepeatedLocalTimeTwice() {
        // Europe/Paris goes back from 03:00 to 02:00 on Sunday 2024-10-27: 02:30 happens twice
        Instant wednesdayBefore = Instant.parse("2024-10-23T00:00:00Z");

        assertEquals(new BehaviorCheck(168, 8, 8, true), behavior(wednesdayBefore,
                migrated("eu-1", "r-1", leaf("acme", "sms", 2, "30 2 * * *", "30 2 * * *", "Europe/Paris",
                        "+33612345678"))));
    }

    @Test
    void ruleInAZoneWithADstGapIsNotEqualToThePlanInAZoneWithout() {
        // same wall-clock schedule, but only Europe/Paris skips 02:30 on 2024-03-31
        PolicyLeaf paris = leaf("acme", "sms", 2, "30 2 * * *", "30 2 * * *", "Europe/Paris", "+33612345678");

        BehaviorCheck check = PlannerFixtures.behavior(List.of(leafOf("eu-1", "r-1", paris)),
                List.of(policy(new GroupKey("acme", "sms", 2, "30 2 * * *", "Africa/Lagos"), "+33612345678")),
                Instant.parse("2024-03-27T00:00:00Z"));

        assertEquals(new BehaviorCheck(168, 6, 7, false), check);
    }

    @Test
    void scheduleThatNeverFiresInTheHorizonDispatchesNothingOnEitherSide() {
        assertEquals(new BehaviorCheck(168, 0, 0, true), behavior(MONDAY,
                migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 0 30 2 *", "0 0 30 FEB *", "UTC", "a@x.io"))));
    }

    @Test
    void unparsableLegacyScheduleFailsTheCheckNamingTheRecord() {
        RecordOutcome broken = migrated("eu-1", "r-42",
                leaf("acme", "email", 3, "0 9 * * *", "every day at nine", "UTC", "a@x.io"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> planner.plan(List.of(broken), MONDAY));
        assertTrue(failure.getMessage().contains("eu-1/r-42"), failure.getMessage());
        assertTrue(failure.getMessage().contains("every day at nine"), failure.getMessage());
    }

    @Test
    void eachDistinctScheduleAndZoneIsComputedOnceAndUnionsOncePerSet() {
        DispatchCalendar calendar = new DispatchCalendar(MONDAY, 168 * 60);
        CalendarIds weekdays = calendar.idOf("0 9 * * MON-FRI", "UTC", () -> "test");
        CalendarIds canonical = calendar.idOf("0 9 * * 1,2,3,4,5", "UTC", () -> "test");
        CalendarIds tenOClock = calendar.idOf("0 10 * * *", "UTC", () -> "test");

        assertSame(weekdays, calendar.idOf("0 9 * * MON-FRI", "UTC", () -> "test"));
        // two spellings of one schedule mean the same minutes: one calendar, as in the dispatcher
        assertSame(weekdays, canonical);
        assertEquals(2, calendar.size());
        CalendarIds both = CalendarIds.union(weekdays, tenOClock);
        assertEquals(12, calendar.due(both, new BitSet()).cardinality());
        assertSame(calendar.due(both, new BitSet()),
                calendar.due(CalendarIds.union(tenOClock, weekdays), new BitSet()));
        assertSame(weekdays, CalendarIds.union(weekdays, weekdays));
    }

    @Test
    void zoneAliasesAreDistinctCalendarsWithTheSameMinutes() {
        // rule 9 keeps aliases apart; US/Eastern links to America/New_York in the tz database
        DispatchCalendar calendar = new DispatchCalendar(Instant.parse("2024-03-06T00:00:00Z"), 168 * 60);
        CalendarIds alias = calendar.idOf("30 2 * * *", "US/Eastern", () -> "test");
        CalendarIds target = calendar.idOf("30 2 * * *", "America/New_York", () -> "test");

        assertNotEquals(alias, target);
        assertEquals(calendar.due(target, new BitSet()), calendar.due(alias, new BitSet()));
        assertEquals(6, calendar.due(alias, new BitSet()).cardinality(), "02:30 skipped on 2024-03-10");
    }

    @Test
    void unionsBeyondTheCacheLimitAreComputedIntoTheScratchWithTheSameResult() {
        DispatchCalendar calendar = new DispatchCalendar(MONDAY, 168 * 60);
        List<CalendarIds> daily = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            daily.add(calendar.idOf((i % 60) + " " + (i / 60) + " * * *", "UTC", () -> "test"));
        }
        BitSet scratch = new BitSet();
        int pairs = 0;
        for (int i = 0; i < daily.size(); i++) {
            for (int j = i + 1; j < daily.size(); j++) {
                BitSet union = calendar.due(CalendarIds.union(daily.get(i), daily.get(j)), scratch);
                assertEquals(14, union.cardinality(), "two daily times over a week");
                assertEquals(++pairs > DispatchCalendar.UNION_CACHE_LIMIT, union == scratch);
            }
        }
    }

    @Test
    void minutesKeptAcrossTheSharesOfOnePlanAreNeverReusedOverAnotherHorizon() {
        // the first of the month at 9:00: not in the week from Monday 1 January 9:01, once in the week from 31 January
        RecordOutcome firstOfMonth = migrated("eu-1", "r-1", leaf("acme", "email", 3, "0 9 1 * *", "0 9 1 * *", "UTC",
                "a@x.io"));
        Instant lateJanuary = Instant.parse("2024-01-31T00:00:00Z");
        Instant afterTheFirst = Instant.parse("2024-01-01T09:01:00Z");
        assertEquals(new BehaviorCheck(168, 1, 1, true), behavior(lateJanuary, firstOfMonth));
        assertEquals(new BehaviorCheck(168, 0, 0, true), behavior(afterTheFirst, firstOfMonth));
        assertEquals(new BehaviorCheck(168, 1, 1, true), behavior(lateJanuary, firstOfMonth));
    }

    private BehaviorCheck behavior(Instant start, RecordOutcome... outcomes) {
        return planner.plan(List.of(outcomes), start).behavior();
    }

}
