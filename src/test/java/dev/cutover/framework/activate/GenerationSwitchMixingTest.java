package dev.cutover.framework.activate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.model.ExecutingModelPointer;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.run.EntityFlush;
import dev.cutover.framework.run.Sql;
import dev.cutover.support.RolledBack;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The mixing rule on the activation path ({@link EntityFlush}): an activation or a rollback switches
 * the pointer through entities, and a JDBC read later in the same transaction (the executing-model
 * reader, the views) sees the switch. Each test rolls its transaction back and uses a migration name
 * of its own, so nothing it switches is left for other tests.
 */
@QuarkusTest
class GenerationSwitchMixingTest {

    @Inject
    GenerationSwitch generations;

    @Inject
    ExecutingModelReader reader;

    @Inject
    DataSource dataSource;

    private static String freshMigration() {
        return "mixing-test-" + System.nanoTime();
    }

    @Test
    void anActivationIsSeenByTheJdbcReaderLaterInItsTransaction() {
        String migration = freshMigration();
        RolledBack.inATransaction(() -> {
            int generation = generations.activate(migration, -7, "digest-7", "things", 701);
            assertThat(generation).isEqualTo(1);
            var seen = reader.current(migration);
            assertThat(List.of(seen.generation(), seen.runId(), seen.digest(), seen.entityKind()))
                    .containsExactly(1, -7L, "digest-7", "things");
            assertThat(executingGeneration(migration)).as("the view, as other systems read it").isEqualTo(1);
        });
    }

    @Test
    void aRollbackIsSeenByTheJdbcReaderLaterInItsTransaction() {
        String migration = freshMigration();
        RolledBack.inATransaction(() -> {
            generations.activate(migration, -8, "digest-8", "things", 801);
            generations.activate(migration, -9, "digest-9", "things", 901);
            assertThat(generations.rollback(migration)).contains(1);
            assertThat(reader.current(migration).runId()).isEqualTo(-8L);
            assertThat(generations.rollback(migration)).contains(0);
            assertThat(reader.current(migration).isLegacy()).isTrue();
            assertThat(generations.rollback(migration)).isEmpty();
        });
    }

    /**
     * The trap the rule prevents, shown on the pointer itself: changed without a flush, the JDBC read
     * of the same transaction still sees the old generation; after {@link EntityFlush#beforeJdbc()}
     * it sees the new one. Both reads are on the transaction's connection (else neither would see
     * the uncommitted activations at all).
     */
    @Test
    void withoutTheFlushAJdbcReadInTheTransactionSeesThePointerAsItWas() {
        String migration = freshMigration();
        RolledBack.inATransaction(() -> {
            generations.activate(migration, -10, "digest-10", "things", 1001);
            generations.activate(migration, -11, "digest-11", "things", 1101);
            ExecutingModelPointer.lock(migration).switchBack();
            assertThat(executingGeneration(migration)).as("not flushed yet").isEqualTo(2);
            EntityFlush.beforeJdbc();
            assertThat(executingGeneration(migration)).as("flushed").isEqualTo(1);
        });
    }

    /** A rehearsal (run before the real switch, to build its statements) leaves nothing switched or recorded. */
    @Test
    void aRehearsalOfTheSwitchChangesNothing() {
        String migration = freshMigration();
        generations.rehearse(migration, -12, "digest-12", "things", 1201);
        assertThat(reader.current(migration).isLegacy()).isTrue();
        assertThat(Sql.query(dataSource, "select count(*) from model_generation where migration = ?", rs -> rs.getLong(1),
                migration).get(0)).isZero();
        assertThat(Sql.query(dataSource, "select count(*) from executing_model where migration = ?", rs -> rs.getLong(1),
                migration).get(0)).isZero();
    }

    private int executingGeneration(String migration) {
        return Sql.query(dataSource, "select generation from executing_generation where migration = ?",
                rs -> rs.getInt(1), migration).get(0);
    }
}
