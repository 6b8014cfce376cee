package dev.cutover.ops.http;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.cutover.ops.run.MigrationCatalog;

/**
 * Ready when the build knows at least one migration and JBeret's job repository answers for each
 * (the datasource's own check only proves the database is reachable, not that the job tables are).
 */
@Readiness
@ApplicationScoped
public class JobRepositoryHealthCheck implements HealthCheck {

    @Inject
    MigrationCatalog catalog;

    @Inject
    JobOperator jobOperator;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cutover job repository");
        if (catalog.names().isEmpty()) {
            return response.down().withData("error", "no migration (job XML) in this build").build();
        }
        try {
            for (String migration : catalog.names()) {
                response.withData(migration + " runs", instances(migration));
            }
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    private long instances(String migration) {
        try {
            return jobOperator.getJobInstanceCount(migration);
        } catch (NoSuchJobException neverRun) {
            return 0;
        }
    }
}
