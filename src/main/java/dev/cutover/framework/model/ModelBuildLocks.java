package dev.cutover.framework.model;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock per model for the threads of this process that build its key index ({@link ModelKeyIndex}):
 * each runs its build alone, the others wait in the JVM. A model's lock is removed when the last thread
 * that took it is done, so a long-running {@code serve}, which builds indexes at every plan and activation
 * of its life, holds locks only for the builds in progress. Thread-safe.
 */
final class ModelBuildLocks {

    private final Map<ModelOfRun, Lock> locks = new ConcurrentHashMap<>();

    /** One model's lock; {@code users} changes only inside the map's compute of its model. */
    private static final class Lock {
        int users;
    }

    /** Runs {@code work} once no other thread of this process runs work for the same model. */
    void runAlone(ModelOfRun model, Runnable work) {
        Lock lock = locks.compute(model, (key, held) -> {
            Lock taken = held == null ? new Lock() : held;
            taken.users++;
            return taken;
        });
        try {
            synchronized (lock) {
                work.run();
            }
        } finally {
            // a thread arriving after this removal makes a new lock: the work before it is done
            locks.compute(model, (key, held) -> --held.users == 0 ? null : held);
        }
    }

    /** @return the models whose lock is taken: work in progress or waited for */
    Set<ModelOfRun> held() {
        return Set.copyOf(locks.keySet());
    }
}
