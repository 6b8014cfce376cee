package dev.cutover.ops.cli;

/**
 * A command whose arguments have rules beyond what picocli checks (ranges, formats, files) that hold
 * without the application: {@link CutoverCommandLine} runs them before Quarkus and the database start,
 * so a usage error is answered at once, and again before the command runs in-process.
 */
public interface ArgumentCheck {

    /** @throws IllegalArgumentException naming the option and what is wrong with it */
    void checkArguments();
}
