package dev.cutover.guide.featureflags;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.activate.ExecutingBehavior;
import dev.cutover.framework.activate.ExecutingBehavior.Executing;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The live side of {@code feature-flags-v2}: answers "is flag F on for app A in env E" from whichever
 * model executes now (legacy, or the executing generation), read through {@link ExecutingBehavior} in
 * one REPEATABLE READ transaction, so an activation or a rollback is seen whole or not at all. It
 * writes no SQL over Cutover's tables. Flags are evaluated on request, so this is not a
 * {@link dev.cutover.framework.migration.LiveExecutor} (which {@code serve} runs on a thread of its own).
 */
@ApplicationScoped
@IfBuildProperty(name = "cutover.guide.feature-flags", stringValue = "true")
public class FlagEvaluator {

    /** One answer, with the model it came from. */
    public record Evaluation(int generation, Long runId, FlagTable.Answer answer) {
        public boolean on() {
            return answer == FlagTable.Answer.ON;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    ExecutingBehavior executing;

    @Inject
    FeatureFlagsMigration migration;

    public Evaluation evaluate(String app, String env, String flag) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    // before any read: PostgreSQL takes the snapshot at the first statement that reads
                    statement.execute("set transaction isolation level repeatable read");
                }
                Executing<FlagTable> model = executing.read(connection, migration);
                return new Evaluation(model.generation(), model.runId(), model.model().answer(app, env, flag));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the executing flags: " + e.getMessage(), e);
            }
        });
    }
}
