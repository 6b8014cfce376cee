package dev.cutover.ops.run;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;

/**
 * The sources a migration reads when none are given for a run: {@code
 * cutover.migrations.<migration>.sources.<name>.url}; when a migration has none there and its
 * descriptor {@link MigrationDescriptor#readsSharedSources() reads shared sources}, those of
 * {@code cutover.sources.<name>.url} (the configuration of releases before per-migration configuration).
 * The two are never mixed: per-migration sources, once given, are the whole list.
 */
@ApplicationScoped
public class ConfiguredSources {

    @Inject
    MigrationsConfig perMigration;

    @Inject
    SourcesConfig shared;

    @Inject
    Migrations migrations;

    /** @return name -> URL, sorted by name; empty when none is configured */
    public Map<String, String> of(String migration) {
        Map<String, String> urls = new TreeMap<>();
        MigrationsConfig.Migration own = perMigration.all().get(migration);
        if (own != null) {
            own.sources().forEach((name, source) -> urls.put(name, source.url()));
        }
        if (urls.isEmpty() && migrations.find(migration).map(MigrationDescriptor::readsSharedSources).orElse(false)) {
            shared.all().forEach((name, source) -> urls.put(name, source.url()));
        }
        return urls;
    }

    /** @return the property an operator sets to configure a source of {@code migration} */
    public static String property(String migration) {
        return "cutover.migrations." + migration + ".sources.NAME.url";
    }
}
