package dev.cutover.framework.run;

import javax.sql.DataSource;

/**
 * Lets the current transaction commit without waiting for its WAL to reach the disk
 * ({@code set local synchronous_commit = off}): for chunks whose work a restart can redo, and only
 * those. The commit stays atomic and is visible to everyone at once; what it gives up is durability
 * of the last moments (at most about three times {@code wal_writer_delay}) if the database server
 * itself crashes, and then the chunk's writes and the checkpoint JBeret stores in the same transaction
 * are lost together, so the restart resumes from the previous checkpoint and writes them again. A
 * {@code kill -9} of Cutover loses nothing: the server still flushes what it acknowledged.
 * Never for a commit with an effect outside the database's own retry path (activation, stage).
 */
public final class AsyncCommit {

    private AsyncCommit() {
    }

    /** Applies to the transaction the datasource's connection is enlisted in (the chunk's) and ends with it. */
    public static void forCurrentTransaction(DataSource dataSource) {
        Sql.update(dataSource, "set local synchronous_commit = off");
    }
}
