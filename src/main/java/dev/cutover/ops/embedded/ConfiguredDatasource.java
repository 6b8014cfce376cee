package dev.cutover.ops.embedded;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.QuarkusConfigBuilderCustomizer;
import io.smallrye.config.PropertiesLocationConfigSourceFactory;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What the user configured, read before Quarkus starts from the same places the packaged application
 * reads its runtime configuration: system properties, environment variables, {@code .env} and
 * {@code config/application.properties} in the working directory, {@code quarkus.config.locations},
 * the application's own {@code application.properties}, all under the {@code prod} profile unless
 * {@code quarkus.profile} says otherwise. So any way a user sets the datasource URL is seen here.
 */
public final class ConfiguredDatasource {

    /** The runtime setting that names Cutover's database. */
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** The user of that database. */
    public static final String USERNAME = "quarkus.datasource.username";
    /** The folder under which Cutover keeps its own state ({@code CUTOVER_HOME}). */
    public static final String HOME = "cutover.home";

    private ConfiguredDatasource() {
    }

    /** @return the configuration a normal run of the packaged application would see */
    public static SmallRyeConfig userConfiguration() {
        return builder().build();
    }

    /** The sources and rules of {@link #userConfiguration()}, for tests to add a source to. */
    static SmallRyeConfigBuilder builder() {
        // Quarkus's own rules (prod profile, quarkus.profile, quarkus.config.locations) over SmallRye's default
        // sources; not ConfigUtils.emptyConfigBuilder, whose discovery of every converter and interceptor
        // on the class path costs a second or more before each command, for nothing these settings need
        return new SmallRyeConfigBuilder().forClassLoader(Thread.currentThread().getContextClassLoader())
                .withCustomizers(new QuarkusConfigBuilderCustomizer(LaunchMode.NORMAL)).addDefaultInterceptors().addDefaultSources()
                .withSources(new PropertiesLocationConfigSourceFactory());
    }

    /** @return whether this configuration names a database (a blank URL names none) */
    public static boolean isConfigured(SmallRyeConfig config) {
        return config.getOptionalValue(JDBC_URL, String.class).filter(url -> !url.isBlank()).isPresent();
    }

    /**
     * @param config     the user's configuration
     * @param userHome   the home folder of the user running cutover
     * @param runsAsRoot whether cutover runs as root: its home is then {@code /var/lib/cutover}, since the
     *                   unprivileged user the server runs as cannot enter root's home folder
     * @return {@code cutover.home} ({@code CUTOVER_HOME}) when set, else the default for this user
     */
    public static Path home(SmallRyeConfig config, Path userHome, boolean runsAsRoot) {
        Optional<String> configured = config.getOptionalValue(HOME, String.class).filter(home -> !home.isBlank());
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath().normalize();
        }
        return runsAsRoot ? Path.of("/var/lib/cutover") : userHome.resolve(".cutover");
    }
}
