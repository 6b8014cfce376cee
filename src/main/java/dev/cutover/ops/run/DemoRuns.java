package dev.cutover.ops.run;

import java.util.Properties;

import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;

/**
 * What the operator is told about a run of the built-in demo sources ({@code --demo}): those sources
 * are served by the process that started the run and end with it, so a failed or stopped demo run
 * cannot be restarted by id (every page would be a connection refused); the same command with
 * {@code --demo} starts a new run over the same demo data instead. The same holds for a run the API
 * started with {@code "demo": true}: its sources are stopped when it ends.
 */
public final class DemoRuns {

    private DemoRuns() {
    }

    /** @return why execution {@code id} cannot be restarted by id */
    public static String cannotRestart(long id) {
        return "execution " + id + " read the --demo sources, which were served by the process that ran it and ended"
                + " with it: it cannot be restarted by id";
    }

    /** @return the command that runs it again: the original command line, with {@code --demo} */
    public static String runAgain(String migration, Properties jobParameters, RunSettingsStore.Settings settings) {
        StringBuilder command = new StringBuilder("cutover ")
                .append(RunParameters.APPLY.equals(RunParameters.mode(jobParameters)) ? "apply " : "plan ")
                .append(migration).append(" --demo");
        if (!settings.accept().isEmpty()) {
            command.append(" --accept ").append(String.join(",", settings.accept()));
        }
        if (settings.planDigest() != null) {
            command.append(" --plan-digest ").append(settings.planDigest());
        }
        if (settings.out() != null) {
            command.append(" --out ").append(settings.out());
        }
        return "run it again with: " + command;
    }
}
