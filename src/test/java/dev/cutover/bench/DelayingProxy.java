package dev.cutover.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Bench-only: a loopback HTTP proxy that holds every GET for a fixed latency and then forwards it to a
 * backend, for sources whose server has no latency hook of its own (the KV stores of rate-limits-v2).
 * It copies the status, the body and the headers the protocols need ({@code Content-Type},
 * {@code X-Kv-Index}, {@code Retry-After}).
 */
final class DelayingProxy implements AutoCloseable {

    private static final List<String> HEADERS = List.of("Content-Type", "X-Kv-Index", "Retry-After");

    private final String backend;
    private final Duration latency;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-proxy");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;

    DelayingProxy(String backend, Duration latency) {
        this.backend = backend;
        this.latency = latency;
    }

    /** @return the proxy's base URL */
    String start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a proxy for " + backend, e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(latency.toMillis());
            HttpResponse<byte[]> answer = client.send(
                    HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            for (String header : HEADERS) {
                answer.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().set(header, v));
            }
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } catch (IOException e) {
            byte[] body = ("{\"error\":\"proxy: " + e + "\",\"status\":502}").getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }
}
