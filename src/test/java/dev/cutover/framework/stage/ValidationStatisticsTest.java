package dev.cutover.framework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Validation joins the rows a run wrote moments ago. Planned on statistics that predate them,
 * PostgreSQL expects one row for the run and scans all of its lineage once per entity (a nested loop
 * with the entity id as a join filter): 100k entities did not validate in 50 s. The validate step
 * refreshes the statistics first, and the same query then looks each entity up by index.
 */
@QuarkusTest
class ValidationStatisticsTest {

    private static final long RUN = 9_100_000_002L;
    private static final int ENTITIES = 20_000;

    @Inject
    TargetStore targets;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aRunJustWrittenOverStatisticsThatPredateIt() {
        // no autovacuum analyze may refresh the statistics behind the test's back
        TargetStore.VALIDATED_TABLES.forEach(t -> Sql.update(dataSource, "alter table " + t + " set (autovacuum_enabled = false)"));
        // statistics of the tables before the run: what the validate step would find without its refresh
        targets.refreshStatistics();
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, kind, target)
                select ?, 's' || (i % 8), lpad(i::text, 8, '0'), 'r' || i, 'MIGRATED', '[]' from generate_series(1, ?) i""",
                RUN, 2 * ENTITIES);
        Sql.update(dataSource, "insert into target_entity select ?, 'e' || i, i, '{}' from generate_series(1, ?) i", RUN, ENTITIES);
        Sql.update(dataSource, """
                insert into planned_member (run_id, ordinal, entity_id, source, record_key)
                select ?, i % ? + 1, 'e' || (i % ? + 1), 's' || (i % 8), lpad(i::text, 8, '0') from generate_series(1, ?) i""",
                RUN, ENTITIES, ENTITIES, 2 * ENTITIES);
    }

    @AfterEach
    void cleanUp() {
        TargetStore.VALIDATED_TABLES.forEach(t -> Sql.update(dataSource, "delete from " + t + " where run_id = ?", RUN));
        TargetStore.VALIDATED_TABLES.forEach(t -> Sql.update(dataSource, "alter table " + t + " reset (autovacuum_enabled)"));
    }

    @Test
    void afterTheRefreshTheRunsRowsAreCountedAndEachEntityIsLookedUpByIndex() {
        assertThat(estimatedRowsOfTheRun()).as("stale: the statistics do not know the run's rows").isLessThan(ENTITIES / 2);
        // which join PostgreSQL picks on such an estimate depends on the rest of the table: with the
        // tables of a real run it was the nested loop that did not finish; the estimate is the cause

        targets.refreshStatistics();

        assertThat(estimatedRowsOfTheRun()).isGreaterThan(ENTITIES / 2);
        String plan = plan(TargetStore.ENTITIES_WITHOUT_LINEAGE);
        assertThat(plan).doesNotContain("Join Filter");
        assertThat(targets.entitiesWithoutLineage(RUN)).isEmpty();
        assertThat(targets.migratedWithoutEntity(RUN)).isEmpty();
        assertThat(targets.lineageWithoutMigratedRecord(RUN)).isEmpty();
    }

    private long estimatedRowsOfTheRun() {
        String plan = plan("select * from target_entity where run_id = ?");
        return Long.parseLong(plan.replaceAll("(?s).*?rows=(\\d+).*", "$1"));
    }

    private String plan(String sql) {
        return String.join("\n", Sql.query(dataSource, "explain " + sql, rs -> rs.getString(1), RUN));
    }
}
