package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.batch.operations.JobOperator;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.ops.run.ExecutionView;
import dev.cutover.ops.run.ExecutionView.Execution;
import dev.cutover.ops.run.GenerationHistory;
import dev.cutover.ops.run.PrunedRun;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover status [<executionId>] [--json]}: one execution with its steps (what each counted:
 * pages, records, entities), or every execution newest first, then per migration the generation it
 * executes and its history of activations and rollbacks. {@code --json} is DESIGN.md §8's shape, plus
 * {@code "migrations"} beside {@code "executions"}.
 */
@Dependent
@Unremovable
@Command(name = "status", description = "Show one execution with its steps, or every execution (newest first) and the "
        + "generation each migration executes, with its activations and rollbacks.")
public class StatusCommand implements Callable<Integer> {

    private static final String EXECUTIONS = "%9s  %-24s %-8s %-10s %-10s %-21s %s%n";
    private static final String MIGRATIONS = "%-24s %-14s %s%n";

    @Parameters(index = "0", arity = "0..1", paramLabel = "<executionId>")
    Long executionId;

    @Option(names = "--json", description = "Print JSON.")
    boolean asJson;

    @Spec
    CommandSpec spec;

    @Inject
    ExecutionView view;

    @Inject
    JobOperator jobOperator;

    @Inject
    GenerationHistory generations;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (executionId != null) {
            Execution e = view.one(executionId)
                    .orElseThrow(() -> new IllegalArgumentException("no execution " + executionId));
            if (asJson) {
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(e));
            } else {
                out.printf(EXECUTIONS, "EXECUTION", "MIGRATION", "MODE", "STATUS", "EXIT", "STARTED", "DIGEST");
                printLine(out, e);
                e.steps().forEach(s -> out.println("  " + step(s)));
                PrunedRun.prunedAt(jobOperator.getJobInstance(executionId).getInstanceId()).ifPresent(at -> out.println(
                        "  pruned " + time(at) + ": the run's working rows are gone (cutover prune); its history stays"));
            }
            return ExitCode.OK;
        }
        List<Execution> all = view.all();
        List<GenerationHistory.Executing> migrations = generations.all();
        if (asJson) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("executions", all);
            body.put("migrations", migrations);
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return ExitCode.OK;
        }
        if (all.isEmpty()) {
            out.println("no executions yet");
        } else {
            out.printf(EXECUTIONS, "EXECUTION", "MIGRATION", "MODE", "STATUS", "EXIT", "STARTED", "DIGEST");
            all.forEach(e -> printLine(out, e));
        }
        out.println();
        out.printf(MIGRATIONS, "MIGRATION", "EXECUTING", "SINCE");
        for (GenerationHistory.Executing m : migrations) {
            out.printf(MIGRATIONS, m.migration(), m.generation() == 0 ? "legacy (0)" : "generation " + m.generation(),
                    m.since() == null ? "-" : time(m.since()));
            m.history().forEach(s -> out.println("  " + change(s)));
        }
        return ExitCode.OK;
    }

    /** @return e.g. {@code step retrieve   COMPLETED  read 18 pages, wrote 18 pages} */
    static String step(ExecutionView.Step s) {
        String line = String.format("step %-10s %-10s", s.name(), s.batchStatus());
        if (s.unit() == null) {
            return line.stripTrailing();
        }
        return String.format(Locale.ROOT, "%s read %,d %s, wrote %,d %s", line, s.readCount(), s.unit(), s.writeCount(), s.unit());
    }

    /** @return e.g. {@code 2026-11-30T10:00:00Z  activated generation 2 (was 1) by execution 42} */
    static String change(GenerationHistory.Switch s) {
        String by = s.executionId() == null ? "" : " by execution " + s.executionId();
        String verb = GenerationHistory.ACTIVATED.equals(s.kind()) ? "activated generation" : "rolled back to generation";
        return String.format("%s  %s %d (was %d)%s", time(s.at()), verb, s.to(), s.from(), by);
    }

    private static void printLine(PrintWriter out, Execution e) {
        out.printf(EXECUTIONS, e.executionId(), e.migration(), e.mode(), e.batchStatus(),
                e.exitStatus() == null ? "" : e.exitStatus(), e.startTime() == null ? "" : time(e.startTime()),
                e.digest() == null ? "" : e.digest());
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
