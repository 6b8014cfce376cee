package dev.cutover.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.support.proof.ProofFigures;
import io.quarkus.test.junit.QuarkusMock;

/**
 * Repeated apply / rollback / re-apply cycles of one migration between two source data sets, for the
 * proofs that its live executor behaves throughout cutovers (issue 11). Every cycle changes the
 * executing model: an apply always applies the data set that does not execute now, and a rollback pops
 * back to the generation before, which holds the other data set. Never back to legacy: legacy executes
 * the last completed plan's records, which every apply replaces.
 *
 * <p>What cycle {@code n} (from 1) does ({@link #step(int)}): every 4th rolls back (when there is a
 * generation to go back to, else it applies), every 5th that does not roll back fails inside the
 * activation transaction ({@code activate-before-commit}, through a replaced {@link StepProbe}) and is
 * then restarted by id, the others apply. The tracked generations say which data set and run each
 * generation executes, for observers that check the decisions taken meanwhile.
 *
 * <p>Use from one {@code @QuarkusTest} method: {@link #CutoverCycles} installs the probe for that test.
 */
public final class CutoverCycles {

    /** What one cycle does. */
    public enum Step {
        APPLY, APPLY_FAILING_IN_ACTIVATION, ROLLBACK
    }

    /**
     * What executes after a cycle.
     *
     * @param step       what the cycle did
     * @param generation the generation executing now
     * @param dataSet    the data set it was planned from
     */
    public record Outcome(Step step, int generation, String dataSet) {
    }

    /** The generation the failing activation would have replaced: it must still execute between the failure and the restart. */
    public interface AfterFailedActivation {
        void check(int stillExecuting);
    }

    private final String migration;
    private final GenerationSwitch generations;
    private final Map<String, String[]> applyArgs;
    private final AtomicBoolean failActivation = new AtomicBoolean();
    private final Map<Integer, String> dataSetOf = new HashMap<>();
    private final Map<Integer, Long> runOf = new HashMap<>();
    /** the generations this test activated, newest last: what a rollback pops */
    private final Deque<Integer> stack = new ArrayDeque<>();
    private int failedActivations;

    /**
     * Installs, for the running test, a {@link StepProbe} that fails {@code activate-before-commit} in
     * the cycles that ask for it.
     *
     * @param applyArgs the command line that applies each of the two data sets, by name
     */
    public CutoverCycles(String migration, GenerationSwitch generations, Map<String, String[]> applyArgs) {
        if (applyArgs.size() != 2) {
            throw new IllegalArgumentException("two data sets to alternate, not " + applyArgs.keySet());
        }
        this.migration = migration;
        this.generations = generations;
        this.applyArgs = Map.copyOf(applyArgs);
        StepProbe real = new StepProbe();
        QuarkusMock.installMockForType(new StepProbe() {
            @Override
            public void reached(String point) {
                if (point.equals("activate-before-commit") && failActivation.compareAndSet(true, false)) {
                    throw new IllegalStateException("injected failure inside the activation transaction");
                }
                real.reached(point);
            }
        }, StepProbe.class);
    }

    /** @return how many cycles a proof runs per migration: 50 in CI, 500 under the soak profile */
    public static int count() {
        return ProofFigures.scaled(50, 500);
    }

    /** @return what cycle {@code n} (from 1) does, when there is a generation to roll back to */
    public static Step step(int n) {
        return n % 4 == 0 ? Step.ROLLBACK : n % 5 == 0 ? Step.APPLY_FAILING_IN_ACTIVATION : Step.APPLY;
    }

    /** Applies {@code dataSet}: the first generation of the test, before its observer starts. */
    public Outcome first(String dataSet) {
        apply(dataSet);
        return executing(Step.APPLY);
    }

    /**
     * Runs cycle {@code n}: returns once its switch committed (or, for a failing one, once the restart
     * committed it).
     *
     * @param afterFailure called between a failed activation and its restart
     */
    public Outcome cycle(int n, AfterFailedActivation afterFailure) {
        Step step = step(n);
        if (step == Step.ROLLBACK && stack.size() < 2) {
            step = Step.APPLY;
        }
        String other = other(dataSetOf.get(current()));
        switch (step) {
            case ROLLBACK -> {
                Cli.Result r = Cli.run("rollback", migration);
                check(r, 0);
                stack.pop();
                if (current() != stack.peek()) {
                    throw new AssertionError("rollback of " + migration + " went to generation " + current()
                            + ", not to the one before, " + stack.peek());
                }
            }
            case APPLY -> apply(other);
            case APPLY_FAILING_IN_ACTIVATION -> {
                int before = current();
                failActivation.set(true);
                Cli.Result failed = Cli.run(applyArgs.get(other));
                check(failed, 1);
                if (failActivation.get() || !failed.err().contains("injected failure inside the activation")) {
                    throw new AssertionError("the apply did not fail inside the activation:\n" + failed);
                }
                failedActivations++;
                afterFailure.check(before);
                Cli.Result restarted = Cli.run("restart", failed.failedExecutionId());
                check(restarted, 0);
                activated(other);
            }
        }
        return executing(step);
    }

    /** @return the data set generation {@code generation} executes; {@code null} when this test did not activate it */
    public String dataSetOf(int generation) {
        return dataSetOf.get(generation);
    }

    /** @return the run generation {@code generation} executes; {@code null} when this test did not activate it */
    public Long runOf(int generation) {
        return runOf.get(generation);
    }

    /** @return the activations that failed on purpose and were restarted */
    public int failedActivations() {
        return failedActivations;
    }

    private void apply(String dataSet) {
        check(Cli.run(applyArgs.get(dataSet)), 0);
        activated(dataSet);
    }

    private void activated(String dataSet) {
        ExecutingModel executing = generations.current(migration);
        if (dataSetOf.containsKey(executing.generation())) {
            throw new AssertionError("the apply of " + dataSet + " did not activate a new generation: "
                    + executing.generation() + " executes");
        }
        dataSetOf.put(executing.generation(), dataSet);
        runOf.put(executing.generation(), executing.runId());
        stack.push(executing.generation());
    }

    private Outcome executing(Step step) {
        int generation = current();
        return new Outcome(step, generation, dataSetOf.get(generation));
    }

    private int current() {
        return generations.current(migration).generation();
    }

    private String other(String dataSet) {
        return applyArgs.keySet().stream().filter(name -> !name.equals(dataSet)).findFirst().orElseThrow();
    }

    private static void check(Cli.Result result, int exitCode) {
        if (result.exitCode() != exitCode) {
            throw new AssertionError("expected exit " + exitCode + ":\n" + result);
        }
    }

    @Override
    public String toString() {
        return migration + ": " + dataSetOf.size() + " generations, " + failedActivations + " failed activations; "
                + Objects.toString(stack.peek()) + " executes";
    }
}
