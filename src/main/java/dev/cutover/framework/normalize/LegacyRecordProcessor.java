package dev.cutover.framework.normalize;

import java.util.List;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.migration.Migrations;

/**
 * The normalize step's processor for every migration: hands each legacy record that
 * {@link RawRecordReader} reads to the migration's {@link RecordNormalizer}. The job's name is the
 * migration's id, so no job XML names a normalizer.
 */
@Named
@Dependent
public class LegacyRecordProcessor implements ItemProcessor {

    @Inject
    JobContext jobContext;

    @Inject
    Migrations migrations;

    private RecordNormalizer normalizer;

    @Override
    @SuppressWarnings("unchecked") // RawRecordReader hands out the copies of one record
    public Object processItem(Object record) {
        if (normalizer == null) {
            normalizer = migrations.require(jobContext.getJobName()).normalizer();
        }
        return normalizer.normalize((List<RawItem>) record);
    }
}
