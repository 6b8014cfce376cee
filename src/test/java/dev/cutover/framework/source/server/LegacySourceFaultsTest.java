package dev.cutover.framework.source.server;

import static dev.cutover.framework.source.server.SourceHttp.get;
import static dev.cutover.framework.source.server.SourceHttp.getJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

class LegacySourceFaultsTest {

    private LegacySourceServer server;
    private String url;

    @BeforeEach
    void startServer() {
        LegacySourceData data = new LegacySourceData(IntStream.range(0, 30)
                .mapToObj(i -> SourceHttp.json("{\"id\":\"r-" + i + "\",\"version\":1}")).toList());
        server = new LegacySourceServer("us-1", data, 10, new InFlightGauge());
        url = server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String rules() {
        return url + "/v1/rules";
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504 })
    void failNextAnswersTheStatusForThatManyRequestsThenServesAgain(int status) {
        server.faults().failNext(2, status);
        assertEquals(status, get(rules()).statusCode());
        HttpResponse<String> second = get(rules());
        assertEquals(status, second.statusCode());
        assertEquals(status, SourceHttp.json(second.body()).get("status").asInt());
        assertEquals(200, get(rules()).statusCode());
    }

    @Test
    void throttleNextAnswers429WithRetryAfterInSeconds() {
        server.faults().throttleNext(1, Duration.ofSeconds(60));
        HttpResponse<String> response = get(rules());
        assertEquals(429, response.statusCode());
        assertEquals("60", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(0, server.faults().earlyRequests(), "the throttled request itself came before any Retry-After");
        assertEquals(200, get(rules()).statusCode());
        // a request within the minute it was asked to wait: the server's ledger counts it early, by name
        assertEquals(1, server.faults().earlyRequests());
        assertTrue(server.faults().early().get(0).startsWith("/v1/rules arrived "), server.faults().early().toString());
    }

    @Test
    void throttleNextAnswers429WithRetryAfterAsAnHttpDate() {
        Instant retryAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        server.faults().throttleNext(1, retryAt);
        HttpResponse<String> response = get(rules());
        assertEquals(429, response.statusCode());
        String header = response.headers().firstValue("Retry-After").orElseThrow();
        assertTrue(header.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), header);
        assertEquals(retryAt, ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    }

    @Test
    void armedStatusesAreAnsweredInTheOrderTheyWereArmed() {
        server.faults().failNext(1, 502).throttleNext(1, Duration.ofSeconds(1)).failNext(1, 504);
        assertEquals(502, get(rules()).statusCode());
        assertEquals(429, get(rules()).statusCode());
        assertEquals(504, get(rules()).statusCode());
        assertEquals(200, get(rules()).statusCode());
    }

    @Test
    void delayNextHoldsTheRequestLongerThanTheClientWaits() {
        server.faults().delayNext(1, Duration.ofMillis(1500));
        UncheckedIOException timeout = assertThrows(UncheckedIOException.class,
                () -> get(rules(), Duration.ofMillis(300)));
        assertInstanceOf(HttpTimeoutException.class, timeout.getCause());
        assertEquals(200, get(rules(), Duration.ofMillis(1000)).statusCode());
    }

    @Test
    void aDelayedRequestIsStillAnsweredCorrectlyWhenTheClientWaits() {
        server.faults().delayNext(1, Duration.ofMillis(300));
        long start = System.nanoTime();
        JsonNode page = getJson(rules());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        assertEquals(10, page.get("items").size());
    }

    @Test
    void notJsonBodyIsAnHtmlPageWithStatus200() {
        server.faults().badBodyNext(1, SourceFaults.BadBody.NOT_JSON);
        HttpResponse<String> response = get(rules());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("<html>"));
        assertThrows(UncheckedIOException.class, () -> SourceHttp.json(response.body()));
    }

    @Test
    void truncatedBodyIsIncompleteJson() {
        server.faults().badBodyNext(1, SourceFaults.BadBody.TRUNCATED);
        HttpResponse<String> response = get(rules());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"source\":\"us-1\""));
        assertThrows(UncheckedIOException.class, () -> SourceHttp.json(response.body()));
    }

    @Test
    void wrongShapeBodyIsJsonThatBreaksTheContract() {
        server.faults().badBodyNext(1, SourceFaults.BadBody.WRONG_SHAPE);
        JsonNode body = getJson(rules());
        assertFalse(body.get("items").isArray());
        assertFalse(body.get("next_cursor").isTextual() || body.get("next_cursor").isNull());
        assertTrue(getJson(rules()).get("items").isArray(), "only the next request is affected");
    }

    @Test
    void repeatCursorGivesBackTheCursorTheRequestCarried() {
        server.faults().repeatCursorNext(1);
        String first = getJson(rules()).get("next_cursor").asText();
        JsonNode second = getJson(rules() + "?cursor=" + first);
        assertEquals(first, second.get("next_cursor").asText(), "a cursor the client has already seen");
        assertEquals("r-10", second.get("items").get(0).get("id").asText(), "the items themselves are right");
        JsonNode again = getJson(rules() + "?cursor=" + first);
        assertTrue(!first.equals(again.get("next_cursor").asText()), "used up after one request");
    }

    @Test
    void downAfterPagesAnswers503ToEveryLaterRequestUntilRecover() {
        server.faults().downAfterPages(2);
        String cursor = getJson(rules()).get("next_cursor").asText();
        cursor = getJson(rules() + "?cursor=" + cursor).get("next_cursor").asText();
        assertTrue(server.faults().isDown());
        assertEquals(503, get(rules() + "?cursor=" + cursor).statusCode());
        assertEquals(503, get(rules()).statusCode());
        assertEquals(503, get(url + "/v1/changes?since=0").statusCode());

        server.faults().recover();
        assertEquals(200, get(rules() + "?cursor=" + cursor).statusCode());
    }

    @Test
    void downAfterZeroPagesIsDownAtOnce() {
        server.faults().downAfterPages(0);
        assertEquals(503, get(rules()).statusCode());
    }

    @Test
    void faultsArmedForOnePathLeaveOtherPathsAlone() {
        server.faults().on(LegacySourceServer.CHANGES_PATH).failNext(1, 500);
        assertEquals(200, get(rules()).statusCode());
        assertEquals(500, get(url + "/v1/changes?since=0").statusCode());
        assertEquals(200, get(url + "/v1/changes?since=0").statusCode());
    }

    @Test
    void clearDisarmsEveryFaultAndRecovers() {
        server.faults().failNext(3, 500).delayNext(3, Duration.ofSeconds(5)).downAfterPages(0);
        server.faults().clear();
        assertEquals(200, get(rules(), Duration.ofSeconds(2)).statusCode());
    }

    @Test
    void requestsAreCountedInTotalAndPerPathFaultedOnesIncluded() {
        server.faults().failNext(1, 503);
        get(rules());
        get(rules());
        get(url + "/v1/changes?since=0");
        get(rules() + "?limit=0");
        assertEquals(4, server.faults().requestCount());
        assertEquals(3, server.faults().requestCount(LegacySourceServer.RULES_PATH));
        assertEquals(1, server.faults().requestCount(LegacySourceServer.CHANGES_PATH));
        assertEquals(Map.of("/v1/changes", 1, "/v1/rules", 3), server.faults().requestCounts());
    }

    @Test
    void armingWithLessThanOneRequestIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> server.faults().failNext(0, 500));
        assertThrows(IllegalArgumentException.class, () -> server.faults().failNext(1, 200));
    }
}
