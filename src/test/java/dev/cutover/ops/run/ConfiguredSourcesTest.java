package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.ops.run.ScheduleConfig;

/** Sources are configured per migration; the older shared spelling only configures a migration that reads it. */
class ConfiguredSourcesTest {

    private static SourcesConfig.Source url(String url) {
        return () -> url;
    }

    private static MigrationsConfig.Migration migration(Map<String, SourcesConfig.Source> sources) {
        return new MigrationsConfig.Migration() {
            @Override
            public Map<String, SourcesConfig.Source> sources() {
                return sources;
            }

            @Override
            public Optional<ScheduleConfig.Schedule> schedule() {
                return Optional.empty();
            }
        };
    }

    private static ConfiguredSources sources(Map<String, MigrationsConfig.Migration> perMigration,
            Map<String, SourcesConfig.Source> shared, String readsShared) {
        ConfiguredSources configured = new ConfiguredSources();
        configured.perMigration = () -> perMigration;
        configured.shared = () -> shared;
        configured.migrations = new Migrations() {
            @Override
            public Optional<MigrationDescriptor<?, ?, ?>> find(String id) {
                MigrationDescriptor<?, ?, ?> descriptor = (MigrationDescriptor<?, ?, ?>) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] { MigrationDescriptor.class },
                        (proxy, method, args) -> method.getName().equals("readsSharedSources") ? id.equals(readsShared)
                                : method.getName().equals("id") ? id : null);
                return Optional.of(descriptor);
            }
        };
        return configured;
    }

    @Test
    void aMigrationReadsItsOwnSourcesSortedByName() {
        ConfiguredSources configured = sources(Map.of("rate-limits-v2",
                migration(Map.of("us", url("http://us"), "eu", url("http://eu")))), Map.of(), null);
        assertThat(configured.of("rate-limits-v2")).containsExactly(Map.entry("eu", "http://eu"), Map.entry("us", "http://us"));
    }

    @Test
    void sharedSourcesConfigureOnlyAMigrationThatReadsThem() {
        ConfiguredSources configured = sources(Map.of(), Map.of("eu-1", url("http://eu-1")), "notification-rules-v2");
        assertThat(configured.of("notification-rules-v2")).containsExactly(Map.entry("eu-1", "http://eu-1"));
        // another migration never reads notification rule stores by accident
        assertThat(configured.of("rate-limits-v2")).isEmpty();
    }

    @Test
    void ownSourcesReplaceTheSharedOnesRatherThanMixWithThem() {
        ConfiguredSources configured = sources(Map.of("notification-rules-v2", migration(Map.of("ap-1", url("http://ap-1")))),
                Map.of("eu-1", url("http://eu-1")), "notification-rules-v2");
        assertThat(configured.of("notification-rules-v2")).containsExactly(Map.entry("ap-1", "http://ap-1"));
    }

    @Test
    void withoutSourcesTheRefusalNamesThePropertyOfThatMigration() {
        InvalidRunOption refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RunSettings.endpoints("rate-limits-v2", java.util.List.of(), Map.of()), InvalidRunOption.class);
        assertThat(refused.getMessage()).contains("cutover.migrations.rate-limits-v2.sources.NAME.url");
    }
}
