package dev.cutover.framework.source;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.metrics.CutoverMetrics;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * Reads legacy sources per DESIGN.md §4 through the Quarkus REST client. Transient answers are
 * retried with exponential backoff and jitter (at least {@code Retry-After}), at most
 * {@code cutover.source.max-attempts} times and {@code page-deadline} per page; every other problem
 * becomes a {@link SourceFailure} naming source and cursor. Stateless between calls: a restarted
 * execution simply asks again from its checkpointed cursor.
 */
@ApplicationScoped
public class SourceClient {

    private final Map<URI, LegacySourceApi> clients = new ConcurrentHashMap<>();

    @Inject
    SourceRetryConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    CutoverMetrics metrics;

    /**
     * Fetches one page of {@code /v1/rules}.
     *
     * @param cursor {@code null} for the first page
     * @throws SourceFailure when the page cannot be had
     */
    public SourcePage rules(SourceEndpoint source, String cursor, int limit, ConcurrencyGate gate) {
        // parsed from the text, streaming: a tree of the page would fail it for one item nested too deep
        String body = guarded(source, cursor, gate, api -> api.rules(limit, cursor));
        return RulesPageParser.parse(source.name(), cursor, body);
    }

    /**
     * Fetches {@code /v1/changes?since=watermark} (for the drift check).
     *
     * @throws SourceFailure when the answer cannot be had
     */
    public JsonNode changes(SourceEndpoint source, long since, ConcurrencyGate gate) {
        String cursor = "changes since " + since;
        String text = guarded(source, cursor, gate, api -> api.changes(since));
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new SourceFailure(source.name(), cursor, "the body is not JSON: " + abbreviate(text), e);
        }
    }

    /** @return the body text of a 200 answer */
    private String guarded(SourceEndpoint source, String cursor, ConcurrencyGate gate,
            java.util.function.Function<LegacySourceApi, Response> request) {
        LegacySourceApi api = clients.computeIfAbsent(source.baseUrl(), this::newClient);
        List<String> attempts = new ArrayList<>();
        TypedGuard<String> guard = guard(source, attempts);
        try {
            return guard.call(() -> gate.call(() -> attempt(source, cursor, api, request, attempts)));
        } catch (SourceFailure e) {
            throw e;
        } catch (TransientSourceError | TimeoutException e) {
            throw new SourceFailure(source.name(), cursor,
                    "gave up after " + attempts.size() + " attempt(s): " + String.join("; ", attempts), e);
        } catch (Exception e) {
            throw new SourceFailure(source.name(), cursor, e.toString(), e);
        }
    }

    private TypedGuard<String> guard(SourceEndpoint source, List<String> attempts) {
        long maxBackoff = config.maxBackoff().toMillis();
        return TypedGuard.create(String.class)
                .withRetry()
                .maxRetries(config.maxAttempts() - 1)
                .delay(config.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(config.pageDeadline().toMillis(), ChronoUnit.MILLIS)
                .retryOn(List.of(TransientSourceError.class, TimeoutException.class))
                .beforeRetry(() -> metrics.sourceRetried(source.name()))
                .withCustomBackoff().strategy(() -> new RetryAfterBackoff(maxBackoff)).done()
                .done()
                .withTimeout()
                // a backstop for a request that hangs below the HTTP client's own timeouts
                .duration(config.requestTimeout().toMillis() + 1000, ChronoUnit.MILLIS)
                .done()
                .build();
    }

    private String attempt(SourceEndpoint source, String cursor, LegacySourceApi api,
            java.util.function.Function<LegacySourceApi, Response> request, List<String> attempts) {
        Response response;
        try {
            response = request.apply(api);
        } catch (RuntimeException e) {
            attempts.add(rootMessage(e));
            throw new TransientSourceError(rootMessage(e), 0, e);
        }
        try (response) {
            int status = response.getStatus();
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
                attempts.add("HTTP " + status);
                throw new TransientSourceError("HTTP " + status, retryAfterMillis(response.getHeaderString("Retry-After")), null);
            }
            if (status != 200) {
                throw new SourceFailure(source.name(), cursor, "HTTP " + status + " " + abbreviate(text), null);
            }
            return text;
        }
    }

    /** {@code Retry-After} is seconds or an HTTP date; anything unreadable counts as absent. */
    static long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (RuntimeException notADate) {
                return 0;
            }
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 120) + "...'";
    }
}
