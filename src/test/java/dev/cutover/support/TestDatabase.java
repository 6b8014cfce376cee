package dev.cutover.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test run a PostgreSQL database of its own on the local server (or the server that
 * {@code QUARKUS_DATASOURCE_JDBC_URL} names), created empty before Quarkus starts and dropped after
 * (kept when {@code CUTOVER_KEEP_TEST_DB=true}, for a post-mortem). No containers needed.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        String base = env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        user = env("QUARKUS_DATASOURCE_USERNAME", "postgres");
        password = env("QUARKUS_DATASOURCE_PASSWORD", "");
        adminUrl = withDatabase(base, "postgres");
        database = "cutover_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        execute("create database " + database);
        return Map.of("quarkus.datasource.jdbc.url", withDatabase(base, database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (!"true".equals(System.getenv("CUTOVER_KEEP_TEST_DB"))) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    /**
     * @param database the settings {@link #start()} returned, which the test gave its processes
     * @return the one number {@code sql} selects there (a count), read on a connection of its own
     */
    public static long count(Map<String, String> database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " (user " + user + "): " + sql + " failed: "
                    + e.getMessage() + ". Is PostgreSQL running? .ci/run starts it.", e);
        }
    }

    /** Replaces the database name of a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return url + "/" + database;
        }
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
