package dev.cutover.ops.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import dev.cutover.ops.schedule.MigrationSchedules;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover serve}: the long-running process: the HTTP API (port 8080), the platform's dispatcher (one tick per
 * {@code cutover.dispatcher.tick}) and the migrations' schedules until stopped (SIGTERM or Ctrl-C), which stops it between ticks.
 */
@Dependent
@Unremovable
@Command(name = "serve", description = "Run the HTTP API, the schedules and the dispatcher until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    MigrationSchedules schedules;

    @Override
    public Integer call() {
        dispatcher.startServing();
        schedules.start();
        spec.commandLine().getErr().println("serve: dispatcher running; stop with SIGTERM or Ctrl-C");
        Quarkus.waitForExit();
        dispatcher.stop();
        return ExitCode.OK;
    }
}
