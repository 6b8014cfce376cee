package dev.cutover.ops.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.run.ConfiguredSources;
import dev.cutover.ops.run.DemoSourcesLauncher;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.ops.run.RunSettings;

/**
 * Starts a plan or an apply for the HTTP API without waiting for it: checks the request with the
 * command line's rules ({@link RunSettings}), starts the execution and returns its id. Demo sources,
 * when asked for, are stopped once the execution has ended.
 */
@ApplicationScoped
public class RunStarter {

    private static final Logger LOG = Logger.getLogger(RunStarter.class);

    @Inject
    MigrationLauncher launcher;

    @Inject
    ConfiguredSources configuredSources;

    @Inject
    DemoSourcesLauncher demo;

    @Inject
    ManagedExecutor executor;

    @Inject
    Migrations migrations;

    @ConfigProperty(name = "cutover.concurrency", defaultValue = "4")
    int defaultConcurrency;

    /** What a 202 answers. */
    public record Started(long executionId, String migration, String mode, String status) {
    }

    /**
     * @param migration a known migration
     * @throws ApiException or {@link dev.cutover.ops.run.InvalidRunOption} (400) naming the field at fault
     */
    public Started start(String migration, String mode, RunRequest request) {
        RunRequest body = request == null ? new RunRequest() : request;
        body.unknownField().ifPresent(field -> {
            throw ApiException.badRequest(field, "unknown field '" + field
                    + "' (known: sources, concurrency, accept, planDigest, demo)");
        });
        if (body.planDigest != null && !RunParameters.APPLY.equals(mode)) {
            throw ApiException.badRequest(RunSettings.PLAN_DIGEST, "planDigest is for an apply only");
        }
        List<String> sources = body.sources == null ? List.of()
                : body.sources.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        if (body.demo() && !sources.isEmpty()) {
            throw ApiException.badRequest("demo", "give either sources or demo, not both");
        }
        int concurrency = body.concurrency == null ? defaultConcurrency : body.concurrency;
        List<String> accept = body.accept == null ? List.of() : body.accept;
        RunSettings.acceptedCodes(migration, accept, AnomalyCodes.acceptable(migrations.require(migration)));
        if (!body.demo()) {
            RunSettingsStore.Settings settings = RunSettings.settings(RunSettings.endpoints(migration, sources, configuredSources.of(migration)), concurrency,
                    accept, body.planDigest, null);
            return started(launcher.start(migration, mode, settings), migration, mode);
        }
        DemoData.Running demoSources = startDemo(migration);
        try {
            List<SourceEndpoint> endpoints = demoSources.endpoints();
            RunSettingsStore.Settings settings = RunSettings.settings(endpoints, concurrency, accept, body.planDigest, null)
                    .withDemoSources();
            long id = launcher.start(migration, mode, settings);
            executor.execute(() -> stopWhenEnded(id, demoSources));
            return started(id, migration, mode);
        } catch (RuntimeException e) {
            demoSources.close();
            throw e;
        }
    }

    /**
     * Each demo source runs a Vert.x instance of its own; created on a request thread (a Vert.x
     * context) Vert.x warns about nesting instances, so they are started from a plain thread.
     */
    private DemoData.Running startDemo(String migration) {
        CompletableFuture<DemoData.Running> started = new CompletableFuture<>();
        new Thread(() -> {
            try {
                started.complete(demo.start(migration));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "demo-sources-start").start();
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void stopWhenEnded(long executionId, DemoData.Running demoSources) {
        try {
            launcher.await(executionId, Duration.ofDays(1));
        } catch (RuntimeException e) {
            LOG.warnf("demo sources of execution %d stopped before it ended: %s", executionId, e.getMessage());
        } finally {
            demoSources.close();
        }
    }

    private static Started started(long id, String migration, String mode) {
        return new Started(id, migration, mode, ExecutionResource.PATH + "/" + id);
    }
}
