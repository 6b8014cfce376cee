package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.metrics.CutoverMetrics;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One request's attempts stay within the page deadline, the last one included. A Quarkus test: the
 * retries are SmallRye Fault Tolerance's, whose guards need the application.
 */
@QuarkusTest
class GuardedRequestTest {

    private static final SourceEndpoint SOURCE = new SourceEndpoint("s1", URI.create("http://127.0.0.1:9/"));

    /** Retries are counted by the application's metrics; here nothing is registered. */
    private static final CutoverMetrics NO_METRICS = new CutoverMetrics() {
        @Override
        public void sourceRetried(String source) {
        }
    };

    private static SourceRetryConfig config(Duration deadline, Duration requestTimeout, int attempts) {
        return new SourceRetryConfig() {
            public int pageSize() {
                return 1000;
            }

            public int maxAttempts() {
                return attempts;
            }

            public Duration pageDeadline() {
                return deadline;
            }

            public Duration requestTimeout() {
                return requestTimeout;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(100);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(200);
            }

            public MemorySize maxBodySize() {
                return new MemorySize(java.math.BigInteger.valueOf(1000));
            }
        };
    }

    @Test
    void anAttemptStartedNearThePageDeadlineIsCutAtTheDeadline() {
        // never answered: each attempt waits its full 2 s (request timeout and a second); the second starts
        // about 0.9 s before a 3 s deadline
        AtomicInteger sent = new AtomicInteger();
        GuardedRequest request = new GuardedRequest(SOURCE, null, config(Duration.ofSeconds(3), Duration.ofSeconds(1), 8),
                NO_METRICS, () -> {
                    sent.incrementAndGet();
                    return new CompletableFuture<>();
                });
        SourceFailure failure = catchThrowableOfType(() -> request.run(new ConcurrencyGate(1)), SourceFailure.class);
        assertThat(failure).hasMessageStartingWith("source s1, first page: gave up after " + sent.get() + " attempt(s) in ")
                .hasMessageContaining("(at most 8 attempts within 3.0 s): no answer within 2.0 s; no answer within the ")
                .hasMessageEndingWith(" left of the page deadline");
        // the whole request, as its own clock measured it: a full last attempt would end past 4 s
        Matcher took = Pattern.compile("in ([0-9.]+) s \\(").matcher(failure.getMessage());
        assertThat(took.find()).isTrue();
        assertThat(Double.parseDouble(took.group(1))).isLessThanOrEqualTo(3.3);
    }

    @Test
    void noAttemptIsSentWithNoTimeLeft() {
        AtomicInteger sent = new AtomicInteger();
        GuardedRequest request = new GuardedRequest(SOURCE, "c-9", config(Duration.ofMillis(400), Duration.ofSeconds(5), 8),
                NO_METRICS, () -> {
                    sent.incrementAndGet();
                    return new CompletableFuture<>();
                });
        assertThatThrownBy(() -> request.run(new ConcurrencyGate(1))).isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source s1, cursor 'c-9': gave up after 1 attempt(s) in ")
                .hasMessageEndingWith("no answer within the 0.4 s left of the page deadline");
        assertThat(sent).hasValue(1);
    }

    @Test
    void aRedirectFailsNamingWhereItLeadsOrThatItLeadsNowhere() {
        // a 3xx was reported as its empty body: "HTTP 302 ''"
        GuardedRequest moved = new GuardedRequest(SOURCE, null, config(Duration.ofSeconds(5), Duration.ofSeconds(1), 8),
                NO_METRICS, () -> CompletableFuture.completedFuture(Response.status(301).location(URI.create("http://new.example/v1/rules")).build()));
        assertThatThrownBy(() -> moved.run(new ConcurrencyGate(1))).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, first page: HTTP 301 redirects to 'http://new.example/v1/rules': redirects are not "
                        + "followed; configure the source's final URL");
        GuardedRequest nowhere = new GuardedRequest(SOURCE, "c-2", config(Duration.ofSeconds(5), Duration.ofSeconds(1), 8),
                NO_METRICS, () -> CompletableFuture.completedFuture(Response.status(302).build()));
        assertThatThrownBy(() -> nowhere.run(new ConcurrencyGate(1))).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, cursor 'c-2': HTTP 302 without a Location header: redirects are not followed; "
                        + "configure the source's final URL");
    }

    @Test
    void aBodyWithAContentEncodingNotAskedForFailsNamingIt() {
        // a gzip body was reported as "not valid UTF-8 (byte 0x8B at offset 1)"
        GuardedRequest gzipped = new GuardedRequest(SOURCE, null, config(Duration.ofSeconds(5), Duration.ofSeconds(1), 8),
                NO_METRICS, () -> CompletableFuture.completedFuture(Response.ok().header("Content-Encoding", "gzip").build()));
        assertThatThrownBy(() -> gzipped.run(new ConcurrencyGate(1))).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, first page: the body is encoded (Content-Encoding 'gzip'), which Cutover did not ask "
                        + "for: it reads bodies as sent, uncompressed");
    }

    @Test
    void aHeaderGivenOnSeveralLinesIsReadAsOneListNotItsFirstLine() {
        // "X-Kv-Index: 10" then "X-Kv-Index: 99" was read as 10 (or 99, in the other order): a baseline guessed
        GuardedRequest twice = new GuardedRequest(SOURCE, null, config(Duration.ofSeconds(5), Duration.ofSeconds(1), 8),
                NO_METRICS, () -> CompletableFuture.completedFuture(
                        Response.ok().header("X-Kv-Index", "10").header("X-Kv-Index", "99").header("X-Other", "a").build()));
        SourceAnswer answer = twice.run(new ConcurrencyGate(1));
        assertThat(answer.header("x-kv-index")).contains("10, 99");
        assertThat(answer.header("X-Other")).contains("a");
    }

    @Test
    void aBodyDeclaredBeyondTheLimitFailsBeforeItIsRead() {
        GuardedRequest large = new GuardedRequest(SOURCE, "c-4", config(Duration.ofSeconds(5), Duration.ofSeconds(1), 8),
                NO_METRICS, () -> CompletableFuture.completedFuture(Response.ok().header("Content-Length", "1001").build()));
        assertThatThrownBy(() -> large.run(new ConcurrencyGate(1))).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, cursor 'c-4': the body is 1001 bytes (Content-Length), beyond cutover.source.max-body-size "
                        + "(1000 bytes): ask for smaller pages (cutover.source.page-size) or raise the limit");
    }

    @Test
    void aThrottleWithARetryAfterNotUnderstoodSaysItWasIgnored() {
        GuardedRequest throttled = new GuardedRequest(SOURCE, null, config(Duration.ofSeconds(5), Duration.ofSeconds(1), 2),
                NO_METRICS, () -> CompletableFuture.completedFuture(Response.status(429).header("Retry-After", "soon").build()));
        assertThatThrownBy(() -> throttled.run(new ConcurrencyGate(1))).isInstanceOf(SourceFailure.class)
                .hasMessageEndingWith("(at most 2 attempts within 5.0 s): HTTP 429 with Retry-After 'soon', not understood (ignored) (x2)");
    }
}
