package dev.cutover.framework.plan;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.RunParameters;

/**
 * Observation before mutation: a dry run ends after the plan ({@code PLANNED}); an apply goes on
 * ({@code APPLY}). Deciding again on restart gives the same answer (the mode is a job parameter).
 */
@Named
@Dependent
public class ModeDecider implements Decider {

    @Inject
    @BatchProperty
    String mode;

    @Override
    public String decide(StepExecution[] executions) {
        if (RunParameters.APPLY.equals(mode)) {
            return "APPLY";
        }
        if (mode == null || mode.isEmpty() || RunParameters.DRY_RUN.equals(mode)) {
            return "PLANNED";
        }
        throw new IllegalArgumentException("mode must be dry-run or apply, was '" + mode + "'");
    }
}
