package dev.cutover.framework.plan;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.run.Sql;

/**
 * The anomalous records of a plan (DESIGN.md §6 {@code anomalyRecords}), in the report's order
 * ({@link PlanReportBuilder#ANOMALY_ORDER}), never held whole: a run's are read from its record
 * outcomes through a cursor each time they are written (digest, report file, HTTP report), since a
 * run of hostile data may hold as many anomalous records as records. Written as a JSON array.
 *
 * <p>Restart: the outcomes of a run are written once (a replayed normalize chunk adds none), so every
 * reading of a run's records lists the same records in the same order, before and after a restart.
 */
@JsonSerialize(using = AnomalyRecords.AsArray.class)
public sealed interface AnomalyRecords {

    /** Takes each record in turn; may fail like a writer. */
    @FunctionalInterface
    interface Sink {
        void accept(PlanReport.AnomalyRecord record) throws IOException;
    }

    /** Hands each record to {@code sink}, in the report's order, without holding them. */
    void forEach(Sink sink) throws IOException;

    /** @return the records of a list, in the list's order (a list that is small enough to hold) */
    static AnomalyRecords listed(List<PlanReport.AnomalyRecord> records) {
        return new Listed(List.copyOf(records));
    }

    /** @return the anomalous records the normalize step stored for run {@code runId} */
    static AnomalyRecords stored(DataSource dataSource, long runId) {
        return new Stored(dataSource, runId);
    }

    /** Records given as a list. */
    record Listed(List<PlanReport.AnomalyRecord> records) implements AnomalyRecords {

        @Override
        public void forEach(Sink sink) throws IOException {
            for (PlanReport.AnomalyRecord record : records) {
                sink.accept(record);
            }
        }
    }

    /**
     * A run's records, read from {@code record_outcome}. Sorted by the database: with the "C" collation
     * text compares as UTF-8 bytes, which is code-point order, the order of the contracts; ids are
     * storable text (an id holding U+0000 is not usable, so its item is listed by index).
     */
    record Stored(DataSource dataSource, long runId) implements AnomalyRecords {

        @Override
        public void forEach(Sink sink) throws IOException {
            try {
                Sql.<IOException> forEachRow(dataSource, """
                        select source, rec_id, idx, code, detail from record_outcome
                        where run_id = ? and kind = 'ANOMALY'
                        order by source collate "C", rec_id is null, rec_id collate "C", idx""",
                        ExecutingModelReader.FETCH_SIZE, rs -> sink.accept(new PlanReport.AnomalyRecord(rs.getString(1),
                                rs.getString(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5))),
                        runId);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the anomalous records of run " + runId + ": " + e.getMessage(), e);
            }
        }
    }

    /** Writes the records as a JSON array, each as the mapper writes a record, one at a time. */
    final class AsArray extends JsonSerializer<AnomalyRecords> {

        @Override
        public void serialize(AnomalyRecords records, JsonGenerator generator, SerializerProvider serializers)
                throws IOException {
            JsonSerializer<Object> each = serializers.findValueSerializer(PlanReport.AnomalyRecord.class);
            generator.writeStartArray();
            records.forEach(record -> each.serialize(record, generator, serializers));
            generator.writeEndArray();
        }
    }
}
