package dev.cutover.ops.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.cutover.framework.metrics.CutoverMetrics;
import io.quarkus.runtime.StartupEvent;

/**
 * Registers every counter of every migration of the build, and of its configured sources, at 0 when the
 * process starts, so that a scraper sees {@code cutover_source_retries_total} and the others before they
 * first count (a rate over a series that appears only at its first increment misses that increment).
 * Sources given for one run ({@code --source}, {@code --demo}) are registered when that run reads them.
 */
@ApplicationScoped
public class MetricsAtBoot {

    @Inject
    MigrationCatalog catalog;

    @Inject
    ConfiguredSources sources;

    @Inject
    CutoverMetrics metrics;

    void register(@Observes StartupEvent event) {
        for (String migration : catalog.names()) {
            metrics.registerMigration(migration, sources.of(migration).keySet());
        }
    }
}
