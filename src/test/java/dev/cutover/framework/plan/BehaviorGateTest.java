package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.migration.Migrated;

/**
 * The gate compares shares on a thread of its own while the plan goes on: in the order of the shares,
 * one at a time, with the behavior model's failures thrown to the plan as they were thrown.
 */
class BehaviorGateTest {

    /** Leaves and entities are their values; a model "does" the sorted list of its values. */
    static class Values implements BehaviorModel<String, String, List<String>> {
        final List<String> comparedOn = new CopyOnWriteArrayList<>();
        final List<List<String>> legacyShares = new CopyOnWriteArrayList<>();
        /** a share whose legacy side holds a matching value waits for this latch before it is compared */
        Predicate<List<String>> holdShare = share -> false;
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean releasedInTime;
        /** the legacy value the behavior model cannot execute, or null */
        String unexecutable;

        @Override
        public List<String> legacy(Stream<Migrated<String>> records) {
            List<String> values = records.map(Migrated::leaf).toList();
            for (String value : values) {
                if (value.equals(unexecutable)) {
                    throw new IllegalStateException("record " + value + ": cannot be executed");
                }
            }
            legacyShares.add(values);
            if (holdShare.test(values)) {
                try {
                    releasedInTime = release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return values.stream().sorted().toList();
        }

        @Override
        public List<String> target(Stream<Entity<String>> entities) {
            return entities.map(Entity::body).sorted().toList();
        }

        @Override
        public List<String> empty() {
            return List.of();
        }

        @Override
        public BehaviorCheck compare(List<String> legacy, List<String> planned, Instant horizonStart) {
            comparedOn.add(Thread.currentThread().getName());
            return new BehaviorCheck(0, legacy.size(), planned.size(), legacy.equals(planned));
        }
    }

    private static void add(BehaviorGate<String, String, List<String>> gate, String partition, String value, String id) {
        gate.add(partition, List.of(new Migrated<>(new MemberRef("eu", id, null), value)), List.of(0),
                new Entity<>("p-" + value, value));
    }

    @Test
    void sharesAreComparedOnTheGatesThreadInShareOrderAndAdded() {
        Values behavior = new Values();
        BehaviorCheck check;
        try (BehaviorGate<String, String, List<String>> gate = new BehaviorGate<>(behavior, Instant.EPOCH, 2)) {
            // shares of at least two leaves, closed where a partition ends: {a1, a2}, {b1, b2, b3}, {c1}
            add(gate, "a", "a1", "r-9");
            add(gate, "a", "a2", "r-1");
            add(gate, "b", "b1", "r-3");
            add(gate, "b", "b2", "r-2");
            add(gate, "b", "b3", "r-8");
            add(gate, "c", "c1", "r-5");
            check = gate.finish();
            assertThat(gate.shares()).isEqualTo(3);
        }
        assertThat(check).isEqualTo(new BehaviorCheck(0, 6, 6, true));
        // each share's legacy leaves in record order, the shares in model order
        assertThat(behavior.legacyShares).containsExactly(List.of("a2", "a1"), List.of("b2", "b1", "b3"), List.of("c1"));
        assertThat(behavior.comparedOn).containsOnly("cutover-behavior-gate").hasSize(3);
    }

    @Test
    void theNextShareFillsWhileTheShareBeforeIsCompared() {
        Values behavior = new Values();
        behavior.holdShare = share -> share.contains("a1");
        try (BehaviorGate<String, String, List<String>> gate = new BehaviorGate<>(behavior, Instant.EPOCH, 1)) {
            add(gate, "a", "a1", "r-1");
            // hands share {a1} over; its comparison waits for the release below, so a gate comparing on the
            // caller's thread would hold this add until the release timed out
            add(gate, "b", "b1", "r-2");
            behavior.release.countDown();
            assertThat(gate.finish()).isEqualTo(new BehaviorCheck(0, 2, 2, true));
        }
        assertThat(behavior.releasedInTime).isTrue();
    }

    @Test
    void aShareTheBehaviorModelCannotExecuteFailsThePlanWithItsOwnError() {
        Values behavior = new Values();
        behavior.unexecutable = "b1";
        try (BehaviorGate<String, String, List<String>> gate = new BehaviorGate<>(behavior, Instant.EPOCH, 1)) {
            add(gate, "a", "a1", "r-1");
            add(gate, "b", "b1", "r-2");
            add(gate, "c", "c1", "r-3");
            assertThatThrownBy(gate::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessage("record b1: cannot be executed");
        }
    }

    @Test
    void nothingAddedComparesTwoEmptyModels() {
        Values behavior = new Values();
        try (BehaviorGate<String, String, List<String>> gate = new BehaviorGate<>(behavior, Instant.EPOCH, 1)) {
            assertThat(gate.finish()).isEqualTo(new BehaviorCheck(0, 0, 0, true));
        }
    }

    @Test
    void closingEndsTheGatesThread() throws InterruptedException {
        Values behavior = new Values();
        Thread[] gateThread = new Thread[1];
        behavior.holdShare = share -> {
            gateThread[0] = Thread.currentThread();
            return false;
        };
        try (BehaviorGate<String, String, List<String>> gate = new BehaviorGate<>(behavior, Instant.EPOCH, 1)) {
            add(gate, "a", "a1", "r-1");
            gate.finish();
        }
        assertThat(gateThread[0].getName()).isEqualTo("cutover-behavior-gate");
        gateThread[0].join(TimeUnit.SECONDS.toMillis(30));
        assertThat(gateThread[0].isAlive()).isFalse();
    }
}
