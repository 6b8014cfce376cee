package dev.cutover.framework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The validate step checks the staged model's lineage in the database (set-based queries that keep one
 * server process busy) on a thread of its own while its own thread checks the entities one by one, and
 * lists the problems of both in one fixed order: counts, lineage orphans, then each entity's own.
 */
@QuarkusTest
class ValidationLanesTest {

    /** How long a lane waits for the other to start before the test calls them sequential. */
    private static final long OVERLAP_WAIT_SECONDS = 60;

    @Inject
    DataSource dataSource;

    @Test
    void theLineageIsCheckedWhileTheEntitiesAreCheckedOneByOne() throws Exception {
        CountDownLatch lineageStarted = new CountDownLatch(1);
        CountDownLatch entitiesStarted = new CountDownLatch(1);
        AtomicBoolean lineageSawEntities = new AtomicBoolean();
        AtomicBoolean entitiesSawLineage = new AtomicBoolean();
        QuarkusMock.installMockForType(new StepProbe() {
            @Override
            public void reached(String point) {
                try {
                    // each lane waits at its start for the other's: only lanes that run at once both see it
                    if (point.equals("validate-lineage")) {
                        lineageStarted.countDown();
                        lineageSawEntities.set(entitiesStarted.await(OVERLAP_WAIT_SECONDS, TimeUnit.SECONDS));
                    } else if (point.equals("validate-entities")) {
                        entitiesStarted.countDown();
                        entitiesSawLineage.set(lineageStarted.await(OVERLAP_WAIT_SECONDS, TimeUnit.SECONDS));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, StepProbe.class);
        try (DemoSources sources = DemoSources.start()) {
            Result r = Cli.run(Apply.accepting(sources));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("activated");
        }
        assertThat(lineageSawEntities).as("the entities' check started while the lineage was checked").isTrue();
        assertThat(entitiesSawLineage).as("the lineage's check started while the entities were checked").isTrue();
    }

    @Test
    @InjectsFaults("a staged model broken at the start of the validate step: a record's lineage dropped, a policy's recipients emptied")
    void problemsOfTheLineageAndOfTheEntitiesAreListedCountsFirstThenOrphansThenEachEntitys() {
        String[] broken = new String[3];
        QuarkusMock.installMockForType(new StepProbe() {
            @Override
            public void reached(String point) {
                if (point.equals("validate")) {
                    breakTheStagedModel(broken);
                }
            }
        }, StepProbe.class);
        try (DemoSources sources = DemoSources.start()) {
            Result r = Cli.run(Apply.accepting(sources));

            assertThat(r.exitCode()).as(r.toString()).isNotZero();
            assertThat(r.err()).as(r.toString()).containsSubsequence("validation failed, nothing activated: lineage reaches ",
                    "; migrated record " + broken[0] + " has no staged entity",
                    "; staged entity " + broken[1] + " is reached by no record",
                    "; staged entity " + broken[2] + " has no recipient");
        }
    }

    /**
     * Drops the lineage of one record whose entity has no other member, and empties another entity's
     * recipients; says which record and entities, in {@code broken}.
     */
    private void breakTheStagedModel(String[] broken) {
        long run = Sql.query(dataSource, "select max(run_id) from target_entity", rs -> rs.getLong(1)).get(0);
        List<String[]> lonely = Sql.query(dataSource, """
                select l.source, r.rec_id, l.entity_id from target_lineage l
                join record_outcome r on r.run_id = l.run_id and r.source = l.source and r.record_key = l.record_key
                where l.run_id = ? and l.entity_id in (
                  select entity_id from target_lineage where run_id = ? group by entity_id having count(*) = 1)
                order by l.entity_id limit 1""", rs -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) },
                run, run);
        String[] record = lonely.get(0);
        // the lineage of a staged entity is its planned members (the view target_lineage)
        Sql.update(dataSource, "delete from planned_member where run_id = ? and entity_id = ?", run, record[2]);
        String other = Sql.query(dataSource, "select min(entity_id) from target_entity where run_id = ? and entity_id <> ?",
                rs -> rs.getString(1), run, record[2]).get(0);
        Sql.update(dataSource, """
                update target_entity set body = jsonb_set(body::jsonb, '{recipients}', '[]')::text
                where run_id = ? and entity_id = ?""", run, other);
        broken[0] = record[0] + "/" + record[1];
        broken[1] = record[2];
        broken[2] = other;
    }
}
