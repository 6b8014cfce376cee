package dev.cutover.framework.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.OutcomeStore.Position;
import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The normalize step reads raw items by keyset a batch at a time: whatever the batch size, every
 * record comes once with all its copies in listing order (also when they straddle two batches), in
 * (source, record key) order, and a restart from a checkpointed record continues with the next one.
 */
@QuarkusTest
class KeysetRecordReadTest {

    private static final long RUN = 9_100_000_101L;

    @Inject
    OutcomeStore store;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void rawItems() {
        // listing order differs from key order; r2 is listed three times, far apart
        raw("a", 0, "i:r3", "r3");
        raw("a", 1, "i:r2", "r2");
        raw("a", 2, "x:0000000002", null);
        raw("a", 3, "i:r1", "r1");
        raw("a", 5, "i:r2", "r2");
        raw("a", 7, "i:r2", "r2");
        raw("b", 0, "i:r1", "r1");
        raw("b", 1, "i:r1", "r1");
    }

    @AfterEach
    void cleanUp() {
        Sql.update(dataSource, "delete from raw_record where run_id = ?", RUN);
    }

    @Test
    void everyBatchSizeHandsOutEachRecordOnceWithAllItsCopies() {
        List<String> expected = List.of("a/r1:3", "a/r2:1,5,7", "a/r3:0", "a/-:2", "b/r1:0,1");
        for (int batch = 1; batch <= 9; batch++) {
            assertThat(readAll(Position.START, batch)).as("batch of %d items", batch).isEqualTo(expected);
        }
    }

    @Test
    void aRestartFromACheckpointedRecordContinuesWithTheNextOne() {
        for (int batch = 1; batch <= 4; batch++) {
            assertThat(readAll(new Position("a", "i:r2"), batch)).isEqualTo(List.of("a/r3:0", "a/-:2", "b/r1:0,1"));
            assertThat(readAll(new Position("a", "x:0000000002"), batch)).isEqualTo(List.of("b/r1:0,1"));
            assertThat(readAll(new Position("b", "i:r1"), batch)).isEmpty();
        }
    }

    private List<String> readAll(Position after, int batch) {
        RecordCursor cursor = new RecordCursor(after, batch,
                (source, key, index, limit) -> store.itemsAfter(RUN, source, key, index, limit));
        List<String> records = new ArrayList<>();
        for (List<RawItem> record = cursor.next(); record != null; record = cursor.next()) {
            StringBuilder text = new StringBuilder(record.get(0).source()).append('/')
                    .append(record.get(0).id() == null ? "-" : record.get(0).id()).append(':');
            for (int i = 0; i < record.size(); i++) {
                text.append(i == 0 ? "" : ",").append(record.get(i).index());
            }
            records.add(text.toString());
        }
        return records;
    }

    private void raw(String source, int index, String key, String id) {
        Sql.update(dataSource, "insert into raw_record (run_id, source, idx, record_key, rec_id, body) values (?, ?, ?, ?, ?, ?)",
                RUN, source, index, key, id, "{}");
    }
}
