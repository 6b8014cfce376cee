package dev.cutover.framework.source;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.metrics.CutoverMetrics;
import dev.cutover.framework.normalize.LegacyJson;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Reads legacy sources per DESIGN.md §4 through the Quarkus REST client, each page a
 * {@link GuardedRequest} (retries with backoff and jitter, at least {@code Retry-After}, within
 * {@code cutover.source.max-attempts} and {@code page-deadline}); every problem that retrying cannot
 * fix is a {@link SourceFailure} naming source and cursor.
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

    private final Map<URI, LegacySourceApi> clients = new ConcurrentHashMap<>();
    private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutover-source-request");
        t.setDaemon(true);
        return t;
    });

    @Inject
    SourceRetryConfig config;

    @Inject
    CutoverMetrics metrics;

    /**
     * Fetches one page of {@code /v1/rules}.
     *
     * @param cursor {@code null} for the first page
     * @throws SourceFailure when the page cannot be had
     * @throws SourceWaitStopped when {@code stop} asked to stop before the page came
     */
    public SourcePage rules(SourceEndpoint source, String cursor, int limit, ConcurrencyGate gate, StopSignal stop) {
        String body = call(source, cursor, gate, stop, api -> api.rules(limit, cursor));
        // parsed from the text, streaming: a tree of the page would fail it for one item nested too deep
        return RulesPageParser.parse(source.name(), cursor, body);
    }

    /**
     * Fetches {@code /v1/changes?since=watermark} (for the drift check).
     *
     * @throws SourceFailure when the answer cannot be had
     * @throws SourceWaitStopped when {@code stop} asked to stop before the answer came
     */
    public JsonNode changes(SourceEndpoint source, long since, ConcurrencyGate gate, StopSignal stop) {
        String what = "changes since " + since;
        return readJson(source, what, call(source, what, gate, stop, api -> api.changes(since)));
    }

    private String call(SourceEndpoint source, String cursor, ConcurrencyGate gate, StopSignal stop,
            Function<LegacySourceApi, Response> request) {
        GuardedRequest guarded = new GuardedRequest(source, cursor, config, metrics,
                clients.computeIfAbsent(source.baseUrl(), this::newClient), request);
        Future<String> pending = requests.submit(() -> guarded.run(gate));
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

    private JsonNode readJson(SourceEndpoint source, String cursor, String body) {
        try {
            // the shared limits: a changed rule nested deeper than Jackson's default must not fail the drift check
            return LegacyJson.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new SourceFailure(source.name(), cursor, "the body is not JSON: " + Excerpt.of(body, 120), e);
        }
    }

    private LegacySourceApi newClient(URI baseUrl) {
        long timeout = config.requestTimeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                // statuses are classified here, not turned into exceptions by the default mapper
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(LegacySourceApi.class);
    }

    @PreDestroy
    void close() {
        requests.shutdownNow();
    }
}
