package dev.cutover.framework.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.cutover.framework.metrics.CutoverMetrics;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * One request to a source with the retries DESIGN.md §4 asks for: transient answers (429, 500, 502,
 * 503, 504, connection errors, timeouts, a body cut short) are retried with backoff, at most
 * {@code max-attempts} times and within the page deadline, waits included; a {@code Retry-After}
 * beyond the deadline fails at once. The answer is the body, strictly UTF-8. Every other problem is
 * a {@link SourceFailure} naming the source, the cursor and what was wrong. Single use.
 */
final class GuardedRequest {

    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

    private final SourceEndpoint source;
    private final String cursor;
    private final SourceRetryConfig config;
    private final CutoverMetrics metrics;
    /** Sends one attempt; its answer is awaited for at most what the attempt and the page deadline allow. */
    private final Supplier<Future<Response>> request;
    /** Why each failed attempt failed, counted, in order of first occurrence. */
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private PageDeadline deadline;
    private int attempts;

    GuardedRequest(SourceEndpoint source, String cursor, SourceRetryConfig config, CutoverMetrics metrics,
            Supplier<Future<Response>> request) {
        this.source = source;
        this.cursor = cursor;
        this.config = config;
        this.metrics = metrics;
        this.request = request;
    }

    /** @return the answer, its body decoded as UTF-8; @throws SourceFailure when it cannot be had */
    SourceAnswer run(ConcurrencyGate gate) {
        deadline = PageDeadline.starting(config.pageDeadline());
        try {
            return guard().call(() -> gate.call(this::attempt));
        } catch (SourceFailure e) {
            throw e;
        } catch (TransientSourceError | TimeoutException e) {
            if (e instanceof TimeoutException) {
                failed(noAnswer());
            }
            throw new SourceFailure(source.name(), cursor, gaveUp(), e);
        } catch (Exception e) {
            throw new SourceFailure(source.name(), cursor, e.toString(), e);
        }
    }

    private TypedGuard<SourceAnswer> guard() {
        String what = "source " + source.name() + ", " + SourceFailure.describeCursor(cursor);
        return TypedGuard.create(SourceAnswer.class)
                .withRetry()
                .maxRetries(config.maxAttempts() - 1)
                .delay(config.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(config.pageDeadline().toMillis(), ChronoUnit.MILLIS)
                .retryOn(List.of(TransientSourceError.class, TimeoutException.class))
                .beforeRetry(cause -> {
                    if (cause instanceof TimeoutException) {
                        failed(noAnswer());
                    }
                    metrics.sourceRetried(source.name());
                })
                .withCustomBackoff()
                .strategy(() -> new RetryAfterBackoff(config.maxBackoff().toMillis(), deadline, what, config.maxAttempts()))
                .done()
                .done()
                .withTimeout()
                // a backstop behind the attempt's own bound (answer()), should anything else of an attempt hang
                .duration(attemptMillis() + 1000, ChronoUnit.MILLIS)
                .done()
                .build();
    }

    private SourceAnswer attempt() {
        if (deadline.remainingMillis() == 0) {
            // a backoff may end right at the deadline: an attempt with no time to be answered is not sent
            throw new TransientSourceError("the page deadline has passed", 0, null);
        }
        attempts++;
        Response response = answer();
        try (response) {
            int status = response.getStatus();
            if (TRANSIENT.contains(status)) {
                throw throttled(status, response.getHeaderString("Retry-After"));
            }
            byte[] body = body(status, response);
            if (status >= 300 && status <= 399) {
                // a redirect followed silently would read another source than the one configured and named
                String location = response.getHeaderString("Location");
                throw new SourceFailure(source.name(), cursor, "HTTP " + status
                        + (location == null ? " without a Location header" : " redirects to " + Excerpt.of(location, 200))
                        + ": redirects are not followed; configure the source's final URL", null);
            }
            if (status < 200 || status > 299) {
                throw new SourceFailure(source.name(), cursor, "HTTP " + status + " "
                        + Excerpt.of(new String(body, java.nio.charset.StandardCharsets.UTF_8), 120), null);
            }
            return decoded(response, body);
        }
    }

    /** @return the retry of a transient status, at least its {@code Retry-After} later; @throws SourceFailure beyond the deadline */
    private TransientSourceError throttled(int status, String retryAfter) {
        long wait = RetryAfter.millis(retryAfter, Clock.systemUTC());
        if (wait > deadline.remainingMillis()) {
            throw new SourceFailure(source.name(), cursor, "HTTP " + status + " with Retry-After "
                    + RetryAfter.quoted(retryAfter) + " asks to wait " + describeWait(wait) + ", beyond what is left ("
                    + seconds(Duration.ofMillis(deadline.remainingMillis())) + ") of the page deadline of "
                    + seconds(config.pageDeadline()) + " (cutover.source.page-deadline)", null);
        }
        // an unreadable Retry-After is ignored (the backoff applies): the message says so, not just "HTTP 429"
        String why = "HTTP " + status + (RetryAfter.understood(retryAfter, Clock.systemUTC()) ? ""
                : " with Retry-After " + RetryAfter.quoted(retryAfter) + ", not understood (ignored)");
        failed(why);
        return new TransientSourceError(why, wait, null);
    }

    /** @return the body's bytes, at most {@code cutover.source.max-body-size} of them, as sent (no encoding) */
    private byte[] body(int status, Response response) {
        String encoding = response.getHeaderString("Content-Encoding");
        if (status >= 200 && status <= 299 && encoding != null && !encoding.isBlank()
                && !encoding.strip().equalsIgnoreCase("identity")) {
            // Cutover asks for no encoding: a compressed body would otherwise be read as text that is not UTF-8
            throw new SourceFailure(source.name(), cursor, "the body is encoded (Content-Encoding "
                    + Excerpt.of(encoding, 40) + "), which Cutover did not ask for: it reads bodies as sent, uncompressed", null);
        }
        long limit = config.maxBodySize().asLongValue();
        long declared = contentLength(response);
        if (declared > limit) {
            throw tooLarge(declared + " bytes (Content-Length)", limit);
        }
        byte[] body;
        try {
            // at most one byte past the limit is copied: the text, its items and their slices would hold it
            // three and four times over, and a body of 100 MB ran a 256 MB heap out of memory
            body = response.hasEntity() ? response.readEntity(InputStream.class).readNBytes(Math.toIntExact(
                    Math.min(limit + 1, Integer.MAX_VALUE - 8))) : new byte[0];
        } catch (ProcessingException | IOException e) {
            // the headers came, then the connection closed before Content-Length bytes: transient
            throw transientFailure(e instanceof RuntimeException r ? r : new ProcessingException(e),
                    "the body was cut short (" + rootMessage(e) + ")");
        }
        if (body.length > limit) {
            throw tooLarge("more than " + limit + " bytes", limit);
        }
        return body;
    }

    /** @return the answer: its body strictly UTF-8, its headers by name (any case) */
    private SourceAnswer decoded(Response response, byte[] body) {
        String text;
        try {
            text = StrictUtf8.decode(body);
        } catch (IllegalArgumentException notUtf8) {
            throw new SourceFailure(source.name(), cursor, notUtf8.getMessage(), null);
        }
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // a header given on several lines is one comma-separated list (RFC 9110 §5.3): kept whole, so
        // that "X-Kv-Index: 10" and "X-Kv-Index: 99" are not read as whichever came first
        response.getStringHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.merge(name, String.join(", ", values), (a, b) -> a + ", " + b);
            }
        });
        return new SourceAnswer(text, headers::get);
    }

    /**
     * Awaits the attempt's answer for a second more than the request timeout (the HTTP client's own
     * timeouts fire first on an idle connection; this ends a body that trickles), or for what is left of
     * the page deadline when that is less: an attempt started near the deadline is cut there (with its
     * full time, a 60 s deadline was overrun by 10 s).
     */
    private Response answer() {
        long full = attemptMillis();
        long limit = Math.min(full, deadline.remainingMillis());
        Future<Response> pending;
        try {
            pending = request.get();
        } catch (RuntimeException e) {
            throw transientFailure(e, rootMessage(e));
        }
        try {
            return pending.get(limit, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            String why = limit < full
                    ? "no answer within the " + seconds(Duration.ofMillis(limit)) + " left of the page deadline"
                    : noAnswer();
            failed(why);
            throw new TransientSourceError(why, 0, null);
        } catch (InterruptedException e) {
            // a stop, or the backstop timeout: not a failure of the source
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransientSourceError("interrupted", 0, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw transientFailure(cause instanceof RuntimeException r ? r : new ProcessingException(cause), rootMessage(cause));
        }
    }

    private static long contentLength(Response response) {
        String length = response.getHeaderString("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private SourceFailure tooLarge(String size, long limit) {
        return new SourceFailure(source.name(), cursor, "the body is " + size + ", beyond cutover.source.max-body-size ("
                + limit + " bytes): ask for smaller pages (cutover.source.page-size) or raise the limit", null);
    }

    /** An interrupted attempt is the timeout's doing: the guard reports that, not the interruption. */
    private RuntimeException transientFailure(RuntimeException e, String why) {
        if (!interrupted(e)) {
            failed(why);
        }
        return new TransientSourceError(why, 0, e);
    }

    private void failed(String why) {
        failures.merge(why, 1, Integer::sum);
    }

    private String gaveUp() {
        String why = failures.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " (x" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
        return "gave up after " + attempts + " attempt(s) in " + seconds(deadline.elapsed()) + " (at most "
                + config.maxAttempts() + " attempts within " + seconds(config.pageDeadline()) + "): "
                + (why.isEmpty() ? "no answer" : why);
    }

    private String noAnswer() {
        return "no answer within " + seconds(Duration.ofMillis(attemptMillis()));
    }

    /** @return how long one attempt is awaited when the page deadline leaves time: the request timeout and a second */
    private long attemptMillis() {
        return config.requestTimeout().toMillis() + 1000;
    }

    /** @return what a failed attempt was, for the log line of the wait that follows it */
    static String describe(Throwable cause) {
        return cause instanceof TimeoutException ? "no answer in time" : String.valueOf(cause.getMessage());
    }

    private static String describeWait(long millis) {
        return millis == Long.MAX_VALUE ? "longer than any deadline" : seconds(Duration.ofMillis(millis));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + Excerpt.bare(message, 200));
    }
}
