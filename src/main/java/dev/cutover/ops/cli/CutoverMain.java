package dev.cutover.ops.cli;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import dev.cutover.ops.lease.LeaseHeldException;
import picocli.CommandLine;

/**
 * The {@code cutover} executable: parses the command line (picocli) and returns its exit code. Only
 * {@code cutover serve} listens on the HTTP port ({@code quarkus.http.port}, default 8080); every
 * other command runs without one, so several can run beside a {@code serve} on one machine.
 */
@QuarkusMain
public class CutoverMain implements QuarkusApplication {

    /** The Quarkus setting that, when false, keeps the HTTP server from listening on host and port. */
    static final String HTTP_HOST_ENABLED = "quarkus.http.host-enabled";

    @Inject
    CutoverCommand root;

    /** The entry point of the packaged application (a {@code @QuarkusMain} class's own main is used as is). */
    public static void main(String[] args) {
        // runtime configuration: must be set before Quarkus starts; an explicit -D setting wins
        if (!servesHttp(args) && System.getProperty(HTTP_HOST_ENABLED) == null) {
            System.setProperty(HTTP_HOST_ENABLED, "false");
        }
        Quarkus.run(CutoverMain.class, args);
    }

    /** @return whether these arguments run the command that serves the HTTP API */
    static boolean servesHttp(String... args) {
        return args.length > 0 && "serve".equals(args[0]);
    }

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, also used by tests to run commands in-process. */
    public CommandLine commandLine() {
        CommandLine line = new CommandLine(root, new CdiFactory());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof LeaseHeldException) {
                cmd.getErr().println("cutover: " + e.getMessage());
                return ExitCode.LEASE_HELD;
            }
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
