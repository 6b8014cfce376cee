package dev.cutover.migrations.notifications.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test stand-in for the apply steps: stages a model as {@code stage} does (the entities inert, written
 * once per run) and switches generations with the real {@link GenerationSwitch}, each switch in its
 * own committed transaction, as activation and rollback run.
 */
@ApplicationScoped
class Generations {

    private static final String MIGRATION = NotificationDispatcher.MIGRATION;

    @Inject
    GenerationSwitch generationSwitch;

    @Inject
    DataSource dataSource;

    /** Stages policies (the plan's model: {@code id}, key fields, recipients; members are dropped). */
    void stage(long runId, JsonNode policies) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into target_entity (run_id, entity_id, ordinal, body) values (?, ?, ?, ?)")) {
            int ordinal = 0;
            for (JsonNode policy : policies) {
                ObjectNode body = policy.deepCopy();
                body.remove("members");
                Sql.bind(ps, runId, body.get("id").asText(), ordinal++, body.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stage run " + runId, e);
        }
    }

    /** @return the new generation, executing once this returns */
    int activate(long runId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> generationSwitch.activate(MIGRATION, runId, "sha256:" + "0".repeat(64), "policies", 0L));
    }

    void rollback() {
        QuarkusTransaction.requiringNew().call(() -> generationSwitch.rollback(MIGRATION));
    }

    /** @return rows logged for {@code slot}, or for any slot when null */
    long rowsAt(Instant slot) {
        return slot == null ? Sql.query(dataSource, "select count(*) from dispatch_log", rs -> rs.getLong(1)).get(0)
                : Sql.query(dataSource, "select count(*) from dispatch_log where slot = ?", rs -> rs.getLong(1),
                        OffsetDateTime.ofInstant(slot, ZoneOffset.UTC)).get(0);
    }

    /**
     * Deletes the dispatch log, the given runs' staged entities and the migration's generations, rollbacks
     * and pointer: other tests expect a database where nothing was activated or dispatched. The rollbacks
     * go too because generation numbers start again at 1 once their generations are gone: a rollback left
     * behind would read as the history of a later generation 1 (it did, in StatusCommandTest).
     */
    void deleteAll(Long... stagedRuns) {
        Sql.update(dataSource, "delete from dispatch_log");
        for (Long run : stagedRuns) {
            if (run != null) {
                Sql.update(dataSource, "delete from target_entity where run_id = ?", run);
            }
        }
        Sql.update(dataSource, "delete from model_generation where migration = ?", MIGRATION);
        Sql.update(dataSource, "delete from model_rollback where migration = ?", MIGRATION);
        Sql.update(dataSource, "delete from executing_model where migration = ?", MIGRATION);
    }
}
