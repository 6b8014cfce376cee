package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.ops.run.ExecutionView.Execution;
import dev.cutover.ops.run.ExecutionView;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cutover status [<executionId>] [--json]}: one execution with its steps, or all, newest first. */
@Dependent
@Unremovable
@Command(name = "status", description = "Show one execution with its steps, or every execution (newest first).")
public class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<executionId>")
    Long executionId;

    @Option(names = "--json", description = "Print JSON.")
    boolean asJson;

    @Spec
    CommandSpec spec;

    @Inject
    ExecutionView view;

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
                printLine(out, e);
                e.steps().forEach(s -> out.printf("  step %-10s %-10s read %d, written %d%n", s.name(), s.batchStatus(),
                        s.readCount(), s.writeCount()));
            }
            return ExitCode.OK;
        }
        List<Execution> all = view.all();
        if (asJson) {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("executions", all)));
        } else if (all.isEmpty()) {
            out.println("no executions yet");
        } else {
            all.forEach(e -> printLine(out, e));
        }
        return ExitCode.OK;
    }

    private static void printLine(PrintWriter out, Execution e) {
        out.printf("%6d  %-24s %-8s %-10s %-10s %s%s%n", e.executionId(), e.migration(), e.mode(), e.batchStatus(),
                e.exitStatus() == null ? "" : e.exitStatus(), e.startTime() == null ? "" : e.startTime(),
                e.digest() == null ? "" : "  " + e.digest());
    }
}
