package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.run.SideLane;

/**
 * Hands each entity of the planned model, as stored, to its sink (the model's digest and rows) in model
 * order, on a thread of its own, so that the plan step's thread goes on reading and making the next
 * entities. At most {@value #IN_FLIGHT} batches of {@value #BATCH} entities wait for the sink. A failure
 * of the sink is thrown, as it was thrown, by the next {@link #write} or by {@link #finish}; the entities
 * after it are not handed on. Not thread-safe; {@link #close} ends the thread. Restart: nothing of its own
 * is kept; a restarted plan step makes and writes the model again.
 */
final class ModelWriter implements AutoCloseable {

    static final int BATCH = 256;
    static final int IN_FLIGHT = 8;

    private final Consumer<ObjectNode> sink;
    private final SideLane thread = new SideLane("cutover-model-writer");
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private List<ObjectNode> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;

    ModelWriter(Consumer<ObjectNode> sink) {
        this.sink = sink;
    }

    /** @throws RuntimeException what the sink threw for an entity written before */
    void write(ObjectNode entity) {
        rethrowFailure();
        batch.add(entity);
        if (batch.size() == BATCH) {
            handOver();
        }
    }

    /**
     * Waits until every entity written has been handed to the sink: what the sink made (the digest, the
     * rows) is then complete and visible to the caller.
     *
     * @throws RuntimeException what the sink threw
     */
    void finish() {
        if (!batch.isEmpty()) {
            handOver();
        }
        // every batch handed over holds a permit until the sink is done with it
        acquire(IN_FLIGHT);
        room.release(IN_FLIGHT);
        rethrowFailure();
    }

    /**
     * Drops the batches not handed to the sink yet and waits for the one being handed ({@link SideLane#close}):
     * the caller may then close what the sink writes to without the thread still writing there.
     */
    @Override
    public void close() {
        thread.close();
    }

    private void handOver() {
        List<ObjectNode> full = batch;
        batch = new ArrayList<>(BATCH);
        acquire(1);
        thread.execute(() -> {
            try {
                if (failure == null) {
                    full.forEach(sink);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    private void acquire(int permits) {
        try {
            room.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the planned model was written", e);
        }
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }
}
