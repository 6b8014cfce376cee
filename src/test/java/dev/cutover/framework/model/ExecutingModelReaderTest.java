package dev.cutover.framework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one read API of the executing model, in Java and as the {@code executing_generation} and
 * {@code executing_entities} views, against the real {@link GenerationSwitch}: both show the same
 * generation through activations and rollbacks, and a reader's snapshot never mixes two models.
 */
@QuarkusTest
class ExecutingModelReaderTest {

    // a migration of its own and negative run ids: no other test's runs, generations or pointer
    private static final String MIGRATION = "executing-model-reader-test";
    private static final long RUN_A = -7001;
    private static final long RUN_B = -7002;
    private static final long RUN_LARGE = -7003;
    private static final long LEGACY_OLDER = -7102;
    private static final long LEGACY_LATEST = -7101;

    @Inject
    ExecutingModelReader reader;

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    @AfterEach
    void deleteEverythingOfTheTestMigration() {
        Sql.update(dataSource, "delete from target_entity where run_id between -7200 and -7000");
        Sql.update(dataSource, "delete from record_outcome where run_id between -7200 and -7000");
        Sql.update(dataSource, "delete from plan_report where migration = ?", MIGRATION);
        Sql.update(dataSource, "delete from model_generation where migration = ?", MIGRATION);
        Sql.update(dataSource, "delete from executing_model where migration = ?", MIGRATION);
    }

    @Test
    void aMigrationNeverActivatedExecutesLegacyAndHasNoEntities() {
        ExecutingModel current = reader.current(MIGRATION);

        List<ExecutingEntity> entities = inTransaction(c -> entities(c, current));

        assertThat(current).isEqualTo(ExecutingModel.legacy(MIGRATION));
        assertThat(entities).isEmpty();
        assertThat(generationView()).isEmpty();
        assertThat(entitiesView()).isEmpty();
    }

    @Test
    void anActivatedGenerationIsReadWithItsEntitiesInModelOrderInJavaAndInTheView() {
        stage(RUN_A, "p-c", "p-a", "p-b");

        int generation = activate(RUN_A);

        ExecutingModel current = reader.current(MIGRATION);
        List<ExecutingEntity> entities = inTransaction(c -> entities(c, current));
        assertThat(current).isEqualTo(new ExecutingModel(MIGRATION, generation, RUN_A, digest(RUN_A), "things"));
        assertThat(entities).containsExactly(
                entity("p-c"), entity("p-a"), entity("p-b"));
        assertThat(generationView()).containsExactly(generation + " " + RUN_A + " " + digest(RUN_A) + " things");
        assertThat(entitiesView()).containsExactly(
                generation + " " + RUN_A + " things p-c " + body("p-c"),
                generation + " " + RUN_A + " things p-a " + body("p-a"),
                generation + " " + RUN_A + " things p-b " + body("p-b"));
    }

    @Test
    void rollbackShowsThePreviousGenerationThenLegacyInJavaAndInTheView() {
        stage(RUN_A, "a-1");
        stage(RUN_B, "b-1", "b-2");
        int first = activate(RUN_A);
        int second = activate(RUN_B);
        assertThat(entitiesView()).containsExactly(
                second + " " + RUN_B + " things b-1 " + body("b-1"), second + " " + RUN_B + " things b-2 " + body("b-2"));

        rollback();

        assertThat(reader.current(MIGRATION).generation()).isEqualTo(first);
        assertThat(entitiesView()).containsExactly(first + " " + RUN_A + " things a-1 " + body("a-1"));

        rollback();

        assertThat(reader.current(MIGRATION)).isEqualTo(ExecutingModel.legacy(MIGRATION));
        assertThat(generationView()).containsExactly("0 null null null");
        assertThat(entitiesView()).isEmpty();
    }

    @Test
    void aSwitchCommittedDuringARepeatableReadIsInvisibleToItsReads() {
        stage(RUN_A, "a-1");
        stage(RUN_B, "b-1");
        activate(RUN_A);

        List<String> seen = inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read");
            }
            List<String> reads = new ArrayList<>();
            reads.add(describe(c, reader.current(c, MIGRATION)));
            // another transaction activates B and commits before this one reads again
            CompletableFuture.runAsync(() -> activate(RUN_B)).join();
            ExecutingModel again = reader.current(c, MIGRATION);
            reads.add(describe(c, again));
            try (PreparedStatement ps = c.prepareStatement("select entity_id from executing_entities where migration = ?")) {
                ps.setString(1, MIGRATION);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reads.add("view " + rs.getString(1));
                    }
                }
            }
            return reads;
        });

        assertThat(seen).containsExactly("run " + RUN_A + " [a-1]", "run " + RUN_A + " [a-1]", "view a-1");
        assertThat(reader.current(MIGRATION).runId()).isEqualTo(RUN_B);
    }

    @Test
    void aLargeModelComesThroughACursorNotAsOneResult() {
        String[] ids = new String[2 * ExecutingModelReader.FETCH_SIZE + 500];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format("e-%05d", i);
        }
        stage(RUN_LARGE, ids);
        activate(RUN_LARGE);

        long[] openCursors = { -1 };
        List<String> streamed = new ArrayList<>();
        long count = inTransaction(c -> reader.forEachEntity(c, reader.current(c, MIGRATION), e -> {
            if (streamed.isEmpty()) {
                // a paged result is a protocol-level portal, listed like a declared cursor while rows remain
                openCursors[0] = openCursors(c);
            }
            streamed.add(e.id());
        }));

        assertThat(count).isEqualTo(ids.length);
        assertThat(streamed).containsExactly(ids);
        assertThat(openCursors[0]).as("the entities are fetched in pages from an open cursor").isPositive();
    }

    @Test
    void streamingOutsideATransactionIsRefusedRatherThanLoadingEverything() throws SQLException {
        stage(RUN_A, "a-1");
        activate(RUN_A);
        ExecutingModel current = reader.current(MIGRATION);

        try (Connection autocommit = dataSource.getConnection()) {
            assertThat(autocommit.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> reader.forEachEntity(autocommit, current, e -> {
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a transaction");
        }
    }

    @Test
    void legacyIsTheLatestPlannedRunAndOnlyItsMigratedRecordsAreStreamed() {
        plan(LEGACY_OLDER);
        plan(LEGACY_LATEST);
        outcome(LEGACY_OLDER, "eu-1", "r-9", null, "MIGRATED", "[\"old\"]");
        outcome(LEGACY_LATEST, "eu-1", "r-1", 0, "MIGRATED", "[1]");
        outcome(LEGACY_LATEST, "eu-1", "r-2", 1, "SKIPPED", null);
        outcome(LEGACY_LATEST, "eu-1", "r-3", 2, "ANOMALY", null);
        outcome(LEGACY_LATEST, "us-1", null, 4, "MIGRATED", "[2]");

        List<MigratedRecord> records = new ArrayList<>();
        Long run = inTransaction(c -> {
            long latest = reader.latestPlannedRun(c, MIGRATION).orElseThrow();
            reader.forEachMigratedRecord(c, latest, records::add);
            return latest;
        });

        assertThat(run).isEqualTo(LEGACY_LATEST);
        assertThat(records).containsExactly(new MigratedRecord("eu-1", "r-1", 0, "[1]"),
                new MigratedRecord("us-1", null, 4, "[2]"));
        assertThat(records).extracting(MigratedRecord::name).containsExactly("eu-1/r-1", "us-1/#4");
        boolean neverPlanned = inTransaction(c -> reader.latestPlannedRun(c, "never-planned").isEmpty());
        assertThat(neverPlanned).isTrue();
    }

    @Test
    void theRowsOfTheExecutingModelAreNoneBeforeAPlanThenTheLatestPlannedRunsRecordsThenTheGenerationsEntities() {
        assertThat(rowsOfCurrent()).isEmpty();

        plan(LEGACY_OLDER);
        plan(LEGACY_LATEST);
        assertThat(rowsOfCurrent()).contains(new ModelOfRun(LEGACY_LATEST, true));

        stage(RUN_A, "a-1");
        activate(RUN_A);
        assertThat(rowsOfCurrent()).contains(new ModelOfRun(RUN_A, false));

        rollback();
        assertThat(rowsOfCurrent()).contains(new ModelOfRun(LEGACY_LATEST, true));
    }

    @Test
    void aPointerAtAGenerationNeverRecordedIsAnErrorNotLegacy() {
        Sql.update(dataSource, "insert into executing_model (migration, generation) values (?, 99)", MIGRATION);

        assertThatThrownBy(() -> reader.current(MIGRATION)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generation 99, which is not recorded");
    }

    /** Work on one connection of one transaction, as a live executor's read runs. */
    @FunctionalInterface
    private interface Read<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> T inTransaction(Read<T> read) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return read.run(c);
            }
        });
    }

    /**
     * Named portals open on the reading connection (pg_cursors is per session). The driver names a
     * portal only when it fetches in pages; this very query runs in the unnamed one.
     */
    private static long openCursors(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pg_cursors where name <> ''")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of the model executing in one snapshot, read as a live executor reads them. */
    private Optional<ModelOfRun> rowsOfCurrent() {
        return inTransaction(c -> reader.rowsOf(c, reader.current(c, MIGRATION)));
    }

    private List<ExecutingEntity> entities(Connection c, ExecutingModel model) throws SQLException {
        List<ExecutingEntity> entities = new ArrayList<>();
        reader.forEachEntity(c, model, entities::add);
        return entities;
    }

    private String describe(Connection c, ExecutingModel model) throws SQLException {
        return "run " + model.runId() + " " + entities(c, model).stream().map(ExecutingEntity::id).toList();
    }

    private List<String> generationView() {
        return Sql.query(dataSource, "select generation, run_id, digest, entity_kind from executing_generation where migration = ?",
                rs -> rs.getInt(1) + " " + rs.getObject(2) + " " + rs.getString(3) + " " + rs.getString(4), MIGRATION);
    }

    private List<String> entitiesView() {
        return Sql.query(dataSource, """
                select generation, run_id, entity_kind, entity_id, body from executing_entities
                where migration = ? order by ordinal""",
                rs -> rs.getInt(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5), MIGRATION);
    }

    /** Stages entities inert, in the given model order, as the stage step writes them. */
    private void stage(long runId, String... ids) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into target_entity (run_id, entity_id, ordinal, body) values (?, ?, ?, ?)")) {
                for (int i = 0; i < ids.length; i++) {
                    Sql.bind(ps, runId, ids[i], i, body(ids[i]));
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int activate(long runId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> generations.activate(MIGRATION, runId, digest(runId), "things", 0L));
    }

    private void rollback() {
        QuarkusTransaction.requiringNew().call(() -> generations.rollback(MIGRATION));
    }

    private void plan(long runId) {
        Sql.update(dataSource, """
                insert into plan_report (run_id, execution_id, migration, digest, report) values (?, 0, ?, ?, '{}')""",
                runId, MIGRATION, digest(runId));
    }

    private void outcome(long runId, String source, String id, Integer index, String kind, String target) {
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, target)
                values (?, ?, ?, ?, ?, ?, ?)""", runId, source, id != null ? "i:" + id : "x:" + index, id, index, kind,
                target);
    }

    private static ExecutingEntity entity(String id) {
        return new ExecutingEntity(id, body(id));
    }

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"n\":1}";
    }

    private static String digest(long runId) {
        return "sha256:" + String.format("%064d", -runId);
    }
}
