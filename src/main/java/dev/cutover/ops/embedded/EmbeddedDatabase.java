package dev.cutover.ops.embedded;

import java.nio.file.Path;
import java.util.Locale;

import io.smallrye.config.SmallRyeConfig;

/**
 * Chooses Cutover's database before Quarkus starts. A datasource URL configured in any way Quarkus
 * reads configuration (environment, system property, {@code .env}, {@code config/application.properties},
 * {@code quarkus.config.locations}) always wins and nothing else happens. Without one, the embedded
 * PostgreSQL of {@code $CUTOVER_HOME/postgres} ({@code ~/.cutover/postgres}; {@code /var/lib/cutover/postgres}
 * as root, where the server runs as {@value ServerUser#UNPRIVILEGED}) is started or reused, the runtime
 * datasource is pointed at it through system properties, and one line on stderr names the folder, how to
 * stop the server and how to use one's own database.
 */
public final class EmbeddedDatabase {

    /** DESIGN.md §8: a configuration error. */
    static final int CONFIGURATION_ERROR = 2;

    private EmbeddedDatabase() {
    }

    /**
     * Points the datasource at the embedded server unless one is configured. Exits the process with 2,
     * after one line saying what to do, when the embedded server cannot run here.
     */
    public static void useUnlessConfigured() {
        SmallRyeConfig config = ConfiguredDatasource.userConfiguration();
        if (ConfiguredDatasource.isConfigured(config)) {
            return;
        }
        try {
            ServerUser user = ServerUser.forThisProcess();
            Path home = ConfiguredDatasource.home(config, Path.of(System.getProperty("user.home")), user.switches());
            PostgresServer server = new PostgresServer(home.resolve("postgres"), user);
            PostgresServer.Running running = server.ensureRunning();
            System.setProperty(ConfiguredDatasource.JDBC_URL, running.jdbcUrl());
            System.setProperty(ConfiguredDatasource.USERNAME, PostgresServer.SUPERUSER);
            System.err.println(notice(server, user, running));
        } catch (EmbeddedDatabaseException e) {
            System.err.println("cutover: " + e.getMessage());
            System.exit(CONFIGURATION_ERROR);
        }
    }

    /** @return the one line a command prints when it runs on the embedded server */
    static String notice(PostgresServer server, ServerUser user, PostgresServer.Running running) {
        String how = running.reused() ? "running"
                : running.initialized() ? String.format(Locale.ROOT, "created in %.1f s, started in %.1f s", seconds(running.created()),
                        seconds(running.start()))
                : String.format(Locale.ROOT, "started in %.1f s", seconds(running.start()));
        return "cutover: no database configured: embedded PostgreSQL in " + server.folder() + " (" + how + ", port " + running.port()
                + (user.switches() ? ", as user " + user.name() : "") + "; stop it: kill $(head -1 " + server.dataFolder()
                + "/postmaster.pid)); QUARKUS_DATASOURCE_JDBC_URL selects your own database";
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
