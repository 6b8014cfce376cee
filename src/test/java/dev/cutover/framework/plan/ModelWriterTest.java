package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The planned model's entities reach the digest and the rows on the writer's thread, in model order,
 * all of them once {@code finish} returns, with a bounded number waiting, and a failure of the sink is
 * the plan's failure.
 */
class ModelWriterTest {

    private static ObjectNode entity(int n) {
        return JsonNodeFactory.instance.objectNode().put("id", "p-" + n);
    }

    @Test
    void everyEntityReachesTheSinkInModelOrderOnTheWritersThreadByFinish() {
        List<String> written = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        int entities = 3 * ModelWriter.BATCH + 17;
        try (ModelWriter writer = new ModelWriter(json -> {
            written.add(json.get("id").textValue());
            threads.add(Thread.currentThread().getName());
        })) {
            for (int n = 0; n < entities; n++) {
                writer.write(entity(n));
            }
            writer.finish();
            assertThat(written).hasSize(entities);
        }
        for (int n = 0; n < entities; n++) {
            assertThat(written.get(n)).isEqualTo("p-" + n);
        }
        assertThat(threads).containsOnly("cutover-model-writer");
    }

    @Test
    void aFailureOfTheSinkIsThrownToThePlanAndNothingAfterItIsWritten() {
        AtomicInteger handed = new AtomicInteger();
        try (ModelWriter writer = new ModelWriter(json -> {
            if (handed.incrementAndGet() == 5) {
                throw new IllegalStateException("cannot write the planned model of run 7: gone");
            }
        })) {
            // thrown by a later write or, at the latest, by finish
            assertThatThrownBy(() -> {
                for (int n = 0; n < 2 * ModelWriter.BATCH; n++) {
                    writer.write(entity(n));
                }
                writer.finish();
            }).isInstanceOf(IllegalStateException.class).hasMessage("cannot write the planned model of run 7: gone");
            assertThatThrownBy(() -> writer.write(entity(0))).hasMessage("cannot write the planned model of run 7: gone");
        }
        assertThat(handed.get()).isEqualTo(5);
    }

    @Test
    void aSlowSinkHoldsThePlanBackOnceTheWaitingBatchesAreFull() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        try (ModelWriter writer = new ModelWriter(json -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            Thread plan = new Thread(() -> {
                for (int n = 0; n < 20 * ModelWriter.BATCH; n++) {
                    writer.write(entity(n));
                    accepted.incrementAndGet();
                }
                writer.finish();
            });
            plan.start();
            // the plan's thread parks once the sink holds one batch and IN_FLIGHT - 1 more wait for it
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (plan.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(plan.getState()).isEqualTo(Thread.State.WAITING);
            assertThat(accepted.get()).isEqualTo((ModelWriter.IN_FLIGHT + 1) * ModelWriter.BATCH - 1);
            release.countDown();
            plan.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(accepted.get()).isEqualTo(20 * ModelWriter.BATCH);
        }
    }
}
