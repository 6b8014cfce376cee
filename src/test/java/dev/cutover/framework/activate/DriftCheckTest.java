package dev.cutover.framework.activate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/** The drift check looks up what the run retrieved for the changed ids only, by their record keys. */
@QuarkusTest
class DriftCheckTest {

    @Inject
    DriftCheck drift;

    @Inject
    DataSource dataSource;

    @Test
    void theVersionsOfTheChangedIdsAreThoseTheRunRetrievedWhateverTheirLength() {
        long run = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
        String longId = "r-" + "\u00e9".repeat(RecordKey.LONGEST_SPELLED_ID + 50);
        item(run, "eu", 0, "r-1", BigDecimal.valueOf(3));
        // a copy listed again later at a higher version: the highest one read counts
        item(run, "eu", 1, "r-1", BigDecimal.valueOf(4));
        item(run, "eu", 2, longId, BigDecimal.valueOf(7));
        item(run, "eu", 3, "r-no-version", null);
        item(run, "eu", 4, "r-not-asked", BigDecimal.ONE);
        item(run, "us", 0, "r-2", BigDecimal.ONE);
        item(run + 1, "eu", 0, "r-2", BigDecimal.ONE);

        Map<String, BigDecimal> expected = new HashMap<>();
        expected.put("r-1", BigDecimal.valueOf(4));
        expected.put(longId, BigDecimal.valueOf(7));
        expected.put("r-no-version", null);
        assertThat(drift.retrievedVersions(run, "eu", List.of("r-1", longId, "r-no-version", "r-2", "r-never")))
                .isEqualTo(expected);
    }

    private void item(long run, String source, int index, String id, BigDecimal version) {
        Sql.update(dataSource, """
                insert into raw_record (run_id, source, idx, record_key, rec_id, body, version)
                values (?, ?, ?, ?, ?, '{}', ?)""", run, source, index, RecordKey.of(id, index), id, version);
    }
}
