package dev.cutover.migrations.ratelimits.demo;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cutover.framework.source.server.InFlightGauge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * A real HTTP regional KV store speaking the protocol of {@code source/PROTOCOL.md}, serving a
 * {@link KvStore}: for the demo ({@code --demo}) and for tests.
 * <ul>
 * <li>{@code GET /v1/kv?prefix=ratelimits/&offset=N&limit=M}: a page of at most
 * {@code min(limit, maxPageSize)} entries, {@code X-Kv-Index} the store's index. A missing or wrong
 * {@code prefix}, {@code offset} or {@code limit} (1..{@value #MAX_LIMIT}) is a {@code 400}.</li>
 * <li>{@code GET /v1/kv/changes?prefix=ratelimits/&index=W}: the keys changed after {@code W}.</li>
 * <li>Other paths {@code 404}, other methods {@code 405}; errors have a body {@code {"error", "status"}}.</li>
 * </ul>
 * Listens on {@value #HOST} only, on an ephemeral port, with a single-threaded Vert.x of its own so it
 * never competes with the application's event loop. Faults are armed through {@link #faults()};
 * concurrency is measured by the {@link InFlightGauge} it was given (a request is in flight from its
 * arrival until just before its answer is written, delays included). Started once; {@link #close()} is
 * idempotent.
 */
public final class KvSourceServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int MAX_LIMIT = 1000;
    private static final long START_STOP_TIMEOUT_SECONDS = 30;

    private final String region;
    private final KvStore store;
    private final int maxPageSize;
    private final KvFaults faults = new KvFaults();
    private final InFlightGauge gauge;
    private Vertx vertx;
    private String baseUrl;
    private boolean closed;

    /** @param maxPageSize the most entries a page holds whatever the {@code limit} (1..{@value #MAX_LIMIT}) */
    public KvSourceServer(String region, KvStore store, int maxPageSize) {
        this(region, store, maxPageSize, new InFlightGauge());
    }

    /**
     * @param maxPageSize the most entries a page holds whatever the {@code limit} (1..{@value #MAX_LIMIT})
     * @param gauge       counts this server's requests in flight; may be shared with other servers
     */
    public KvSourceServer(String region, KvStore store, int maxPageSize, InFlightGauge gauge) {
        if (maxPageSize < 1 || maxPageSize > MAX_LIMIT) {
            throw new IllegalArgumentException("maxPageSize must be 1.." + MAX_LIMIT + ": " + maxPageSize);
        }
        this.region = Objects.requireNonNull(region, "region");
        this.store = Objects.requireNonNull(store, "store");
        this.maxPageSize = maxPageSize;
        this.gauge = Objects.requireNonNull(gauge, "gauge");
    }

    /**
     * Binds {@value #HOST} on an ephemeral port and blocks until it accepts requests.
     *
     * @return the base URL, {@code http://127.0.0.1:PORT}
     * @throws IllegalStateException when already started or closed, or when it cannot bind
     */
    public synchronized String start() {
        if (vertx != null || closed) {
            throw new IllegalStateException("KV store " + region + " was already started");
        }
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        try {
            var server = vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(0))
                    .requestHandler(new KvRequestHandler(vertx, store, maxPageSize, faults, gauge));
            await(server.listen());
            baseUrl = "http://" + HOST + ":" + server.actualPort();
            return baseUrl;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public synchronized String baseUrl() {
        return baseUrl;
    }

    public String region() {
        return region;
    }

    /** @return the served data; edit it to make the region drift */
    public KvStore store() {
        return store;
    }

    public KvFaults faults() {
        return faults;
    }

    public InFlightGauge gauge() {
        return gauge;
    }

    /** Stops listening and drops open connections. Idempotent. */
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
            throw new IllegalStateException("interrupted while starting or stopping KV store " + region, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("KV store " + region + " could not start or stop", e);
        }
    }
}
