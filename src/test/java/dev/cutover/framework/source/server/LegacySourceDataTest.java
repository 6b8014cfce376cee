package dev.cutover.framework.source.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class LegacySourceDataTest {

    private static JsonNode json(String text) {
        return SourceHttp.json(text);
    }

    private static LegacySourceData sample() {
        return new LegacySourceData(List.of(
                json("{\"id\":\"a\",\"version\":1}"),
                json("{\"id\":\"b\",\"version\":1}"),
                json("{\"id\":\"a\",\"version\":2}"),
                json("\"not an object\""),
                json("{\"id\":7,\"version\":1}"),
                json("{\"version\":1}"),
                json("{\"id\":\"c\",\"version\":1}")), 10);
    }

    @Test
    void totalCountsDistinctStringIdsOnly() {
        assertEquals(3, sample().total());
        assertEquals(7, sample().size());
    }

    @Test
    void changesSinceBeforeTheInitialWatermarkListsEveryIdOnceAtItsFirstCopy() {
        LegacySourceData data = sample();
        assertEquals(List.of(json("{\"id\":\"a\",\"version\":1}"), json("{\"id\":\"b\",\"version\":1}"),
                json("{\"id\":\"c\",\"version\":1}")), data.changesSince(9));
        assertEquals(List.of(), data.changesSince(10));
    }

    @Test
    void upsertReplacesEveryCopyInPlaceOrAppendsAndBumpsTheWatermark() {
        LegacySourceData data = sample();
        assertEquals(11, data.upsert((ObjectNode) json("{\"id\":\"a\",\"version\":3}")));
        assertEquals(12, data.upsert((ObjectNode) json("{\"id\":\"d\",\"version\":1}")));

        List<JsonNode> items = data.items();
        assertEquals(8, items.size());
        assertEquals(json("{\"id\":\"a\",\"version\":3}"), items.get(0));
        assertEquals(json("{\"id\":\"a\",\"version\":3}"), items.get(2));
        assertEquals(json("{\"id\":\"d\",\"version\":1}"), items.get(7));
        assertEquals(4, data.total());
        assertEquals(12, data.watermark());
    }

    @Test
    void changesSinceListsChangedRulesAtTheirCurrentVersionAndDeletedOnesAsTombstones() {
        LegacySourceData data = sample();
        data.upsert((ObjectNode) json("{\"id\":\"b\",\"version\":2}"));
        long afterB = data.watermark();
        data.delete("a");
        data.upsert((ObjectNode) json("{\"id\":\"b\",\"version\":3}"));

        assertEquals(List.of(json("{\"id\":\"a\",\"deleted\":true}"), json("{\"id\":\"b\",\"version\":3}")),
                data.changesSince(10));
        assertEquals(List.of(json("{\"id\":\"a\",\"deleted\":true}"), json("{\"id\":\"b\",\"version\":3}")),
                data.changesSince(afterB));
        assertEquals(List.of(json("{\"id\":\"b\",\"version\":3}")), data.changesSince(afterB + 1));
        assertEquals(List.of(), data.changesSince(data.watermark()));
        assertEquals(2, data.total());
        assertEquals(5, data.size());
    }

    @Test
    void aDeletedRuleThatComesBackIsListedAgainAtItsNewVersion() {
        LegacySourceData data = sample();
        data.delete("c");
        data.upsert((ObjectNode) json("{\"id\":\"c\",\"version\":5}"));
        assertEquals(List.of(json("{\"id\":\"c\",\"version\":5}")), data.changes(10).items());
        assertEquals(12, data.changes(10).watermark());
    }

    @Test
    void pagesAreSnapshotsWithTheirNextOffset() {
        LegacySourceData data = sample();
        LegacySourceData.Page first = data.page(0, 5);
        assertEquals(5, first.items().size());
        assertEquals(5, first.nextOffset());
        LegacySourceData.Page last = data.page(5, 5);
        assertEquals(2, last.items().size());
        assertEquals(-1, last.nextOffset());
        assertEquals(-1, data.page(99, 5).nextOffset());
        assertEquals(3, last.total());
        assertEquals(10, last.watermark());
    }

    @Test
    void upsertWithoutAStringIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sample().upsert((ObjectNode) json("{\"id\":3}")));
    }

    @Test
    void itemsGivenAtConstructionAreCopiedSoLaterEditsOfTheCallerDoNotLeakIn() {
        ObjectNode item = (ObjectNode) json("{\"id\":\"x\",\"version\":1}");
        LegacySourceData data = new LegacySourceData(List.of(item));
        item.put("version", 99);
        assertEquals(json("{\"id\":\"x\",\"version\":1}"), data.items().get(0));
    }

    @Test
    void itemsGivenAsTextAreServedAsGivenWithTheSameTotalsAndEdits() throws Exception {
        List<String> texts = List.of("{\"id\":\"a\",\"version\":1}", "{\"id\":\"b\",\"version\":1}",
                "{\"id\":\"a\",\"version\":2}", "\"not an object\"", "{\"id\":7,\"version\":1}",
                "{\"version\":1,\"nested\":{\"id\":\"x\"}}", "{\"id\":\"c\",\"version\":1}");
        LegacySourceData data = LegacySourceData.ofJsonText(texts);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(3, data.total());
        assertEquals(7, data.size());
        LegacySourceData.Page page = data.page(1, 3);
        assertEquals("[" + String.join(",", texts.subList(1, 4)) + "]", mapper.writeValueAsString(page.items()));
        assertEquals(4, page.nextOffset());
        assertEquals(3, page.total());
        assertEquals("[" + texts.get(0) + "," + texts.get(1) + "," + texts.get(6) + "]",
                mapper.writeValueAsString(data.changesSince(0)));

        data.upsert((ObjectNode) json("{\"id\":\"d\",\"version\":1}"));
        assertEquals(4, data.total());
        data.delete("a");
        assertEquals(3, data.total());
        assertEquals(6, data.size());
        assertThrows(IllegalArgumentException.class, () -> LegacySourceData.ofJsonText(List.of("{\"id\":")));
    }
}
