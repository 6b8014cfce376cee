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

    public void release(long executionId) {
        gates.remove(executionId);
    }
}
