package dev.cutover.framework.source.server;

import static dev.cutover.framework.source.server.SourceHttp.get;
import static dev.cutover.framework.source.server.SourceHttp.getJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class LegacySourceServerTest {

    private final List<LegacySourceServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(LegacySourceServer::close);
    }

    private String start(LegacySourceData data, int maxPageSize) {
        LegacySourceServer server = new LegacySourceServer("eu-1", data, maxPageSize, new InFlightGauge());
        servers.add(server);
        return server.start();
    }

    private static LegacySourceData rules(int count) {
        return new LegacySourceData(IntStream.range(0, count)
                .mapToObj(i -> SourceHttp.json("{\"id\":\"r-" + i + "\",\"version\":1}")).toList(), 40);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void startBindsLoopbackOnAnEphemeralPort() {
        String url = start(rules(1), 10);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
    }

    @Test
    void followingNextCursorListsEveryItemInOrderAndShortPagesAreNotTheLast() {
        String url = start(rules(23), 5);
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson(url + "/v1/rules?limit=10" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            assertEquals("eu-1", page.get("source").asText());
            assertEquals(23, page.get("total").asInt());
            assertEquals(40, page.get("watermark").asLong());
            page.get("items").forEach(item -> ids.add(item.get("id").asText()));
            pageSizes.add(page.get("items").size());
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);

        assertEquals(List.of(5, 5, 5, 5, 3), pageSizes, "pages are capped at 5 although limit is 10");
        assertEquals(IntStream.range(0, 23).mapToObj(i -> "r-" + i).toList(), ids);
    }

    @Test
    void theLastPageHasAnExplicitNullCursor() {
        JsonNode page = getJson(start(rules(3), 10) + "/v1/rules?limit=3");
        assertTrue(page.has("next_cursor"));
        assertTrue(page.get("next_cursor").isNull());
    }

    @Test
    void aMissingLimitMeansOneHundred() {
        JsonNode page = getJson(start(rules(150), 1000) + "/v1/rules");
        assertEquals(100, page.get("items").size());
        assertTrue(page.get("next_cursor").isTextual());
    }

    @Test
    void itemsAreServedAsTheyAreAndTotalCountsDistinctStringIds() {
        LegacySourceData data = new LegacySourceData(List.of(SourceHttp.json("{\"id\":\"a\",\"version\":1}"),
                SourceHttp.json("[1,2]"), SourceHttp.json("{\"id\":\"a\",\"version\":2}"),
                SourceHttp.json("{\"id\":12}"), SourceHttp.json("null")));
        JsonNode page = getJson(start(data, 10) + "/v1/rules");
        assertEquals(data.items(), List.copyOf(toList(page.get("items"))));
        assertEquals(1, page.get("total").asInt());
    }

    @Test
    void totalAndWatermarkFollowEditsBetweenPages() {
        LegacySourceData data = rules(10);
        String url = start(data, 5);
        JsonNode first = getJson(url + "/v1/rules");
        data.upsert((ObjectNode) SourceHttp.json("{\"id\":\"new\",\"version\":1}"));
        JsonNode second = getJson(url + "/v1/rules?cursor=" + encode(first.get("next_cursor").asText()));
        assertEquals(10, first.get("total").asInt());
        assertEquals(11, second.get("total").asInt());
        assertEquals(first.get("watermark").asLong() + 1, second.get("watermark").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "1001", "-1", "abc", "2.5", "", "99999999999999999999" })
    void aLimitThatIsNotAnIntegerFromOneToAThousandIs400WithAJsonError(String limit) {
        HttpResponse<String> response = get(start(rules(3), 10) + "/v1/rules?limit=" + encode(limit));
        assertEquals(400, response.statusCode());
        assertEquals(400, SourceHttp.json(response.body()).get("status").asInt());
        assertTrue(SourceHttp.json(response.body()).get("error").asText().contains("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "1000" })
    void limitsAtTheBoundsAreAccepted(String limit) {
        assertEquals(200, get(start(rules(3), 10) + "/v1/rules?limit=" + limit).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage!", "AAAAAAAAAAAAAAAAAAAAAA", "", "MA" })
    void aGarbledCursorIs400(String cursor) {
        HttpResponse<String> response = get(start(rules(30), 10) + "/v1/rules?cursor=" + encode(cursor));
        assertEquals(400, response.statusCode());
        assertTrue(SourceHttp.json(response.body()).get("error").asText().contains("cursor"));
    }

    @Test
    void aCursorOfAnotherServerIs400EvenForTheSameData() {
        LegacySourceData data = rules(30);
        String first = start(data, 10);
        String other = start(data, 10);
        String cursor = getJson(first + "/v1/rules").get("next_cursor").asText();
        assertEquals(200, get(first + "/v1/rules?cursor=" + encode(cursor)).statusCode());
        assertEquals(400, get(other + "/v1/rules?cursor=" + encode(cursor)).statusCode());
    }

    @Test
    void cursorsDoNotRevealTheOffset() {
        String url = start(rules(100), 10);
        Set<String> cursors = new HashSet<>();
        String cursor = getJson(url + "/v1/rules").get("next_cursor").asText();
        cursors.add(cursor);
        assertNotEquals("10", cursor);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "base64url: " + cursor);
        cursors.add(getJson(url + "/v1/rules?cursor=" + cursor).get("next_cursor").asText());
        assertEquals(2, cursors.size());
    }

    @Test
    void changesSinceAWatermarkListUpsertsAndDeletesMadeAfterIt() {
        LegacySourceData data = rules(5);
        String url = start(data, 10);
        long baseline = getJson(url + "/v1/rules").get("watermark").asLong();
        data.upsert((ObjectNode) SourceHttp.json("{\"id\":\"r-1\",\"version\":2}"));
        data.delete("r-3");

        JsonNode changes = getJson(url + "/v1/changes?since=" + baseline);
        assertEquals(List.of(SourceHttp.json("{\"id\":\"r-1\",\"version\":2}"),
                SourceHttp.json("{\"id\":\"r-3\",\"deleted\":true}")), toList(changes.get("items")));
        assertEquals(baseline + 2, changes.get("watermark").asLong());
        assertEquals(0, getJson(url + "/v1/changes?since=" + (baseline + 2)).get("items").size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/changes", "/v1/changes?since=", "/v1/changes?since=-1", "/v1/changes?since=x" })
    void changesWithoutANumericSinceIs400(String path) {
        assertEquals(400, get(start(rules(1), 10) + path).statusCode());
    }

    @Test
    void unknownPathsAre404() {
        HttpResponse<String> response = get(start(rules(1), 10) + "/v2/rules");
        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void closeStopsServing() {
        LegacySourceServer server = new LegacySourceServer("eu-1", rules(1));
        String url = server.start();
        server.close();
        server.close();
        assertThrowsIo(url + "/v1/rules");
    }

    private static void assertThrowsIo(String url) {
        try {
            HttpResponse<String> response = get(url);
            throw new AssertionError("expected a connection error, got " + response.statusCode());
        } catch (java.io.UncheckedIOException expected) {
            // connection refused: nothing listens any more
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
