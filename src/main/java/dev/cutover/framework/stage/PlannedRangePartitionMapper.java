package dev.cutover.framework.stage;

import java.util.Properties;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.run.PartitionThreads;
import dev.cutover.framework.run.RerunPartitions;

/**
 * The stage step's partitions: the planned model's ordinals cut into consecutive ranges of about equal
 * size, one per thread, so that several server processes copy the model at once. A chunk's copy is one
 * statement, which PostgreSQL runs on one process: copied one range at a time, the stage of 1M
 * notification rules kept one of two cores busy and left the other idle. Threads: the {@code threads}
 * property (the system property {@code cutover.stage.threads} in the job XML) when given, else one per
 * available processor; never more ranges than entities. A range smaller than a chunk costs a thread and a
 * commit, milliseconds, and keeps the partitioned path the one every apply and every test takes.
 * <p>
 * Once per step start, before any partition reads, it tells the step's progress how many entities the
 * plan has and how many are staged.
 * <p>
 * On restart the plan is made again and every range runs again ({@link RerunPartitions}): each resumes
 * after what of it is staged ({@link PlannedEntityReader}), and one staged whole ends at once. The ranges
 * may differ from the last execution's (another processor count): a range whose staged entities are not
 * one run from its start is copied again from its start, which adds nothing twice
 * ({@link TargetStore#stage}).
 */
@Named
@Dependent
public class PlannedRangePartitionMapper implements PartitionMapper {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    PlanStore plans;

    @Inject
    TargetStore targets;

    @Inject
    RunProgress progress;

    @Inject
    @BatchProperty
    String threads;

    @Override
    public PartitionPlan mapPartitions() {
        long runId = jobContext.getInstanceId();
        if (plans.digest(runId).isEmpty()) {
            throw new IllegalStateException("the run has no planned model to stage");
        }
        int count = plans.plannedEntityCount(runId);
        // what the phase counts (ItemCountListener adds each written chunk, whichever partition wrote it)
        progress.phase(jobContext.getExecutionId(), stepContext.getStepName()).counting(null,
                plans.entityKind(runId).orElse("entities"), count, targets.entityCount(runId));
        Properties[] partitions = ranges(count,
                PartitionThreads.of(threads, Runtime.getRuntime().availableProcessors(), "cutover.stage.threads"));
        return RerunPartitions.of(partitions, partitions.length);
    }

    /**
     * @return consecutive ranges of ordinals {@code from} (inclusive) to {@code to} (exclusive) covering
     *         {@code 0} to {@code count}, at most {@code threads} of them and none empty (one, empty, for an
     *         empty model)
     */
    static Properties[] ranges(int count, int threads) {
        int n = Math.max(1, Math.min(threads, count));
        Properties[] ranges = new Properties[n];
        for (int i = 0; i < n; i++) {
            ranges[i] = new Properties();
            ranges[i].setProperty("from", Long.toString((long) count * i / n));
            ranges[i].setProperty("to", Long.toString((long) count * (i + 1) / n));
        }
        return ranges;
    }
}
