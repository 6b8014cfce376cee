package dev.cutover.framework.normalize;

import java.util.List;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;

/**
 * The normalize step's processor for every migration: hands each legacy record that
 * {@link RawRecordReader} reads to the migration's {@link dev.cutover.framework.migration.RecordNormalizer}
 * and turns its decision into the record's {@link RecordOutcome} (a migrated record's leaves stored as
 * a JSON array through the migration's leaf codec). The job's name is the migration's id, so no job
 * XML names a normalizer. Stateless per record: a restarted chunk decides its records again alike.
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
        return outcome(migration, (List<RawItem>) record);
    }

    /** @return the outcome the migration decides for the copies of one record */
    public static <L> RecordOutcome outcome(MigrationDescriptor<L, ?, ?> migration, List<RawItem> copies) {
        RawItem first = copies.get(0);
        String id = first.id();
        Integer index = id == null ? first.index() : null;
        Normalized<L> decided = migration.normalizer().normalize(copies);
        return switch (decided.kind()) {
            case MIGRATED -> {
                ArrayNode leaves = JsonNodeFactory.instance.arrayNode(decided.leaves().size());
                decided.leaves().forEach(leaf -> leaves.add(migration.leafCodec().toJson(leaf)));
                yield RecordOutcome.migrated(first.source(), id, index, leaves);
            }
            case SKIPPED -> RecordOutcome.skipped(first.source(), id, index, decided.code(), decided.detail());
            case ANOMALY -> RecordOutcome.anomaly(first.source(), id, index, decided.code(), decided.detail());
        };
    }
}
