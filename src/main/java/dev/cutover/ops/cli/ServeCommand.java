package dev.cutover.ops.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.ops.run.LiveExecutors;
import dev.cutover.ops.schedule.MigrationSchedules;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover serve}: the long-running process: the HTTP API (port 8080), every migration's live executor
 * (for the reference migration, the platform's dispatcher) and the migrations' schedules until stopped
 * (SIGTERM or Ctrl-C), which stops the executors between their units of work.
 */
@Dependent
@Unremovable
@Command(name = "serve", description = "Run the HTTP API, the schedules and every migration's live executor until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    LiveExecutors executors;

    @Inject
    MigrationSchedules schedules;

    @Override
    public Integer call() {
        executors.startAll().forEach(line -> spec.commandLine().getErr().println("serve: " + line));
        schedules.start();
        spec.commandLine().getErr().println("serve: stop with SIGTERM or Ctrl-C");
        Quarkus.waitForExit();
        executors.stopAll();
        return ExitCode.OK;
    }
}
