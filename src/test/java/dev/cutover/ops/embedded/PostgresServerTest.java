package dev.cutover.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server of a folder, started for real (these tests ask for it; no other test starts one):
 * the first start initializes the folder, later ones reuse the running server, two at once start one,
 * a crash's stale {@code postmaster.pid} and a port taken meanwhile do not keep it from starting.
 * As root the server runs as {@code nobody}, so the folder must let every user pass through.
 */
class PostgresServerTest {

    @TempDir
    Path temp;

    private final List<PostgresServer> started = new ArrayList<>();

    @BeforeEach
    void letEveryUserPassThrough() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stopServers() {
        started.forEach(PostgresServer::stop);
    }

    @Test
    void firstStartInitializesTheFolderAndALaterStartReusesTheRunningServer() throws Exception {
        PostgresServer server = server("reuse");
        PostgresServer.Running first = server.ensureRunning();
        assertThat(first.initialized()).isTrue();
        assertThat(first.reused()).isFalse();
        assertThat(answersQueries(first)).isTrue();

        PostgresServer.Running second = server("reuse").ensureRunning();
        assertThat(second.reused()).isTrue();
        assertThat(second.initialized()).isFalse();
        assertThat(second.port()).isEqualTo(first.port());
        System.out.printf("embedded PostgreSQL: unpack and initdb %d ms, first start %d ms, reuse of the running server%n",
                first.created().toMillis(), first.start().toMillis());
    }

    @Test
    void aStoppedServerStartsAgainOnItsDataWithoutInitializingIt() throws Exception {
        PostgresServer server = server("restart");
        PostgresServer.Running first = server.ensureRunning();
        server.stop();
        assertThat(PostmasterPid.read(server.dataFolder())).isEmpty();

        PostgresServer.Running again = server.ensureRunning();
        assertThat(again.initialized()).isFalse();
        assertThat(again.reused()).isFalse();
        assertThat(answersQueries(again)).isTrue();
        System.out.printf("embedded PostgreSQL: start of an initialized folder %d ms (first: unpack and initdb %d ms + start %d ms)%n",
                again.start().toMillis(), first.created().toMillis(), first.start().toMillis());
    }

    @Test
    void twoStartsAtOnceInitializeAndStartOneServer() throws Exception {
        CompletableFuture<PostgresServer.Running> a = CompletableFuture.supplyAsync(() -> server("twice").ensureRunning());
        CompletableFuture<PostgresServer.Running> b = CompletableFuture.supplyAsync(() -> server("twice").ensureRunning());
        PostgresServer.Running one = a.get(3, TimeUnit.MINUTES);
        PostgresServer.Running other = b.get(3, TimeUnit.MINUTES);
        assertThat(one.port()).isEqualTo(other.port());
        assertThat(List.of(one.initialized(), other.initialized())).containsExactlyInAnyOrder(true, false);
        assertThat(List.of(one.reused(), other.reused())).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void serverFileLeftByACrashedServerIsRemovedAndTheServerStartsAgain() throws Exception {
        PostgresServer server = server("crash");
        server.ensureRunning();
        PostmasterPid pid = PostmasterPid.read(server.dataFolder()).orElseThrow();
        ProcessHandle postmaster = ProcessHandle.of(pid.pid()).orElseThrow();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(server.dataFolder().resolve(PostmasterPid.FILE))).as("left behind by the crash").isTrue();

        PostgresServer.Running again = server.ensureRunning();
        assertThat(again.reused()).isFalse();
        assertThat(answersQueries(again)).isTrue();
        assertThat(PostmasterPid.read(server.dataFolder()).orElseThrow().pid()).isNotEqualTo(pid.pid());
    }

    @Test
    void portTakenBetweenChoosingAndBindingIsReplacedByAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicBoolean first = new AtomicBoolean(true);
            PostgresServer server = track(new PostgresServer(folder("port"), ServerUser.forThisProcess(),
                    () -> first.getAndSet(false) ? taken.getLocalPort() : PostgresServer.freePort()));
            PostgresServer.Running running = server.ensureRunning();
            assertThat(running.port()).isNotEqualTo(taken.getLocalPort());
            assertThat(answersQueries(running)).isTrue();
        }
    }

    private PostgresServer server(String name) {
        return track(new PostgresServer(folder(name), ServerUser.forThisProcess()));
    }

    private Path folder(String name) {
        return temp.resolve(name).resolve("postgres");
    }

    private synchronized PostgresServer track(PostgresServer server) {
        started.add(server);
        return server;
    }

    private static boolean answersQueries(PostgresServer.Running running) throws Exception {
        try (Connection c = DriverManager.getConnection(running.jdbcUrl(), PostgresServer.SUPERUSER, "");
                ResultSet rs = c.createStatement().executeQuery("select 1")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
