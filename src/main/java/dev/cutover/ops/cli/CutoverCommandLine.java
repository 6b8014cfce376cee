package dev.cutover.ops.cli;

import java.io.PrintWriter;

import dev.cutover.ops.lease.LeaseHeldException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code cutover} command line: one command tree ({@link CutoverCommand} and its subcommands) in two
 * forms that parse, check and answer errors identically.
 * <ul>
 * <li>{@link #parseOnly()}: the commands made by picocli's own factory, without CDI, so it runs before
 * Quarkus and the database start. It answers {@code --help}, {@code --version} and every usage error
 * (exit 0 and 2) and returns {@link #NEEDS_APPLICATION} for a command line that has to run.</li>
 * <li>{@link #executing}: the commands as CDI beans, which run.</li>
 * </ul>
 * Usage errors are picocli's and the commands' {@link ArgumentCheck}s: one line {@code cutover: <problem>}
 * and where to find help, exit 2. A command's failure is one line {@code cutover: <message>}; its stack
 * trace only with {@code --verbose}.
 */
public final class CutoverCommandLine {

    /** What {@link #parseOnly()} answers for a valid command line that needs the application to run. */
    public static final int NEEDS_APPLICATION = -1;

    private CutoverCommandLine() {
    }

    /** @return the command line that parses and checks without CDI, and runs no command */
    public static CommandLine parseOnly() {
        return configured(new CommandLine(CutoverCommand.class), parsed -> NEEDS_APPLICATION);
    }

    /** @return the command line whose commands are CDI beans made by {@code factory}, and run */
    static CommandLine executing(CutoverCommand root, CommandLine.IFactory factory) {
        CommandLine line = new CommandLine(root, factory);
        line.setDefaultValueProvider(new ConfiguredDefaults());
        return configured(line, new CommandLine.RunLast());
    }

    /** @return whether {@code --verbose} was given, to the root command or to a subcommand */
    public static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(CutoverCommand.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static CommandLine configured(CommandLine line, IExecutionStrategy run) {
        line.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            checkArguments(parsed);
            return run.execute(parsed);
        });
        line.setParameterExceptionHandler(CutoverCommandLine::usageError);
        line.setExecutionExceptionHandler(CutoverCommandLine::failure);
        return line;
    }

    private static void checkArguments(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        if (!last.commandSpec().subcommands().isEmpty()) {
            // the root alone does nothing: say so now rather than after starting the application
            throw new ParameterException(last.commandSpec().commandLine(), "Missing required subcommand");
        }
        if (last.commandSpec().userObject() instanceof ArgumentCheck command) {
            try {
                command.checkArguments();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(last.commandSpec().commandLine(), e.getMessage(), e);
            } catch (RuntimeException e) {
                // picocli hands only these two kinds to the handlers: anything else would end as a bare stack trace
                throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), message(e), e);
            }
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("cutover: " + usageProblem(e, command));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.printf("see '%s --help'%n", command.getCommandSpec().qualifiedName());
        err.flush();
        return ExitCode.USAGE;
    }

    /** picocli says "Unmatched argument at index 0: 'bogus'" for a command it does not know: say so. */
    private static String usageProblem(ParameterException e, CommandLine command) {
        if (e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        return e.getMessage();
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int exit;
        if (e instanceof LeaseHeldException) {
            exit = ExitCode.LEASE_HELD;
        } else if (e instanceof IllegalArgumentException) {
            exit = ExitCode.USAGE;
        } else {
            exit = ExitCode.FAILED;
        }
        err.println("cutover: " + message(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return exit;
    }

    /** @return the exception's message, or its class's name when it has none (a NullPointerException) */
    static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
