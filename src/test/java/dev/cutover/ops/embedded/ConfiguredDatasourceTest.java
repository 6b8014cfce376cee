package dev.cutover.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;

/**
 * "Is a datasource configured": every way a user gives Quarkus the URL counts (and only for the
 * profile the packaged application runs with), so that a configured database always wins over the
 * embedded one.
 */
class ConfiguredDatasourceTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/cutover";
    private static final String[] SAVED = { ConfiguredDatasource.JDBC_URL, "quarkus.config.locations", "quarkus.profile",
            ConfiguredDatasource.HOME, "user.dir" };

    @TempDir
    Path workingDir;

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clearSystemProperties() {
        for (String name : SAVED) {
            saved.put(name, System.getProperty(name));
            if (!"user.dir".equals(name)) {
                System.clearProperty(name);
            }
        }
        // SmallRye reads .env and config/application.properties from user.dir: here, a folder of the test's own
        System.setProperty("user.dir", workingDir.toString());
    }

    @AfterEach
    void restoreSystemProperties() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedDatabase() {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "this environment configures a datasource");
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isFalse();
    }

    @Test
    void urlInTheEnvironmentIsConfigured() {
        SmallRyeConfig config = ConfiguredDatasource.builder()
                .withSources(new EnvConfigSource(Map.of("QUARKUS_DATASOURCE_JDBC_URL", URL), 300)).build();
        assertThat(ConfiguredDatasource.isConfigured(config)).isTrue();
    }

    @Test
    void urlAsSystemPropertyIsConfigured() {
        System.setProperty(ConfiguredDatasource.JDBC_URL, URL);
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isTrue();
    }

    @Test
    void urlInConfigApplicationPropertiesOfTheWorkingDirectoryIsConfigured() throws IOException {
        Files.createDirectories(workingDir.resolve("config"));
        Files.writeString(workingDir.resolve("config/application.properties"), "quarkus.datasource.jdbc.url=" + URL + "\n");
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isTrue();
    }

    @Test
    void urlInDotEnvOfTheWorkingDirectoryIsConfigured() throws IOException {
        Files.writeString(workingDir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=" + URL + "\n");
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isTrue();
    }

    @Test
    void urlInAFileNamedByQuarkusConfigLocationsIsConfigured() throws IOException {
        Path file = Files.writeString(workingDir.resolve("elsewhere.properties"), "quarkus.datasource.jdbc.url=" + URL + "\n");
        System.setProperty("quarkus.config.locations", file.toUri().toString());
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isTrue();
    }

    @Test
    void prodProfileUrlIsConfiguredButATestProfileUrlIsNot() throws IOException {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "this environment configures a datasource");
        Files.createDirectories(workingDir.resolve("config"));
        Path file = workingDir.resolve("config/application.properties");
        Files.writeString(file, "%test.quarkus.datasource.jdbc.url=" + URL + "\n");
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isFalse();
        Files.writeString(file, "%prod.quarkus.datasource.jdbc.url=" + URL + "\n");
        assertThat(ConfiguredDatasource.isConfigured(ConfiguredDatasource.userConfiguration())).isTrue();
    }

    @Test
    void blankUrlIsNotConfigured() {
        SmallRyeConfig config = ConfiguredDatasource.builder()
                .withSources(new EnvConfigSource(Map.of("QUARKUS_DATASOURCE_JDBC_URL", " "), 300)).build();
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "this environment configures a datasource");
        assertThat(ConfiguredDatasource.isConfigured(config)).isFalse();
    }

    @Test
    void homeIsCutoverHomeWhenSetElseDotCutoverElseVarLibCutoverForRoot() {
        assumeTrue(System.getenv("CUTOVER_HOME") == null, "this environment sets CUTOVER_HOME");
        Path userHome = Path.of("/home/ada");
        assertThat(ConfiguredDatasource.home(ConfiguredDatasource.userConfiguration(), userHome, false))
                .isEqualTo(Path.of("/home/ada/.cutover"));
        assertThat(ConfiguredDatasource.home(ConfiguredDatasource.userConfiguration(), userHome, true))
                .isEqualTo(Path.of("/var/lib/cutover"));
        SmallRyeConfig config = ConfiguredDatasource.builder()
                .withSources(new EnvConfigSource(Map.of("CUTOVER_HOME", "/srv/cutover"), 300)).build();
        assertThat(ConfiguredDatasource.home(config, userHome, true)).isEqualTo(Path.of("/srv/cutover"));
    }
}
