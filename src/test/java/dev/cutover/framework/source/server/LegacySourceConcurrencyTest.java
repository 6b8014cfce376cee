package dev.cutover.framework.source.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-flight gauge measures concurrency across sources, and delays never block a server. */
class LegacySourceConcurrencyTest {

    private final InFlightGauge gauge = new InFlightGauge();
    private final List<LegacySourceServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(LegacySourceServer::close);
    }

    private LegacySourceServer start(String name) {
        LegacySourceServer server = new LegacySourceServer(name,
                new LegacySourceData(List.of(SourceHttp.json("{\"id\":\"r-1\",\"version\":1}"))), 100, gauge);
        servers.add(server);
        server.start();
        return server;
    }

    @Test
    void aSharedGaugeRecordsTheMaximumOfConcurrentDelayedRequestsAcrossServers() {
        LegacySourceServer eu = start("eu-1");
        LegacySourceServer us = start("us-1");
        eu.faults().delayNext(3, Duration.ofMillis(800));
        us.faults().delayNext(2, Duration.ofMillis(800));

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(SourceHttp.getAsync(eu.baseUrl() + "/v1/rules"));
        }
        for (int i = 0; i < 2; i++) {
            calls.add(SourceHttp.getAsync(us.baseUrl() + "/v1/rules"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge.current() == 5);
        calls.forEach(call -> assertEquals(200, call.join().statusCode()));

        assertEquals(5, gauge.max());
        assertEquals(0, gauge.current());
    }

    @Test
    void sequentialRequestsNeverCountMoreThanOne() {
        LegacySourceServer eu = start("eu-1");
        LegacySourceServer us = start("us-1");
        for (int i = 0; i < 20; i++) {
            SourceHttp.getJson((i % 2 == 0 ? eu : us).baseUrl() + "/v1/rules");
        }
        assertEquals(1, gauge.max());
        assertEquals(0, gauge.current());
    }

    @Test
    void aDelayedRequestDoesNotHoldUpOthersOnTheSameServer() {
        LegacySourceServer eu = start("eu-1");
        eu.faults().delayNext(1, Duration.ofSeconds(3));
        CompletableFuture<HttpResponse<String>> slow = SourceHttp.getAsync(eu.baseUrl() + "/v1/rules");
        await().atMost(Duration.ofSeconds(2)).until(() -> gauge.current() == 1);

        // served while the other is held: both in the server at once, and the held one not yet answered
        // (were it queued behind the held one, it would outlast its own 2 s deadline)
        assertEquals(200, SourceHttp.get(eu.baseUrl() + "/v1/rules", Duration.ofSeconds(2)).statusCode());
        assertFalse(slow.isDone());
        assertEquals(2, gauge.max());
        assertEquals(200, slow.join().statusCode());
    }

    @Test
    void aRequestWhoseClientGaveUpLeavesTheGaugeWhenTheConnectionCloses() {
        LegacySourceServer eu = start("eu-1");
        eu.faults().delayNext(1, Duration.ofSeconds(10));
        try {
            SourceHttp.get(eu.baseUrl() + "/v1/rules", Duration.ofMillis(300));
        } catch (java.io.UncheckedIOException timedOut) {
            // expected: the client stops waiting
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge.current() == 0);
    }

    @Test
    void resetRestartsTheMaximumFromWhatIsInFlightNow() {
        gauge.enter();
        gauge.enter();
        gauge.exit();
        assertEquals(2, gauge.max());
        gauge.reset();
        assertEquals(1, gauge.max());
        gauge.exit();
        assertEquals(0, gauge.current());
    }
}
