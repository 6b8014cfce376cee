package dev.cutover.framework.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

import dev.cutover.framework.metrics.CutoverMetrics;

/**
 * The transport of every {@link SourceProtocol}: GET requests through the Quarkus REST client, each a
 * {@link GuardedRequest} (retries with backoff and jitter, at least {@code Retry-After}, within
 * {@code cutover.source.max-attempts} and {@code page-deadline}, strict UTF-8); every problem that
 * retrying cannot fix is a {@link SourceFailure} naming source and cursor. The protocol only builds
 * the request and reads the answer.
 * <p>
 * A request and its waits run on a thread of their own while the caller polls its {@link StopSignal}:
 * a stop requested meanwhile abandons the request at once ({@link SourceWaitStopped}), so an execution
 * asked to stop never sleeps out a {@code Retry-After} or a slow source first. Stateless between calls:
 * a restarted execution simply asks again from its checkpointed cursor.
 */
@ApplicationScoped
public class SourceClient {

    /** How often a caller looks at its stop signal while its request is pending. */
    private static final long STOP_POLL_MILLIS = 100;

    private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutover-source-request");
        t.setDaemon(true);
        return t;
    });

    @Inject
    SourceRetryConfig config;

    @Inject
    CutoverMetrics metrics;

    private Client http;

    @PostConstruct
    void open() {
        long timeout = config.requestTimeout().toMillis();
        http = ClientBuilder.newBuilder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Fetches one listing page.
     *
     * @param cursor {@code null} for the first page
     * @throws SourceFailure when the page cannot be had
     * @throws SourceWaitStopped when {@code stop} asked to stop before the page came
     */
    public SourcePage page(SourceProtocol protocol, SourceEndpoint source, String cursor, int limit, ConcurrencyGate gate,
            StopSignal stop) {
        SourceAnswer answer = call(source, cursor, protocol.page(cursor, limit), gate, stop);
        return protocol.readPage(source.name(), cursor, answer);
    }

    /**
     * Fetches the changes since a watermark (for the drift check) and hands them to {@code changes}.
     *
     * @throws SourceFailure when the answer cannot be had
     * @throws SourceWaitStopped when {@code stop} asked to stop before the answer came
     */
    public void changes(SourceProtocol protocol, SourceEndpoint source, long since, ConcurrencyGate gate, StopSignal stop,
            Consumer<SourceChange> changes) {
        SourceAnswer answer = call(source, "changes since " + since, protocol.changes(since), gate, stop);
        protocol.readChanges(source.name(), since, answer, changes);
    }

    private SourceAnswer call(SourceEndpoint source, String cursor, SourceRequest request, ConcurrencyGate gate,
            StopSignal stop) {
        URI uri = uri(source, request);
        GuardedRequest guarded = new GuardedRequest(source, cursor, config, metrics,
                () -> http.target(uri).request().async().get());
        Future<SourceAnswer> pending = requests.submit(() -> guarded.run(gate));
        try {
            while (true) {
                try {
                    return pending.get(STOP_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillPending) {
                    if (stop.stopRequested()) {
                        // interrupts the request or the backoff sleep; the permit is released on the way out
                        pending.cancel(true);
                        throw new SourceWaitStopped(source.name(), cursor);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new SourceFailure(source.name(), cursor, e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceWaitStopped(source.name(), cursor);
        }
    }

    /** The base URL's path, then the request's; every query value encoded (a cursor is opaque text). */
    static URI uri(SourceEndpoint source, SourceRequest request) {
        String base = source.baseUrl().toString();
        StringBuilder uri = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        uri.append(request.path().startsWith("/") ? "" : "/").append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.query().entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @PreDestroy
    void close() {
        requests.shutdownNow();
        if (http != null) {
            http.close();
        }
    }
}
