package dev.cutover.guide.featureflags;



import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingBehavior;
import io.quarkus.arc.properties.IfBuildProperty;

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
    ExecutingBehavior executing;

    @Inject
    FeatureFlagsMigration migration;

    public Evaluation evaluate(String app, String env, String flag) {
        return executing.inSnapshot(migration, (model, connection) ->
                new Evaluation(model.generation(), model.runId(), model.model().answer(app, env, flag)));
    }
}
