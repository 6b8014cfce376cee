package dev.cutover.framework.source.server;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * A real HTTP legacy source (DESIGN.md §4) serving the items of a {@link LegacySourceData}, for the
 * built-in demo and for tests. It knows nothing of what the items mean.
 *
 * <ul>
 * <li>{@code GET /v1/rules?limit=n&cursor=c} answers
 * {@code {"source", "items", "next_cursor", "total", "watermark"}}. {@code limit} defaults to
 * {@value #DEFAULT_LIMIT}; one that is not an integer from 1 to {@value #MAX_LIMIT} is a {@code 400}.
 * A page holds at most {@code min(limit, maxPageSize)} items, so a short page need not be the last:
 * only {@code next_cursor: null} ends the listing. Cursors are opaque and valid for this server
 * instance only; one it did not issue is a {@code 400}.</li>
 * <li>{@code GET /v1/changes?since=w} answers {@code {"items", "watermark"}}, see
 * {@link LegacySourceData#changesSince(long)}; a missing or non-numeric {@code since} is a
 * {@code 400}.</li>
 * <li>Other paths are {@code 404}, other methods {@code 405}. Every error has a JSON body
 * {@code {"error": message, "status": code}}.</li>
 * </ul>
 *
 * <p>It listens on {@value #HOST} only, on an ephemeral port, with its own single-threaded Vert.x
 * instance so it never competes with the application's event loop. Faults for tests are armed
 * through {@link #faults()}; concurrency is measured by the {@link InFlightGauge} it was given.
 * A server can be started once; {@link #close()} stops it and may be called at any time.
 */
public final class LegacySourceServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String RULES_PATH = "/v1/rules";
    public static final String CHANGES_PATH = "/v1/changes";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private static final long START_STOP_TIMEOUT_SECONDS = 30;

    private final String name;
    private final LegacySourceData data;
    private final int maxPageSize;
    private final InFlightGauge gauge;
    private final SourceFaults faults = new SourceFaults();
    private Vertx vertx;
    private String baseUrl;
    private boolean closed;

    /** A server whose pages are capped only by {@code limit}, with a gauge of its own. */
    public LegacySourceServer(String name, LegacySourceData data) {
        this(name, data, MAX_LIMIT, new InFlightGauge());
    }

    /**
     * @param name        the informational {@code source} of its answers
     * @param maxPageSize the most items a page holds whatever the {@code limit} (1..{@value #MAX_LIMIT})
     * @param gauge       counts this server's requests in flight; may be shared with other servers
     */
    public LegacySourceServer(String name, LegacySourceData data, int maxPageSize, InFlightGauge gauge) {
        if (maxPageSize < 1 || maxPageSize > MAX_LIMIT) {
            throw new IllegalArgumentException("maxPageSize must be 1.." + MAX_LIMIT + ": " + maxPageSize);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
        this.maxPageSize = maxPageSize;
        this.gauge = Objects.requireNonNull(gauge, "gauge");
    }

    /**
     * Binds {@value #HOST} on an ephemeral port and blocks until it accepts requests.
     *
     * @return the base URL, {@code http://127.0.0.1:PORT} (no trailing slash)
     * @throws IllegalStateException when already started or closed, or when it cannot bind
     */
    public synchronized String start() {
        if (vertx != null || closed) {
            throw new IllegalStateException("source " + name + " was already started");
        }
        // one event loop is plenty (delays are timers) and no file cache: nothing is served from disk
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(0))
                    .requestHandler(new SourceRequestHandler(vertx, name, data, maxPageSize, faults, gauge));
            await(server.listen());
            baseUrl = "http://" + HOST + ":" + server.actualPort();
            return baseUrl;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the base URL; {@code null} before {@link #start()} */
    public synchronized String baseUrl() {
        return baseUrl;
    }

    public String name() {
        return name;
    }

    /** @return the served data; edit it to make the source drift */
    public LegacySourceData data() {
        return data;
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    /** @return the fault hooks and request counters of this server */
    public SourceFaults faults() {
        return faults;
    }

    public InFlightGauge gauge() {
        return gauge;
    }

    /** Stops listening and drops open connections (delayed requests are not answered). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (vertx != null) {
            Vertx stopping = vertx;
            vertx = null;
            await(stopping.close());
        }
    }

    private void await(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping source " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("source " + name + " could not start or stop", e);
        }
    }
}
