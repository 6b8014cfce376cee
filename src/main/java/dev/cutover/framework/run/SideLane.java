package dev.cutover.framework.run;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One thread of a step's own, named, beside the step's thread: the step hands it work (a share of the
 * behavior gate to compare, model rows to write, a range of leaves for the server to sort, the lineage's
 * queries) and goes on with its own on the other core. Tasks run one at a time, in the order handed. A task's failure reaches the step as the task
 * threw it ({@link #await}), so the step fails as it would have without the lane.
 * <p>
 * {@link #close} drops the tasks not started, interrupts the one running and waits for it to end (at most
 * {@value #CLOSE_MINUTES} minutes: a JDBC call in progress does not stop on an interrupt), so that the
 * caller may close what the lane's tasks use once it returns. The thread is a daemon: a lane never keeps
 * the JVM up. Restart: a lane keeps nothing; a restarted step makes a new one and does its work again.
 */
public final class SideLane implements AutoCloseable {

    static final int CLOSE_MINUTES = 10;

    private final ExecutorService thread;

    /** @param name the thread's name, as thread dumps and profiles show it ({@code cutover-...}) */
    public SideLane(String name) {
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread lane = new Thread(task, name);
            lane.setDaemon(true);
            return lane;
        });
    }

    /** Runs {@code task} once the tasks handed before it have run. */
    public <T> Future<T> submit(Callable<T> task) {
        return thread.submit(task);
    }

    /** Runs {@code task} once the tasks handed before it have run; it handles its own failure. */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /**
     * Waits for a task's result.
     *
     * @param doing what the task does, for the message of a failure that is not the task's own ("the
     *              behavior gate compared share 3")
     * @throws RuntimeException or {@link Error}: what the task threw, as it threw it; an
     *                          {@link IllegalStateException} naming {@code doing} for a checked exception of
     *                          the task's, or for an interrupt of the waiting thread (whose flag is set again)
     */
    public static <T> T await(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("failed while " + doing + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(CLOSE_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
