package dev.cutover.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

        /** @return the id of the execution the command started (stderr {@code execution N started}) */
        public String executionId() {
            return find("execution (\\d+) started", err);
        }

        /** @return the id of the execution the command reports failed (stderr {@code execution N failed: ...}) */
        public String failedExecutionId() {
            return find("execution (\\d+) failed: ", err);
        }

        /** @return the plan digest of the summary (stdout {@code digest sha256:...}) */
        public String digest() {
            return find("digest\\s+(sha256:[0-9a-f]{64})", out);
        }

        private String find(String regex, String text) {
            Matcher m = Pattern.compile(regex).matcher(text);
            if (!m.find()) {
                throw new AssertionError("no '" + regex + "' in the output of the command:\n" + this);
            }
            return m.group(1);
        }

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
