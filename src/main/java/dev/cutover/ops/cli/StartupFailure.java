package dev.cutover.ops.cli;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * What the operator reads when the application cannot start, or ends on an error that escaped the
 * command's own reporting (the heap running out during a run): one line saying what is wrong and what to
 * do, and the exit code: 2 (configuration: DESIGN.md §8) for an unreachable, refusing or missing database
 * and for invalid configuration, 1 for anything else. The stack trace only with {@code --verbose}.
 */
final class StartupFailure {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String USER_PROPERTY = "quarkus.datasource.username";

    /** The line to print and the exit code. */
    record Answer(int exitCode, String line) {
    }

    private StartupFailure() {
    }

    /** Prints the answer to a failed start on {@code err}. @return the exit code */
    static int report(Throwable failure, boolean verbose, PrintStream err) {
        Answer answer = explain(failure, setting(URL_PROPERTY), setting(USER_PROPERTY));
        err.println(answer.line());
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return answer.exitCode();
    }

    /**
     * @param url  the configured JDBC URL, or {@code null} when unknown
     * @param user the configured database user, or {@code null}
     */
    static Answer explain(Throwable failure, String url, String user) {
        String at = url == null ? "the configured database (" + URL_PROPERTY + ")" : url;
        Optional<SQLException> sql = find(failure, SQLException.class);
        if (sql.isPresent()) {
            String state = String.valueOf(sql.get().getSQLState());
            if (state.equals("3D000")) {
                return new Answer(ExitCode.USAGE, "cutover: the database at " + at + " does not exist: create it ("
                        + createdb(url, user) + ") or set QUARKUS_DATASOURCE_JDBC_URL");
            }
            if (state.startsWith("28")) {
                return new Answer(ExitCode.USAGE, "cutover: the database at " + at + " refused the login"
                        + (user == null ? "" : " of user " + user) + " (" + firstLine(sql.get()) + ")"
                        + ": set QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
            }
            if (state.startsWith("08")) {
                return new Answer(ExitCode.USAGE, "cutover: cannot reach the database at " + at + " (" + unreachable(sql.get())
                        + "): start PostgreSQL there or set QUARKUS_DATASOURCE_JDBC_URL");
            }
            return new Answer(ExitCode.USAGE, "cutover: the database at " + at + " failed at startup: " + firstLine(sql.get()));
        }
        Optional<QuarkusBindException> bind = find(failure, QuarkusBindException.class);
        if (bind.isPresent()) {
            return new Answer(ExitCode.USAGE, "cutover: port " + bind.get().getPort()
                    + " is in use by another process: stop it or set QUARKUS_HTTP_PORT");
        }
        Optional<OutOfMemoryError> memory = find(failure, OutOfMemoryError.class);
        if (memory.isPresent()) {
            // not a failed start: the run's own work outgrew the heap, and its execution can be resumed
            return new Answer(ExitCode.FAILED, "cutover: out of memory (" + firstLine(memory.get())
                    + "): give the JVM a larger heap (JAVA_TOOL_OPTIONS=-Xmx...) and run the same command again,"
                    + " which resumes the execution from its last checkpoint");
        }
        Throwable root = root(failure);
        if (find(failure, ConfigurationException.class).isPresent()) {
            return new Answer(ExitCode.USAGE, "cutover: configuration error: " + firstLine(root));
        }
        return new Answer(ExitCode.FAILED, "cutover: cannot start: " + firstLine(root));
    }

    /** The reason, as a person says it: what the driver reports in a sentence with the host in it. */
    private static String unreachable(SQLException e) {
        if (find(e, ConnectException.class).isPresent()) {
            return "connection refused";
        }
        if (find(e, UnknownHostException.class).isPresent()) {
            return "unknown host " + find(e, UnknownHostException.class).get().getMessage();
        }
        if (find(e, SocketTimeoutException.class).isPresent()) {
            return "connection timed out";
        }
        if (find(e, NoRouteToHostException.class).isPresent()) {
            return "no route to host";
        }
        return firstLine(e);
    }

    /** @return the command that creates the database of {@code url}, as far as the URL tells */
    static String createdb(String url, String user) {
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String name = uri.getPath() == null || uri.getPath().length() < 2 ? null : uri.getPath().substring(1);
            if (uri.getHost() == null || name == null) {
                return "createdb with the name in the URL";
            }
            return "createdb -h " + uri.getHost() + (uri.getPort() < 0 ? "" : " -p " + uri.getPort())
                    + (user == null || user.isBlank() ? "" : " -U " + user) + " " + name;
        } catch (RuntimeException e) {
            // a URL with several hosts, or none at all: no single command to give
            return "createdb with the name in the URL";
        }
    }

    private static String setting(String property) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(property, String.class).orElse(null);
        } catch (RuntimeException e) {
            // the configuration itself may be what failed
            return null;
        }
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(Throwable e) {
        String message = CutoverCommandLine.message(e).strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
