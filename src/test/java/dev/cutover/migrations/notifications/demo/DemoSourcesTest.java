package dev.cutover.migrations.notifications.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.SourceHttp;

class DemoSourcesTest {

    @Test
    void eachDemoSourceServesItsWholeListingInPagesOfAtMost250() {
        try (DemoSources sources = DemoSources.start()) {
            Map<String, String> urls = sources.urls();
            assertEquals(List.of("ap-1", "eu-1", "us-1"), List.copyOf(urls.keySet()));
            for (Map.Entry<String, String> source : urls.entrySet()) {
                assertTrue(source.getValue().startsWith("http://127.0.0.1:"), source.getValue());
                List<JsonNode> items = new ArrayList<>();
                int pages = 0;
                String cursor = null;
                do {
                    JsonNode page = SourceHttp.getJson(source.getValue() + "/v1/rules?limit=1000"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                    assertEquals(source.getKey(), page.get("source").asText());
                    assertEquals(sources.rules().total(source.getKey()), page.get("total").asInt());
                    assertTrue(page.get("items").size() <= DemoSources.DEMO_PAGE_SIZE);
                    page.get("items").forEach(items::add);
                    pages++;
                    cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                } while (cursor != null);
                assertEquals(sources.rules().items(source.getKey()), items, source.getKey());
                assertTrue(pages >= 5, "paging is exercised: " + pages + " pages");
            }
        }
    }

    @Test
    void sourcesShareTheGaugeTheyWereGivenAndCloseStopsThemAll() {
        InFlightGauge gauge = new InFlightGauge();
        DemoSources sources = DemoSources.start(DemoRules.generate(), 100, gauge);
        List<String> urls = List.copyOf(sources.urls().values());
        urls.forEach(url -> SourceHttp.getJson(url + "/v1/rules"));
        assertEquals(1, gauge.max());
        assertEquals(3, sources.sourceArguments().size());
        assertTrue(sources.sourceArguments().get(0).startsWith("ap-1=http://127.0.0.1:"));
        assertEquals(1, sources.server("eu-1").faults().requestCount());

        sources.close();
        urls.forEach(url -> assertThrows(UncheckedIOException.class, () -> SourceHttp.get(url + "/v1/rules")));
    }

    @Test
    void editingOneHandlesSourceMakesItDriftWithoutTouchingTheOracle() {
        try (DemoSources sources = DemoSources.start()) {
            String url = sources.urls().get("us-1");
            long baseline = SourceHttp.getJson(url + "/v1/rules").get("watermark").asLong();
            sources.server("us-1").data().delete("r-00001");
            JsonNode changes = SourceHttp.getJson(url + "/v1/changes?since=" + baseline);
            assertEquals("r-00001", changes.get("items").get(0).get("id").asText());
            assertTrue(changes.get("items").get(0).get("deleted").asBoolean());
            assertTrue(sources.rules().expectedById("us-1").containsKey("r-00001"));
        }
    }
}
