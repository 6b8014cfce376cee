package dev.cutover.framework.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.cutover.framework.run.SideLane;
import dev.cutover.framework.run.Sql;

/**
 * The rows of a model's key index, made by readers of their own from a query of the model's rows and
 * handed to the index's builder a batch at a time while the builder writes the batches before them: the
 * model's reading and decoding (this process's CPU, most of the work) and the index's writing (the
 * database's) run on the cores at once instead of one after the other. At 1M legacy notification rules
 * (1,193,756 index rows) one thread doing each in turn took 8.1 to 10.2 s, two readers and the builder
 * 5.0 to 5.4 s.
 * <p>
 * The model is read in parts, each by a reader of its own (a thread, a connection and a query of the rows
 * whose key hashes to the part). Each query runs in a read-only transaction of its own
 * ({@link Sql#forEachRow}): a model is complete and unchanged once anything reads it by key, so its rows
 * are the same in the builder's snapshot; the index's rows come in no particular order, which its readers
 * do not need (they sort what they read). Bounded: at most {@value #AHEAD} batches wait. A failure of a
 * query or of the mapping reaches the builder, as thrown, after the batches made before it;
 * {@link #close} stops the readers if the builder fails first.
 */
final class IndexRowFeed implements AutoCloseable {

    /** Maps one row of the model's query to its index rows (none, one or several). */
    @FunctionalInterface
    interface RowMapper {
        void map(ResultSet rs, Consumer<String[]> indexRows) throws SQLException;
    }

    /** Index rows per batch handed over. */
    static final int BATCH = 10_000;

    /** Batches made ahead of the builder. */
    static final int AHEAD = 4;

    /** Readers beyond the processors only wait for one; beyond a few, for the builder's one COPY. */
    static final int MAX_PARTS = 4;

    private static final List<String[]> END = List.of();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(AHEAD);
    private final List<SideLane> lanes = new ArrayList<>();
    private int running;

    /**
     * Starts reading at once, in {@code parts} parts of the model on a thread each.
     *
     * @param sql     the model's query; its only parameter is the run id; {@code and} a condition may follow it
     * @param partKey the column of {@code sql} whose hash parts the model: each row is in one part
     * @param parts   how many readers read the model at once, each its part
     */
    IndexRowFeed(DataSource dataSource, String sql, String partKey, int parts, long runId, RowMapper mapper) {
        running = parts;
        for (int part = 0; part < parts; part++) {
            String partSql = parts == 1 ? sql : sql + " and abs(mod(hashtext(" + partKey + "), " + parts + ")) = " + part;
            SideLane lane = new SideLane("cutover-key-index-reader-" + part);
            lanes.add(lane);
            lane.execute(() -> read(dataSource, partSql, runId, mapper));
        }
    }

    /** @return readers for this machine: one per processor, at most {@value #MAX_PARTS} */
    static int parts() {
        return Math.max(1, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));
    }

    private void read(DataSource dataSource, String sql, long runId, RowMapper mapper) {
        try {
            List<String[]> batch = new ArrayList<>(BATCH);
            Sql.forEachRow(dataSource, sql, ExecutingModelReader.FETCH_SIZE, rs -> {
                mapper.map(rs, batch::add);
                if (batch.size() >= BATCH) {
                    hand(new ArrayList<>(batch));
                    batch.clear();
                }
            }, runId);
            hand(batch);
            hand(END);
        } catch (InterruptedException e) {
            // the builder closed the feed: nobody takes what is left
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException | Error e) {
            handFailure(e);
        }
    }

    /**
     * @return the next batch of index rows, or {@code null} after the last
     * @throws SQLException      the reader's failure in the database
     * @throws RuntimeException or {@link Error}: the reader's failure, as thrown
     */
    List<String[]> next() throws SQLException {
        while (running > 0) {
            Object taken;
            try {
                taken = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the model to index", e);
            }
            if (taken instanceof Failure failure) {
                running = 0;
                throw failure.rethrown();
            }
            @SuppressWarnings("unchecked") // only batches and failures are queued
            List<String[]> batch = (List<String[]>) taken;
            if (batch == END) {
                running--;
            } else {
                return batch;
            }
        }
        return null;
    }

    /** Stops the readers still reading (an interrupt) and waits for their threads to end. */
    @Override
    public void close() {
        lanes.forEach(SideLane::close);
    }

    private void hand(List<String[]> batch) throws InterruptedException {
        batches.put(batch);
    }

    private void handFailure(Throwable e) {
        try {
            batches.put(new Failure(e));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reader's failure, queued after the batches it made. */
    private record Failure(Throwable cause) {

        RuntimeException rethrown() throws SQLException {
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return (RuntimeException) cause;
        }
    }
}
