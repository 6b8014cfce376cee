package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cutover.ops.http.ApiUsers;
import dev.cutover.ops.run.LiveExecutors;
import dev.cutover.ops.schedule.MigrationSchedules;
import dev.cutover.ops.schedule.RetentionSchedule;
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

    @Inject
    RetentionSchedule retention;

    @Inject
    ApiUsers users;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // 0.0.0.0 is where it listens, not an address to open: every interface, this machine's included
        String reachable = "0.0.0.0".equals(host) ? "localhost" : host;
        err.printf("serve: listening on http://%s:%d/ (host %s), HTTP API at http://%s:%d/api%n", reachable, port, host,
                reachable, port);
        List<String> logins = users.logins();
        err.println(logins.isEmpty() ? "serve: no API user can log in (set cutover.api.users.<name>.password and .roles)"
                : "serve: API users: " + String.join(", ", logins));
        executors.startAll().forEach(line -> err.println("serve: " + line));
        schedules.start();
        retention.start().ifPresent(line -> err.println("serve: " + line));
        err.println("serve: stop with SIGTERM or Ctrl-C");
        Quarkus.waitForExit();
        executors.stopAll();
        return ExitCode.OK;
    }
}
