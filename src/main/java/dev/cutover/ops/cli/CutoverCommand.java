package dev.cutover.ops.cli;

import jakarta.enterprise.context.Dependent;

import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code cutover}: the root command; the work is in its subcommands. Its options are inherited by every
 * subcommand ({@code cutover plan --help}, {@code cutover status --verbose}).
 */
@Dependent
@Unremovable
@Command(name = "cutover", mixinStandardHelpOptions = true, version = "cutover 0.1", scope = ScopeType.INHERIT,
        description = "Zero-downtime behavioral migrations: plan, apply, restart, inspect.",
        subcommands = { PlanCommand.class, ApplyCommand.class, RestartCommand.class, StatusCommand.class,
                ExportCommand.class, RollbackCommand.class, PruneCommand.class, ServeCommand.class })
public class CutoverCommand {

    /** The option's one name, looked up in parse results. */
    static final String VERBOSE = "--verbose";

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "On a failure, print its stack trace too (and keep stack traces in the log).")
    boolean verbose;
}
