package dev.cutover.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.quarkus.arc.Arc;

import dev.cutover.ops.cli.CutoverMain;
import picocli.CommandLine;

/**
 * Runs {@code cutover} commands in-process, in the running test application, and captures what they
 * print: the one way tests start and await migrations through the command line.
 */
public final class Cli {

    private Cli() {
    }

    /** What a command printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(String... args) {
        CommandLine line = Arc.container().instance(CutoverMain.class).get().commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
