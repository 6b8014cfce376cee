package dev.cutover.ops.lease;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The commands of this process that are running an execution and have not yet reported its outcome.
 * A SIGTERM stops the execution at once now, so the shutdown could otherwise tear the container down
 * while the command is still printing "execution N stopped" and its exit code: the shutdown waits for
 * them ({@link #awaitNone}) after the executions have ended.
 */
@ApplicationScoped
public class CommandsInFlight {

    private int running;

    /** A command starts running an execution; {@link #exit()} in a finally block when it has reported. */
    public synchronized void enter() {
        running++;
    }

    public synchronized void exit() {
        running--;
        notifyAll();
    }

    /** @return whether no command was left running within {@code timeout} */
    public synchronized boolean awaitNone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running == 0;
        }
    }
}
