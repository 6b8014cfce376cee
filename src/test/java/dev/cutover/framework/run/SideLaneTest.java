package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * A side lane runs a step's tasks one at a time on a named daemon thread, gives back a task's failure as
 * the task threw it, and on close waits for the task running (while dropping those not started), so that
 * its caller may close what the task uses.
 */
class SideLaneTest {

    @Test
    void tasksRunInTheOrderHandedOnOneNamedDaemonThread() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Future<Thread>> threads = new ArrayList<>();
        try (SideLane lane = new SideLane("cutover-test-lane")) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                lane.execute(() -> ran.add("execute " + n));
                threads.add(lane.submit(() -> {
                    ran.add("submit " + n);
                    return Thread.currentThread();
                }));
            }
            List<Thread> used = threads.stream().map(f -> SideLane.await(f, "reporting its thread")).distinct().toList();
            assertThat(used).singleElement().satisfies(t -> {
                assertThat(t.getName()).isEqualTo("cutover-test-lane");
                assertThat(t.isDaemon()).isTrue();
            });
        }
        assertThat(ran).hasSize(40).startsWith("execute 0", "submit 0", "execute 1", "submit 1").endsWith("submit 19");
    }

    @Test
    void aTasksFailureIsThrownAsTheTaskThrewIt() {
        IllegalArgumentException unchecked = new IllegalArgumentException("the behavior model cannot run record r1");
        AssertionError error = new AssertionError("an error of the task's");
        IOException checked = new IOException("a checked failure");
        try (SideLane lane = new SideLane("cutover-test-lane")) {
            Future<Object> first = lane.submit(() -> {
                throw unchecked;
            });
            Future<Object> second = lane.submit(() -> {
                throw error;
            });
            Future<Object> third = lane.submit(() -> {
                throw checked;
            });
            assertThatThrownBy(() -> SideLane.await(first, "comparing share 1")).isSameAs(unchecked);
            assertThatThrownBy(() -> SideLane.await(second, "comparing share 2")).isSameAs(error);
            assertThatThrownBy(() -> SideLane.await(third, "comparing share 3")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("failed while comparing share 3: java.io.IOException: a checked failure").hasCause(checked);
        }
    }

    @Test
    void anInterruptedWaitSaysWhatItWaitedForAndKeepsTheInterrupt() {
        CountDownLatch never = new CountDownLatch(1);
        try (SideLane lane = new SideLane("cutover-test-lane")) {
            Future<Object> blocked = lane.submit(() -> {
                never.await();
                return null;
            });
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> SideLane.await(blocked, "checking the lineage"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("interrupted while checking the lineage");
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void closeWaitsForTheRunningTaskAndDropsTheTasksNotStarted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean queuedRan = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        SideLane lane = new SideLane("cutover-test-lane");
        lane.execute(() -> {
            started.countDown();
            // like a JDBC call in progress: an interrupt does not stop it
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }
            finished.set(true);
        });
        lane.execute(() -> queuedRan.set(true));
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        Thread closer = new Thread(() -> {
            lane.close();
            closed.set(true);
        }, "closer");
        closer.start();
        assertThat(interrupted.await(1, TimeUnit.MINUTES)).as("close interrupts the running task").isTrue();
        // the closer is blocked waiting for the task to end, not returned
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(closer.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(closed).isFalse();
        assertThat(finished).isFalse();

        release.countDown();
        closer.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(closed).isTrue();
        assertThat(finished).isTrue();
        assertThat(queuedRan).isFalse();
    }
}
