package dev.cutover.framework.run;

import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;

/**
 * A framework chunk step's writer. JBeret writes the chunk it is stopping with whatever it holds, so a
 * stop that arrives as the reader ends its chunk with no item hands the writer an empty chunk
 * ({@code ChunkRunner.doCheckpoint}); this class never passes that on: {@link #writeChunk} gets at least
 * one item, and an empty chunk stores, fences and reports nothing (the step ends STOPPED, not FAILED by
 * a writer reading a first or last item that is not there). Restart: no state of its own.
 */
public abstract class ChunkWriter extends AbstractItemWriter {

    @Override
    public final void writeItems(List<Object> items) {
        if (!items.isEmpty()) {
            writeChunk(items);
        }
    }

    /** Writes a chunk of at least one item, in the chunk's transaction. */
    protected abstract void writeChunk(List<Object> items);
}
