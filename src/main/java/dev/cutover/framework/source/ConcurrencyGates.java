package dev.cutover.framework.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One {@link ConcurrencyGate} per running execution, shared by its partitions (which run on
 * several threads of this process). {@link #release} forgets it when the execution ends.
 */
@ApplicationScoped
public class ConcurrencyGates {

    private final Map<Long, ConcurrencyGate> gates = new ConcurrentHashMap<>();

    /** @return the execution's gate, created with {@code limit} permits on first use */
    public ConcurrencyGate forExecution(long executionId, int limit) {
        return gates.computeIfAbsent(executionId, id -> new ConcurrencyGate(limit));
    }

    /** @return whether a gate is kept for the execution (only while it runs) */
    public boolean holds(long executionId) {
        return gates.containsKey(executionId);
    }

    public void release(long executionId) {
        gates.remove(executionId);
    }
}
