package dev.cutover.ops.lease;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Renews the leases of the executions running in this process every {@code cutover.lease.renew-every}
 * (chunk commits renew them too). An execution that finds its lease taken over is stopped: whatever
 * it still tries to commit would be fenced anyway.
 */
@ApplicationScoped
public class LeaseHeartbeat {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);

    @Inject
    LeaseManager leases;

    @Inject
    LeaseConfig config;

    @Inject
    JobOperator jobOperator;

    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public synchronized void register(String migration, long executionId) {
        running.put(executionId, migration);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cutover-lease-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long period = config.renewEvery().toMillis();
            timer.scheduleAtFixedRate(this::renewAll, period, period, TimeUnit.MILLISECONDS);
        }
    }

    public void unregister(long executionId) {
        running.remove(executionId);
    }

    /** @return the executions running in this process with their migration */
    public Map<Long, String> running() {
        return Map.copyOf(running);
    }

    private void renewAll() {
        running.forEach((executionId, migration) -> {
            try {
                if (!leases.renew(migration, executionId)) {
                    LOG.errorf("execution %d lost the lease of %s to another execution: stopping it", executionId, migration);
                    running.remove(executionId);
                    jobOperator.stop(executionId);
                }
            } catch (RuntimeException e) {
                // the database may be briefly unreachable: the next beat tries again before the lease expires
                LOG.warnf("could not renew the lease of execution %d: %s", executionId, e.getMessage());
            }
        });
    }

    @PreDestroy
    synchronized void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
