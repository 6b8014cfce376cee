package dev.cutover.framework.run;

import java.util.Properties;

import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;

/**
 * The partition plan of every partitioned step: its partitions all run on every start and every restart,
 * on at most as many threads as there are partitions (at least one).
 * <p>
 * Why every partition on restart: left to itself, JBeret restarts only the unfinished partitions it
 * recorded for the step, and records them one by one after the step began. A process killed before it
 * recorded them all (killed at the start of the step) left a step whose restart ran no partition, or some,
 * and completed: sources never retrieved, an empty or partial plan. So the plan overrides JBeret's record
 * of the partitions, and each partition's reader resumes after what the run stored of its share (pages of
 * its source, outcomes of its source's records, staged entities of its range); one whose share is done
 * ends at once.
 */
public final class RerunPartitions {

    private RerunPartitions() {
    }

    /**
     * @param partitions each partition's properties, in the order the partitions are numbered
     * @param threads    the threads asked for; the plan runs on {@code max(1, min(threads, partitions))}
     * @return a plan of these partitions that overrides JBeret's record of the step's partitions
     */
    public static PartitionPlan of(Properties[] partitions, int threads) {
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.length);
        plan.setThreads(Math.max(1, Math.min(threads, partitions.length)));
        plan.setPartitionProperties(partitions);
        plan.setPartitionsOverride(true);
        return plan;
    }
}
