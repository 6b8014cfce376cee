package dev.cutover.framework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The feed of a key index's rows ({@link IndexRowFeed}): every row of the model once, whatever the number
 * of readers; a reader's failure reaches the builder; closing the feed ends every reader, including those
 * waiting for the builder to take a batch.
 */
@QuarkusTest
class IndexRowFeedTest {

    // the "model": 25,000 rows, more than two batches; the run id parameter is only checked
    private static final String ROWS = "select k from (select n::text k from generate_series(1, 25000) n) m where ? > 0";

    @Inject
    DataSource dataSource;

    @Test
    void everyRowOfTheModelComesOnceWhateverTheNumberOfReaders() throws SQLException {
        for (int parts : new int[] { 1, 3 }) {
            List<String> keys = new ArrayList<>();
            try (IndexRowFeed feed = new IndexRowFeed(dataSource, ROWS, "k", parts, 1, (rs, rows) -> rows.accept(
                    new String[] { rs.getString(1) }))) {
                for (List<String[]> batch = feed.next(); batch != null; batch = feed.next()) {
                    assertThat(batch).hasSizeLessThanOrEqualTo(IndexRowFeed.BATCH);
                    batch.forEach(row -> keys.add(row[0]));
                }
                assertThat(feed.next()).isNull();
            }
            assertThat(keys).as("%d readers", parts).hasSize(25_000).doesNotHaveDuplicates();
            assertNoReaderLeft();
        }
    }

    @Test
    void aReadersFailureReachesTheBuilderAfterTheBatchesMadeBeforeIt() {
        List<String[]> taken = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (IndexRowFeed feed = new IndexRowFeed(dataSource, ROWS, "k", 1, 1, (rs, rows) -> {
                if (rs.getString(1).equals("22222")) {
                    throw new IllegalStateException("record 22222 is not JSON");
                }
                rows.accept(new String[] { rs.getString(1) });
            })) {
                for (List<String[]> batch = feed.next(); batch != null; batch = feed.next()) {
                    taken.addAll(batch);
                }
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("record 22222 is not JSON");

        assertThat(taken).hasSize(2 * IndexRowFeed.BATCH);
        assertNoReaderLeft();
    }

    @Test
    void aFailureInTheDatabaseReachesTheBuilderAsTheDatabaseSaidIt() {
        assertThatThrownBy(() -> {
            try (IndexRowFeed feed = new IndexRowFeed(dataSource, "select k from no_such_model where run_id = ?", "k", 2, 1,
                    (rs, rows) -> rows.accept(new String[] { rs.getString(1) }))) {
                feed.next();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("no_such_model");
        assertNoReaderLeft();
    }

    @Test
    void closingTheFeedEndsTheReadersThatWaitForTheBuilder() throws SQLException {
        try (IndexRowFeed feed = new IndexRowFeed(dataSource, ROWS.replace("25000", "200000"), "k", 2, 1,
                (rs, rows) -> rows.accept(new String[] { rs.getString(1) }))) {
            // the builder takes one batch and fails: the readers fill the queue and wait on it
            assertThat(feed.next()).hasSize(IndexRowFeed.BATCH);
        }
        assertNoReaderLeft();
    }

    /** close() waits for the readers' tasks to end; their threads end with them (a thread ends just after) */
    private static void assertNoReaderLeft() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(name -> name.startsWith("cutover-key-index-reader")))
                .isEmpty());
    }
}
