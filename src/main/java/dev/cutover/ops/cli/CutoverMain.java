package dev.cutover.ops.cli;

import jakarta.inject.Inject;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import picocli.CommandLine;

/** The {@code cutover} executable: parses the command line (picocli) and returns its exit code. */
@QuarkusMain
public class CutoverMain implements QuarkusApplication {

    @Inject
    CutoverCommand root;

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, also used by tests to run commands in-process. */
    public CommandLine commandLine() {
        CommandLine line = new CommandLine(root, new CdiFactory());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("cutover: " + e.getMessage());
                return ExitCode.USAGE;
            }
            cmd.getErr().println("cutover: " + e);
            return ExitCode.FAILED;
        });
        return line;
    }
}
