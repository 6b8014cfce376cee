package dev.cutover.framework.normalize;

import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.migration.TargetPlanner;

/**
 * The normalize step's processor for every migration: hands each legacy record that
 * {@link RawRecordReader} reads to the migration's {@link dev.cutover.framework.migration.RecordNormalizer}
 * and turns its decision into the record's {@link DecidedRecord}: its {@link RecordOutcome} (a migrated
 * record's leaves stored as a JSON array through the migration's leaf codec) and, for a migrated record,
 * each leaf with the group key and model order of the migration's {@link TargetPlanner}, so that the
 * plan step only sorts and groups. The job's name is the migration's id, so no job XML names a
 * normalizer. Stateless per record: a restarted chunk decides its records again alike.
 */
@Named
@Dependent
public class LegacyRecordProcessor implements ItemProcessor {

    @Inject
    JobContext jobContext;

    @Inject
    Migrations migrations;

    private MigrationDescriptor<?, ?, ?> migration;

    @Override
    @SuppressWarnings("unchecked") // RawRecordReader hands out the copies of one record
    public Object processItem(Object record) {
        if (migration == null) {
            migration = migrations.require(jobContext.getJobName());
        }
        return decide(migration, (List<RawItem>) record);
    }

    /** @return the outcome the migration decides for the copies of one record */
    public static <L> RecordOutcome outcome(MigrationDescriptor<L, ?, ?> migration, List<RawItem> copies) {
        return decide(migration, copies).outcome();
    }

    /**
     * @return the outcome the migration decides for the copies of one record, with its leaves keyed
     * @throws IllegalStateException naming the record when the planner cannot key one of its leaves
     */
    public static <L> DecidedRecord decide(MigrationDescriptor<L, ?, ?> migration, List<RawItem> copies) {
        RawItem first = copies.get(0);
        String id = first.id();
        Integer index = id == null ? first.index() : null;
        Normalized<L> decided = migration.normalizer().normalize(copies);
        return switch (decided.kind()) {
            case MIGRATED -> {
                ArrayNode target = JsonNodeFactory.instance.arrayNode(decided.leaves().size());
                decided.leaves().forEach(leaf -> target.add(migration.leafCodec().toJson(leaf)));
                RecordOutcome outcome = RecordOutcome.migrated(first.source(), id, index, target);
                yield new DecidedRecord(outcome, keyedLeaves(migration, outcome));
            }
            case SKIPPED -> new DecidedRecord(RecordOutcome.skipped(first.source(), id, index, decided.code(),
                    decided.detail()), List.of());
            case ANOMALY -> new DecidedRecord(RecordOutcome.anomaly(first.source(), id, index, decided.code(),
                    decided.detail()), List.of());
        };
    }

    /**
     * @return the leaves of a migrated outcome keyed as the plan step keys them from the stored target:
     *         each read back through the codec first, so that a plan from these rows and a plan from the
     *         outcomes (a run normalized before the rows existed) are the same plan
     * @throws IllegalStateException naming the record when the codec or the planner fails on a leaf
     */
    public static <L> List<DecidedRecord.KeyedLeaf> keyedLeaves(MigrationDescriptor<L, ?, ?> migration,
            RecordOutcome migrated) {
        TargetPlanner<L, ?> planner = migration.planner();
        List<DecidedRecord.KeyedLeaf> keyed = new ArrayList<>(migrated.target().size());
        for (JsonNode json : migrated.target()) {
            try {
                JsonNode key = planner.groupKey(migration.leafCodec().fromJson(json));
                keyed.add(new DecidedRecord.KeyedLeaf(keyed.size(), planner.keyOrder(key).toString(), key.toString(),
                        json.toString()));
            } catch (RuntimeException e) {
                throw new IllegalStateException(migration.id() + " could not group leaf " + keyed.size() + " of the record "
                        + migrated.member() + ": " + e, e);
            }
        }
        return keyed;
    }
}
