package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cutover.support.TestDatabase;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, run by failsafe after
 * {@code package}): CLI commands bind no HTTP port, {@code serve} binds {@code quarkus.http.port}
 * (8080 unless set), takes its API users from the environment as a Kubernetes Secret would give them,
 * and refuses every /api call when it has none.
 */
class HttpPortIT {

    private static final Path JAR = Path.of(System.getProperty("cutover.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static TestDatabase database;
    private static List<String> databaseProperties;

    /** What a finished process printed. */
    record Ended(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void createDatabase() {
        assertThat(JAR).as("run ./mvnw package first").exists();
        database = new TestDatabase();
        databaseProperties = database.start().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void cliCommandRunsWhileItsHttpPortIsTakenBecauseItBindsNone() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Ended status = run(List.of("-Dquarkus.http.port=" + taken.getLocalPort()), Map.of(), "status");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("no executions yet");
        }
    }

    @Test
    void serveFailsWhenItsHttpPortIsTakenBecauseItBindsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Ended serve = run(List.of("-Dquarkus.http.port=" + taken.getLocalPort()), Map.of(), "serve");
            assertThat(serve.exitCode()).as(serve.toString()).isNotZero();
            assertThat(serve.err()).contains(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void serveAuthenticatesApiUsersGivenAsEnvironmentVariables() throws Exception {
        int port = freePort();
        Process serve = start(List.of("-Dquarkus.http.port=" + port),
                Map.of("CUTOVER_API_USERS_OPS_PASSWORD", "from-a-secret", "CUTOVER_API_USERS_OPS_ROLES", "operator"), "serve");
        try {
            awaitReady(serve, port);
            assertThat(get(port, "/api/executions", "ops:from-a-secret").statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/executions", "ops:wrong").statusCode()).isEqualTo(401);
        } finally {
            stop(serve);
        }
    }

    @Test
    void servePrintsItsUrlAndTheApiUsersItLoaded() throws Exception {
        int port = freePort();
        Path err = Files.createTempFile("serve", ".err");
        Process serve = start(List.of("-Dquarkus.http.port=" + port), Map.of("CUTOVER_API_USERS_OPS_PASSWORD", "from-a-secret",
                "CUTOVER_API_USERS_OPS_ROLES", "operator,viewer", "CUTOVER_API_USERS_NOPASS_ROLES", "viewer"), err, "serve");
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(err).contains("stop with SIGTERM") || !serve.isAlive());
            assertThat(Files.readString(err)).contains("listening on http://localhost:" + port + "/ (host 0.0.0.0)")
                    .contains("HTTP API at http://localhost:" + port + "/api")
                    .contains("serve: API users: ops (operator, viewer)").doesNotContain("nopass (");
        } finally {
            stop(serve);
        }
    }

    @Test
    void serveWithoutApiUsersListensOn8080WarnsAndRefusesEveryApiCall() throws Exception {
        assumeTrue(isFree(8080), "port 8080 is in use on this machine");
        Path err = Files.createTempFile("serve", ".err");
        Process serve = start(List.of(), Map.of(), err, "serve");
        try {
            awaitReady(serve, 8080);
            assertThat(get(8080, "/api/executions", "ops:anything").statusCode()).isEqualTo(401);
            assertThat(get(8080, "/api/executions", null).statusCode()).isEqualTo(401);
        } finally {
            stop(serve);
        }
        assertThat(Files.readString(err)).contains("no HTTP API user is configured").contains("401");
    }

    private static Ended run(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile("cutover", ".out");
        Path err = Files.createTempFile("cutover", ".err");
        Process process = command(jvmOptions, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("cutover " + String.join(" ", args) + " did not end");
        }
        return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        return start(jvmOptions, env, Files.createTempFile("serve", ".err"), args);
    }

    private static Process start(List<String> jvmOptions, Map<String, String> env, Path err, String... args) throws IOException {
        return command(jvmOptions, env, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .start();
    }

    private static ProcessBuilder command(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(databaseProperties);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("CUTOVER_API_USERS_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Awaits serve's readiness answering 200; fails at once, naming its exit code, if serve exits first. */
    private static void awaitReady(Process serve, int port) {
        await("serve ready on port " + port).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(serve.isAlive()).as("serve exited with " + (serve.isAlive() ? "" : serve.exitValue())).isTrue();
            try {
                return get(port, "/q/health/ready", null).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static HttpResponse<String> get(int port, String path, String userColonPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (userColonPassword != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as Kubernetes stops a pod; serve stops its dispatcher and exits. */
    private static void stop(Process serve) throws InterruptedException {
        serve.destroy();
        if (!serve.waitFor(30, TimeUnit.SECONDS)) {
            serve.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
