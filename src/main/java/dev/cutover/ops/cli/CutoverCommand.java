package dev.cutover.ops.cli;

import jakarta.enterprise.context.Dependent;

import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;

/** {@code cutover}: the root command; the work is in its subcommands. */
@Dependent
@Unremovable
@Command(name = "cutover", mixinStandardHelpOptions = true, version = "cutover 0.1",
        description = "Zero-downtime behavioral migrations: plan, apply, restart, inspect.",
        subcommands = { PlanCommand.class, ApplyCommand.class, RestartCommand.class, StatusCommand.class,
                ExportCommand.class, RollbackCommand.class, ServeCommand.class })
public class CutoverCommand {
}
