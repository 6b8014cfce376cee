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
 * The normalize step reads each source's raw items by keyset a batch at a time: whatever the batch
 * size, every record of the source comes once with all its copies in listing order (also when they
 * straddle two batches), in record key order, never a record of another source, and a restart
 * continues after the last record of the source that has an outcome.
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
        Sql.update(dataSource, "delete from record_outcome where run_id in (?, ?)", RUN, RUN + 1);
    }

    @Test
    void everyBatchSizeHandsOutEachRecordOfTheSourceOnceWithAllItsCopies() {
        for (int batch = 1; batch <= 9; batch++) {
            assertThat(readAll("a", "", batch)).as("batch of %d items", batch)
                    .isEqualTo(List.of("a/r1:3", "a/r2:1,5,7", "a/r3:0", "a/-:2"));
            assertThat(readAll("b", "", batch)).as("batch of %d items", batch).isEqualTo(List.of("b/r1:0,1"));
        }
    }

    @Test
    void aRestartContinuesAfterTheLastRecordOfTheSourceWithAnOutcome() {
        assertThat(store.resumeAfter(RUN, "a")).isEqualTo(new Position("a", ""));
        // outcomes of another source or run do not move this source's position
        outcome(RUN, "b", "i:r1");
        outcome(RUN + 1, "a", "i:r3");
        assertThat(store.resumeAfter(RUN, "a")).isEqualTo(new Position("a", ""));
        outcome(RUN, "a", "i:r1");
        outcome(RUN, "a", "i:r2");
        assertThat(store.resumeAfter(RUN, "a")).isEqualTo(new Position("a", "i:r2"));
        assertThat(store.resumeAfter(RUN, "b")).isEqualTo(new Position("b", "i:r1"));
        for (int batch = 1; batch <= 4; batch++) {
            assertThat(readAll("a", store.resumeAfter(RUN, "a").recordKey(), batch)).isEqualTo(List.of("a/r3:0", "a/-:2"));
            assertThat(readAll("a", "x:0000000002", batch)).isEmpty();
            assertThat(readAll("b", store.resumeAfter(RUN, "b").recordKey(), batch)).isEmpty();
        }
    }

    private List<String> readAll(String source, String afterKey, int batch) {
        RecordCursor cursor = new RecordCursor(afterKey, batch,
                (key, index, limit) -> store.itemsAfter(RUN, source, key, index, limit));
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

    private void outcome(long run, String source, String key) {
        Sql.update(dataSource, "insert into record_outcome (run_id, source, record_key, rec_id, kind) values (?, ?, ?, ?, 'MIGRATED')",
                run, source, key, key.substring(2));
    }

    private void raw(String source, int index, String key, String id) {
        Sql.update(dataSource, "insert into raw_record (run_id, source, idx, record_key, rec_id, body) values (?, ?, ?, ?, ?, ?)",
                RUN, source, index, key, id, "{}");
    }
}
