package dev.cutover.migrations.notifications.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingBehavior;
import dev.cutover.framework.model.ExecutingBehavior.Executing;
import dev.cutover.framework.model.ExecutingByKey;
import dev.cutover.framework.model.ReadSnapshot;
import dev.cutover.migrations.notifications.behavior.DispatchModel;
import dev.cutover.migrations.notifications.behavior.DispatchTarget;
import dev.cutover.migrations.notifications.behavior.NotificationModel;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatcher's slots computed from the model read by schedule key ({@link DueTargets}: only the
 * rules of the schedules due in the slot, a part at a time) against the whole model's {@link DispatchModel#dueAt}, minute
 * by minute over two days that cross a DST change, for an activated generation of the demo and for its
 * legacy model.
 */
@QuarkusTest
class DueTargetsTest {

    /** Saturday before the EU's DST change (2025-03-30 01:00 UTC), so that zoned schedules cross it. */
    private static final Instant START = Instant.parse("2025-03-29T00:00:00Z");
    private static final int SLOTS = 2 * 24 * 60;

    @Inject
    ExecutingBehavior behavior;

    @Inject
    ReadSnapshot snapshot;

    @Inject
    GenerationSwitch generations;

    @AfterEach
    void backToLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void theTargetsOfTheSchedulesDueInASlotAreTheWholeModelsForAGenerationAndForLegacy() {
        applyTheDemo();
        assertThat(dispatchedAlike()).as("a generation's dispatches over two days").isGreaterThan(1000);

        assertThat(Cli.run("rollback", NotificationDispatcher.MIGRATION).exitCode()).isZero();
        assertThat(dispatchedAlike()).as("legacy's dispatches over two days").isGreaterThan(1000);
    }

    /**
     * A tick that catches up on an hour (the dispatcher lagged, or a tick failed and was retried) reads the
     * model's schedules once, not once per minute, and each due schedule's rules once for all its minutes;
     * each minute's targets are still the whole model's.
     */
    @Test
    void aTickOfManySlotsReadsEveryScheduleOnceAndEachDueSchedulesRulesOnceForAllItsSlots() {
        applyTheDemo();
        caughtUpInOnePass("a generation");

        assertThat(Cli.run("rollback", NotificationDispatcher.MIGRATION).exitCode()).isZero();
        caughtUpInOnePass("legacy");
    }

    private void caughtUpInOnePass(String model) {
        Executing<DispatchModel> whole = snapshot.call(c -> behavior.read(c, NotificationModel.INSTANCE));
        // from 07:00 UTC: the demo's morning schedules fall in this hour, in several of its zones
        List<Instant> hour = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            hour.add(START.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(i)));
        }
        behavior.inSnapshotByKey(NotificationModel.INSTANCE, (byKey, connection) -> {
            Map<Instant, SortedSet<DispatchTarget>> bySlot = new TreeMap<>();
            DueTargets.Pass pass = new DueTargets().forEach(byKey, hour,
                    (slot, targets) -> bySlot.computeIfAbsent(slot, s -> new TreeSet<>()).addAll(targets));

            long dueSlots = 0;
            for (Instant slot : hour) {
                SortedSet<DispatchTarget> expected = whole.model().dueAt(slot);
                assertThat(bySlot.getOrDefault(slot, new TreeSet<>())).as(model + " at " + slot)
                        .containsExactlyElementsOf(expected);
                dueSlots += expected.isEmpty() ? 0 : 1;
            }
            assertThat(dueSlots).as(model + ": minutes of the hour with targets due").isGreaterThan(1);
            assertThat(pass.keys()).as(model + ": schedules read for 60 minutes").isEqualTo(byKey.keyCount());
            assertThat(pass.parts()).as(model + ": parts read, one per due schedule at most (the demo's fit in one)")
                    .isPositive().isLessThanOrEqualTo(pass.keys());
            return null;
        });
    }

    private void applyTheDemo() {
        Apply.startFromLegacy(generations);
        try (DemoSources sources = DemoSources.start()) {
            Cli.Result applied = Cli.run(Apply.accepting(sources));
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
        }
    }

    /**
     * @return how many targets were due over the slots, each slot's the same set both ways, whether a
     *         schedule's rules are read in parts of {@link DueTargets#PART_ELEMENTS} or of one rule each
     */
    private long dispatchedAlike() {
        Executing<DispatchModel> whole = snapshot.call(c -> behavior.read(c, NotificationModel.INSTANCE));
        DueTargets due = new DueTargets();
        DueTargets oneRuleParts = new DueTargets(1);
        return behavior.inSnapshotByKey(NotificationModel.INSTANCE, (byKey, connection) -> {
            assertThat(byKey.generation()).isEqualTo(whole.generation());
            assertThat(byKey.runId()).isEqualTo(whole.runId());
            assertThat(byKey.keyCount()).isGreaterThanOrEqualTo(whole.model().scheduleCount());
            long dispatched = 0;
            int split = 0;
            for (int i = 0; i < SLOTS; i++) {
                Instant slot = START.plus(Duration.ofMinutes(i));
                SortedSet<DispatchTarget> expected = whole.model().dueAt(slot);
                assertThat(union(due, byKey, slot)).as(slot.toString()).containsExactlyElementsOf(expected);
                List<SortedSet<DispatchTarget>> parts = parts(oneRuleParts, byKey, slot);
                SortedSet<DispatchTarget> together = new TreeSet<>();
                parts.forEach(together::addAll);
                assertThat(together).as(slot.toString()).containsExactlyElementsOf(expected);
                split += parts.size() > 1 ? 1 : 0;
                dispatched += expected.size();
            }
            assertThat(split).as("slots whose due rules came in several parts").isGreaterThan(100);
            return dispatched;
        });
    }

    private static SortedSet<DispatchTarget> union(DueTargets due, ExecutingByKey<DispatchModel> byKey, Instant slot)
            throws SQLException {
        SortedSet<DispatchTarget> all = new TreeSet<>();
        due.forEach(byKey, List.of(slot), (at, targets) -> all.addAll(targets));
        return all;
    }

    private static List<SortedSet<DispatchTarget>> parts(DueTargets due, ExecutingByKey<DispatchModel> byKey, Instant slot)
            throws SQLException {
        List<SortedSet<DispatchTarget>> parts = new ArrayList<>();
        due.forEach(byKey, List.of(slot), (at, targets) -> parts.add(targets));
        return parts;
    }
}
