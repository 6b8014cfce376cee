package dev.cutover.framework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The validate step names what is missing from a staged model: migrated records without a staged entity,
 * staged entities that no record reaches, lineage without a migrated record, each the first 20 in a fixed
 * order. The queries find every orphan first and sort only those (a plan that sorted the run's rows to stop
 * at the 20th took four times as long at 1M records), so here each kind has more than 20 orphans.
 */
@QuarkusTest
class ValidationOrphansTest {

    private static final long RUN = 9_100_000_003L;

    @Inject
    TargetStore targets;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aStagedModelWithMoreThanTwentyOrphansOfEachKind() {
        // migrated records m01..m50; m01..m25 reach entities e01..e25, m26..m50 reach none
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, kind, target)
                select ?, 's', 'i:m' || lpad(i::text, 2, '0'), 'm' || lpad(i::text, 2, '0'), 'MIGRATED', '[]'
                from generate_series(1, 50) i""", RUN);
        // a migrated item without a usable id (reported by its index), and a skipped record that has lineage
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, target)
                values (?, 'a', 'x:0000000007', null, 7, 'MIGRATED', '[]'), (?, 's', 'i:k1', 'k1', null, 'SKIPPED', null)""",
                RUN, RUN);
        Sql.update(dataSource, "insert into target_entity select ?, 'e' || lpad(i::text, 2, '0'), i, '{}' from generate_series(1, 50) i",
                RUN);
        // the lineage of a staged entity is its planned members (the view target_lineage)
        Sql.update(dataSource, """
                insert into planned_member (run_id, ordinal, entity_id, source, record_key)
                select ?, i, 'e' || lpad(i::text, 2, '0'), 's', 'i:m' || lpad(i::text, 2, '0') from generate_series(1, 25) i""", RUN);
        // lineage from records that were never migrated: x01..x25 (no outcome) and k1 (skipped)
        Sql.update(dataSource, """
                insert into planned_member (run_id, ordinal, entity_id, source, record_key)
                select ?, 1, 'e01', 's', 'i:x' || lpad(i::text, 2, '0') from generate_series(1, 25) i""", RUN);
        Sql.update(dataSource, "insert into planned_member (run_id, ordinal, entity_id, source, record_key) values (?, 2, 'e02', 's', 'i:k1')",
                RUN);
        // members of entities that are not staged are no lineage of the staged model: m26 still reaches no entity
        Sql.update(dataSource, """
                insert into planned_member (run_id, ordinal, entity_id, source, record_key)
                values (?, 51, 'e51', 's', 'i:k1'), (?, 52, 'e52', 's', 'i:m26')""", RUN, RUN);
        targets.refreshStatistics();
    }

    @AfterEach
    void cleanUp() {
        TargetStore.VALIDATED_TABLES.forEach(t -> Sql.update(dataSource, "delete from " + t + " where run_id = ?", RUN));
    }

    @Test
    void migratedRecordsWithoutAnEntityAreTheFirstTwentyBySourceAndKey() {
        List<String> expected = new ArrayList<>(List.of("a/#7"));
        IntStream.rangeClosed(26, 44).forEach(i -> expected.add("s/m" + i));
        assertThat(targets.migratedWithoutEntity(RUN)).containsExactlyElementsOf(expected);
    }

    @Test
    void entitiesThatNoRecordReachesAreTheFirstTwentyById() {
        assertThat(targets.entitiesWithoutLineage(RUN))
                .containsExactlyElementsOf(IntStream.rangeClosed(26, 45).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void lineageWithoutAMigratedRecordIsTheFirstTwentyInTextOrder() {
        List<String> expected = new ArrayList<>(List.of("s i:k1 -> e02"));
        IntStream.rangeClosed(1, 19).forEach(i -> expected.add("s i:x%02d -> e01".formatted(i)));
        assertThat(targets.lineageWithoutMigratedRecord(RUN)).containsExactlyElementsOf(expected);
    }
}
