package dev.cutover.framework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stage copies ranges of the planned model in the database: every entity exactly once, with its members as
 * its lineage, however the ranges fall and however often a chunk is replayed after a crash.
 */
@QuarkusTest
class StageRangeTest {

    private static final long RUN = 9_100_000_004L;
    private static final int ENTITIES = 1000;
    // target_lineage is a view of the last two (V25): cleaned up with them
    private static final List<String> TABLES = List.of("planned_entity", "planned_member", "target_entity");

    @Inject
    TargetStore targets;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aPlannedModelOfAThousandEntitiesWithTwoMembersEach() {
        Sql.update(dataSource, """
                insert into planned_entity (run_id, ordinal, entity_id, body)
                select ?, i, 'e' || i, '{"id":"e' || i || '","n":' || i || '}' from generate_series(0, ? - 1) i""",
                RUN, ENTITIES);
        Sql.update(dataSource, """
                insert into planned_member (run_id, ordinal, entity_id, source, record_key)
                select ?, i / 2, 'e' || (i / 2), 's', 'i:r' || i from generate_series(0, 2 * ? - 1) i""", RUN, ENTITIES);
    }

    @AfterEach
    void cleanUp() {
        TABLES.forEach(t -> Sql.update(dataSource, "delete from " + t + " where run_id = ?", RUN));
    }

    @Test
    void rangesCopyEachEntityAndMemberOnceEvenWhenAChunkIsReplayed() {
        targets.stage(RUN, 0, 300);
        targets.stage(RUN, 0, 300); // the chunk replayed after a crash before its checkpoint
        targets.stage(RUN, 300, 999);
        targets.stage(RUN, 999, 1000);

        assertThat(count("target_entity")).isEqualTo(ENTITIES);
        assertThat(count("target_lineage")).isEqualTo(2L * ENTITIES);
        assertThat(Sql.query(dataSource, """
                select count(*) from target_entity t join planned_entity p
                  on p.run_id = t.run_id and p.entity_id = t.entity_id and p.ordinal = t.ordinal and p.body = t.body
                where t.run_id = ?""", rs -> rs.getLong(1), RUN)).containsExactly((long) ENTITIES);
    }

    @Test
    void aRangeOverlappingOneStagedBeforeCopiesOnlyTheEntitiesNotStagedAndTheirMembersOnce() {
        targets.stage(RUN, 0, 300);
        // chunks of another size after a restart: this range holds 100 staged entities and 200 new ones
        targets.stage(RUN, 200, 500);

        assertThat(count("target_entity")).isEqualTo(500);
        assertThat(count("target_lineage")).isEqualTo(1000);
        assertThat(Sql.query(dataSource, """
                select count(*) from (select distinct source, record_key, entity_id from target_lineage where run_id = ?) l""",
                rs -> rs.getLong(1), RUN)).containsExactly(1000L);
    }

    @Test
    void aRangeResumesAfterItsStagedStartOrElseAtItsStart() {
        assertThat(targets.resumeAt(RUN, 200, 500)).as("nothing staged").isEqualTo(200);
        targets.stage(RUN, 0, 250);
        targets.stage(RUN, 600, 700);
        assertThat(targets.resumeAt(RUN, 200, 500)).as("its first 50 staged").isEqualTo(250);
        assertThat(targets.resumeAt(RUN, 0, 500)).as("its first 250 staged").isEqualTo(250);
        assertThat(targets.resumeAt(RUN, 250, 600)).as("none of it staged, the ranges around it are").isEqualTo(250);
        assertThat(targets.resumeAt(RUN, 600, 650)).as("staged whole").isEqualTo(650);
        // staged by ranges cut otherwise: a run not from its start, or with a gap, resumes at its start
        assertThat(targets.resumeAt(RUN, 500, 1000)).isEqualTo(500);
        assertThat(targets.resumeAt(RUN, 0, 1000)).isEqualTo(0);
    }

    @Test
    void aRangeCopiesNothingOutsideIt() {
        targets.stage(RUN, 10, 20);
        assertThat(Sql.query(dataSource, "select min(ordinal) || '-' || max(ordinal) from target_entity where run_id = ?",
                rs -> rs.getString(1), RUN)).containsExactly("10-19");
        assertThat(count("target_lineage")).isEqualTo(20);
    }

    private long count(String table) {
        return Sql.query(dataSource, "select count(*) from " + table + " where run_id = ?", rs -> rs.getLong(1), RUN).get(0);
    }
}
