package dev.cutover.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections of the bench. The driver is instantiated directly: under {@code exec:java} the bench runs
 * in a class loader of its own inside Maven's JVM, where {@code DriverManager} does not see pgjdbc.
 */
final class BenchDb {

    private BenchDb() {
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }
}
