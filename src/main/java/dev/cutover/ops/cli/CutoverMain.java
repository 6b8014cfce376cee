package dev.cutover.ops.cli;

import java.util.Arrays;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import dev.cutover.ops.embedded.EmbeddedDatabase;
import picocli.CommandLine;

/**
 * The {@code cutover} executable. It parses the command line first without the application
 * ({@link CutoverCommandLine#parseOnly()}): help, version and usage errors are answered before Quarkus
 * and the database start. Only a valid command starts Quarkus and runs; a start that fails (database
 * unreachable or missing, configuration) is one line and exit 2 ({@link StartupFailure}).
 * <p>
 * Only {@code cutover serve} listens on the HTTP port ({@code quarkus.http.port}, default 8080); every
 * other command runs without one, so several can run beside a {@code serve} on one machine.
 */
@QuarkusMain
public class CutoverMain implements QuarkusApplication {

    /** The Quarkus setting that, when false, keeps the HTTP server from listening on host and port. */
    static final String HTTP_HOST_ENABLED = "quarkus.http.host-enabled";
    /** The console log format; the configured one prints stack traces ({@code %e}). */
    static final String CONSOLE_FORMAT = "quarkus.log.console.format";
    static final String TRACELESS_FORMAT = "%d{HH:mm:ss} %-5p %s%n";
    static final String BATCH_RUNTIME_LEVEL = "quarkus.log.category.\"org.jberet\".level";
    static final String BATCH_RUNTIME_LEVEL_ENV = "QUARKUS_LOG_CATEGORY__ORG_JBERET__LEVEL";

    @Inject
    CutoverCommand root;

    /** The entry point of the packaged application (a {@code @QuarkusMain} class's own main is used as is). */
    public static void main(String[] args) {
        CommandLine parsed = CutoverCommandLine.parseOnly();
        int answered = parsed.execute(args);
        if (answered != CutoverCommandLine.NEEDS_APPLICATION) {
            System.exit(answered);
        }
        boolean verbose = CutoverCommandLine.verbose(parsed.getParseResult());
        bootSettings(args, verbose);
        EmbeddedDatabase.useUnlessConfigured();
        Quarkus.run(CutoverMain.class, (exit, failure) -> System.exit(failure == null ? exit
                : StartupFailure.report(failure, verbose, System.err)), args);
    }

    /** Runtime configuration that depends on the command: must be set before Quarkus starts; an explicit setting wins. */
    static void bootSettings(String[] args, boolean verbose) {
        boolean serves = servesHttp(args);
        if (!serves) {
            setUnlessGiven(HTTP_HOST_ENABLED, "false");
        }
        // a command answers in its own words; serve's console is a server log, where traces belong
        if (!serves && !verbose && System.getenv("QUARKUS_LOG_CONSOLE_FORMAT") == null) {
            setUnlessGiven(CONSOLE_FORMAT, TRACELESS_FORMAT);
        }
        // the batch runtime logs a failed chunk's internals at ERROR (ProcessingInfo{...}, Chunk@...): a command
        // says why its execution failed in its own line; --verbose and serve's log keep them
        if (!serves && !verbose && System.getenv(BATCH_RUNTIME_LEVEL_ENV) == null) {
            setUnlessGiven(BATCH_RUNTIME_LEVEL, "OFF");
        }
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** @return whether these arguments run the command that serves the HTTP API (root options may come first) */
    static boolean servesHttp(String... args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().filter("serve"::equals).isPresent();
    }

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, also used by tests to run commands in-process. */
    public CommandLine commandLine() {
        return CutoverCommandLine.executing(root, new CdiFactory());
    }
}
