package dev.cutover.ops.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;

/**
 * Serves a migration's built-in demo data set for one run ({@code --demo}, or {@code "demo": true} in
 * the API): its legacy sources on loopback ports of this process, stopped when the run ends.
 */
@ApplicationScoped
public class DemoSourcesLauncher {

    @Inject
    Migrations migrations;

    /** @throws InvalidRunOption naming {@code demo} when the migration ships no demo data */
    public DemoData.Running start(String migration) {
        DemoData demo = migrations.find(migration).flatMap(MigrationDescriptor::demoData)
                .orElseThrow(() -> new InvalidRunOption("demo", "true", "migration " + migration + " has no built-in demo data"));
        return demo.start();
    }
}
