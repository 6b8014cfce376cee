package dev.cutover.support;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Runs work in a transaction of its own that is always rolled back, so a test leaves nothing behind. */
public final class RolledBack extends RuntimeException {

    private RolledBack() {
        super("rolled back on purpose", null, false, false);
    }

    /** Runs {@code work} in a new transaction, then rolls it back; the work's own failures propagate. */
    public static void inATransaction(Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the work ran to its end
        }
    }
}
