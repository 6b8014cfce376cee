package dev.cutover.ops.run;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;

/** The live executors of every migration of the build, as {@code cutover serve} runs them. */
@ApplicationScoped
public class LiveExecutors {

    @Inject
    Migrations migrations;

    /** @return one line per executor started: {@code <migration>: <executor> running} */
    public List<String> startAll() {
        List<String> started = new ArrayList<>();
        for (MigrationDescriptor<?, ?, ?> migration : migrations.all()) {
            migration.liveExecutor().ifPresent(executor -> {
                executor.startServing();
                started.add(migration.id() + ": " + executor.name() + " running");
            });
        }
        return started;
    }

    /** Stops every executor after its unit of work in progress. */
    public void stopAll() {
        migrations.all().forEach(m -> m.liveExecutor().ifPresent(LiveExecutor::stop));
    }
}
