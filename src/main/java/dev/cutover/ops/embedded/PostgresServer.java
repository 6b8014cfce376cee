package dev.cutover.ops.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The embedded PostgreSQL server of one folder: {@code data/} (its data, owned by the {@link ServerUser}),
 * {@code log/} (its log), {@code pgsql-<version>/} (its programs) and {@code .lock}. The server outlives
 * the command that started it, so the next command reuses it instead of waiting for a start; it stops
 * with {@code kill $(head -1 <folder>/data/postmaster.pid)} or {@link #stop()}.
 *
 * <p>{@link #ensureRunning()} holds the folder's file lock while it looks: of two commands started at
 * once, one unpacks, initializes and starts, the other then finds the server ready. A
 * {@code postmaster.pid} whose process is gone (a crash, a restarted machine) is removed before the
 * start; a port taken between choosing it and binding it is replaced by another.
 */
public final class PostgresServer {

    /** The superuser {@code initdb} creates; the server trusts connections from loopback. */
    public static final String SUPERUSER = "postgres";
    /** The database the datasource uses (the one {@code initdb} creates). */
    public static final String DATABASE = "postgres";

    private static final int START_ATTEMPTS = 3;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final Path folder;
    private final ServerUser user;
    private final IntSupplier ports;

    /**
     * What {@link #ensureRunning()} found or did.
     *
     * @param port        the loopback port the server listens on
     * @param reused      whether a server already running was reused
     * @param initialized whether the data folder was created ({@code initdb}) by this call
     * @param created     how long unpacking the programs and {@code initdb} took (zero when neither ran)
     * @param start       how long the start took (zero when reused)
     */
    public record Running(int port, boolean reused, boolean initialized, Duration created, Duration start) {

        /** @return the JDBC URL of the server's database */
        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        }
    }

    /** @param folder the server's folder; {@code user} runs it; each start listens on a free loopback port */
    public PostgresServer(Path folder, ServerUser user) {
        this(folder, user, PostgresServer::freePort);
    }

    /** @param ports gives the port of each start attempt (tests give a taken one first) */
    PostgresServer(Path folder, ServerUser user, IntSupplier ports) {
        this.folder = folder.toAbsolutePath().normalize();
        this.user = user;
        this.ports = ports;
    }

    public Path folder() {
        return folder;
    }

    public Path dataFolder() {
        return folder.resolve("data");
    }

    /**
     * Starts the server unless it runs already: unpacks the programs and initializes the data folder the
     * first time. Blocks while another process does the same for this folder.
     *
     * @throws EmbeddedDatabaseException when the server cannot run here, saying what to do instead
     */
    public Running ensureRunning() {
        try {
            Files.createDirectories(folder);
            // FileChannel locks are held per process: threads of one process take turns here first
            synchronized (PostgresServer.class) {
                try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    return ensureRunningLocked();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddedDatabaseException("the embedded PostgreSQL in " + folder + " cannot start (" + e.getMessage()
                    + "): set CUTOVER_HOME to a writable folder, or QUARKUS_DATASOURCE_JDBC_URL to your own PostgreSQL", e);
        }
    }

    private Running ensureRunningLocked() throws IOException {
        // the common case first, and cheap: a previous command left the server running
        Optional<PostmasterPid> pid = settled(dataFolder());
        if (pid.isPresent() && pid.get().alive()) {
            PostmasterPid found = pid.get();
            if (found.ready() && answers(found.port())) {
                return new Running(found.port(), true, false, Duration.ZERO, Duration.ZERO);
            }
            throw new EmbeddedDatabaseException("a PostgreSQL (pid " + found.pid() + ") holds " + dataFolder()
                    + " but does not answer on port " + found.port() + ": stop it (kill " + found.pid() + ") and run the command again");
        }
        long looked = System.nanoTime();
        Path bin = PostgresBinaries.unpackedUnder(folder).resolve("bin");
        Path data = ownedFolder("data");
        Path log = ownedFolder("log");
        if (!user.canWrite(data) || !user.canWrite(log)) {
            throw new EmbeddedDatabaseException("user " + user.name() + (user.switches() ? " (the embedded PostgreSQL does not run as root)" : "")
                    + " cannot write into " + data + ": set CUTOVER_HOME to a folder "
                    + (user.switches() ? "every user can pass through (e.g. /var/lib/cutover)" : "you can write")
                    + ", or set QUARKUS_DATASOURCE_JDBC_URL to your own PostgreSQL");
        }
        Duration created = Duration.ZERO;
        boolean initialized = false;
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb(bin, data, log);
            created = Duration.ofNanos(System.nanoTime() - looked);
            initialized = true;
        }
        // a pid file whose server is gone (a crash, a restarted machine): PostgreSQL would refuse to start
        // while it names a process that now exists for another reason
        Files.deleteIfExists(data.resolve(PostmasterPid.FILE));
        long started = System.nanoTime();
        int port = start(bin, data, log);
        return new Running(port, false, initialized, created, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Stops the server of this folder, if one runs (fast shutdown: open connections are closed). */
    public void stop() {
        Optional<PostmasterPid> pid = PostmasterPid.read(dataFolder());
        if (pid.isEmpty() || !pid.get().alive()) {
            return;
        }
        Path bin;
        try {
            bin = PostgresBinaries.unpackedUnder(folder).resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataFolder().toString(), "-m", "fast", "-w", "-t", "60", "-s", "stop"),
                folder.resolve("log").resolve("pg_ctl.log"));
    }

    private Path ownedFolder(String name) throws IOException {
        Path dir = folder.resolve(name);
        Files.createDirectories(dir);
        // PostgreSQL refuses a data folder that others can read
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        user.own(dir);
        return dir;
    }

    private void initdb(Path bin, Path data, Path log) throws IOException {
        // a data folder without PG_VERSION is what an interrupted initdb leaves: start it over
        try (var leftovers = Files.list(data)) {
            for (Path p : leftovers.toList()) {
                PostgresBinaries.deleteTree(p);
            }
        }
        int exit = run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C"), log.resolve("initdb.log"));
        if (exit != 0) {
            throw new EmbeddedDatabaseException("initdb of the embedded PostgreSQL failed (exit " + exit + ", see " + log.resolve("initdb.log")
                    + "): set QUARKUS_DATASOURCE_JDBC_URL to your own PostgreSQL");
        }
        Files.writeString(data.resolve("postgresql.conf"), """

                # cutover: loopback TCP only (the port is chosen at each start), no socket file to clash with other servers
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 100
                """, StandardOpenOption.APPEND);
    }

    private int start(Path bin, Path data, Path log) throws IOException {
        Path serverLog = log.resolve("postgres.log");
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = ports.getAsInt();
            long logged = Files.exists(serverLog) ? Files.size(serverLog) : 0;
            int exit = run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", serverLog.toString(), "-w", "-t",
                    "60", "-s", "-o", "-p " + port, "start"), log.resolve("pg_ctl.log"));
            Optional<PostmasterPid> pid = PostmasterPid.read(data);
            if (exit == 0 && pid.isPresent() && pid.get().ready()) {
                return pid.get().port();
            }
            String said = appended(serverLog, logged);
            failures.add("port " + port + ": " + firstComplaint(said));
            if (!retryable(said)) {
                break;
            }
        }
        throw new EmbeddedDatabaseException("the embedded PostgreSQL did not start (" + String.join("; ", failures) + "; see " + serverLog
                + "): set QUARKUS_DATASOURCE_JDBC_URL to your own PostgreSQL");
    }

    /** @return the pid file once no server is between starting and stopping on this folder */
    private static Optional<PostmasterPid> settled(Path data) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            Optional<PostmasterPid> pid = PostmasterPid.read(data);
            if (pid.isEmpty() || !pid.get().alive() || pid.get().ready() || System.nanoTime() > deadline) {
                return pid;
            }
            // a server of another command is starting or stopping: its pid file is the only signal it gives
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return pid;
            }
        }
    }

    private int run(List<String> command, Path output) {
        try {
            Process process = new ProcessBuilder(user.command(command)).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("interrupted while running " + command.get(0), e);
        }
    }

    private static String appended(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        String all = Files.readString(log);
        return all.substring((int) Math.min(from, all.length())).strip();
    }

    /**
     * @return whether another attempt may succeed: the port was taken meanwhile, or the processes of a
     *         crashed server still held its shared memory for a moment
     */
    private static boolean retryable(String log) {
        return log.contains("could not bind") || log.contains("could not create any TCP/IP sockets")
                || log.contains("pre-existing shared memory block");
    }

    /** @return the first FATAL or ERROR line of a server log, else its last line */
    static String firstComplaint(String log) {
        List<String> lines = log.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.contains("FATAL") || l.contains("ERROR")).findFirst()
                .orElse(lines.isEmpty() ? "it logged nothing" : lines.get(lines.size() - 1));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
