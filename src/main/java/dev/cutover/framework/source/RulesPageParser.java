package dev.cutover.framework.source;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * Checks that a {@code /v1/rules} body is the contract's JSON (DESIGN.md §4) and reads it, streaming:
 * no tree of the page is built, so one item nested thousands of levels deep neither fails the page
 * (within {@link LegacyJson}'s limits) nor costs a recursive walk. Each item is kept as the exact
 * slice of the body it was listed as, with its top-level {@code id} and {@code version}; repeated
 * keys inside an item count as a JSON tree counts them (the last one), as normalization reads the item.
 * A field of the page itself given twice ({@code "items"}, {@code "next_cursor"}, {@code "total"},
 * {@code "watermark"}) fails the page: either copy could be the one meant. Pure: the same body gives
 * the same page.
 */
final class RulesPageParser {

    /** The page's own fields: each at most once. */
    private static final Set<String> ENVELOPE = Set.of("items", "next_cursor", "total", "watermark");

    private RulesPageParser() {
    }

    /** The page's fields as read; validated once the whole body is known to be JSON. */
    private static final class Fields {
        boolean object;
        List<SourceItem> items;
        JsonToken next;
        String nextCursor;
        Long total;
        Long watermark;
        /** The digits of a {@code total} or {@code watermark} that is an integer beyond a long, for the message. */
        String hugeTotal;
        String hugeWatermark;
    }

    /**
     * @param cursor the cursor the page was requested with, {@code null} for the first page
     * @param body   the body text of the answer
     * @throws SourceFailure naming the field that is missing or of the wrong type, a body that is not
     *                       JSON or exceeds {@link LegacyJson}'s limits, or a {@code next_cursor} that
     *                       is empty or holds U+0000 or a lone surrogate (none can be stored and asked
     *                       for again)
     */
    static SourcePage parse(String source, String cursor, String body) {
        Fields page = new Fields();
        page.object = EnvelopeReader.read(source, cursor, body, ENVELOPE, (name, value, parser) -> read(page, name, value, parser, body));
        if (!page.object) {
            throw new SourceFailure(source, cursor, "the body is not a JSON object", null);
        }
        if (page.items == null) {
            throw new SourceFailure(source, cursor, "the body has no 'items' array", null);
        }
        if (page.next != JsonToken.VALUE_NULL && page.next != JsonToken.VALUE_STRING) {
            throw new SourceFailure(source, cursor, "'next_cursor' must be a string or null", null);
        }
        if (page.total == null) {
            throw new SourceFailure(source, cursor, page.hugeTotal != null ? beyondLong("total", page.hugeTotal)
                    : "'total' must be an integer", null);
        }
        if (page.watermark == null) {
            throw new SourceFailure(source, cursor, page.hugeWatermark != null ? beyondLong("watermark", page.hugeWatermark)
                    : "'watermark' must be an integer", null);
        }
        if (page.nextCursor != null && page.nextCursor.isEmpty()) {
            throw new SourceFailure(source, cursor, "'next_cursor' is empty: an empty cursor cannot be told from the first page", null);
        }
        if (page.nextCursor != null && !LegacyJson.isStorable(page.nextCursor)) {
            throw new SourceFailure(source, cursor, "'next_cursor' holds "
                    + (page.nextCursor.indexOf('\u0000') >= 0 ? "U+0000 (NUL)" : "a lone UTF-16 surrogate (no character)")
                    + ", so it cannot be stored to resume from: "
                    + SourceFailure.describeCursor(page.nextCursor), null);
        }
        return new SourcePage(page.items, page.nextCursor, page.total, page.watermark);
    }

    private static String beyondLong(String field, String digits) {
        return "'" + field + "' " + Excerpt.bare(digits, 40) + (digits.length() > 40 ? " (" + digits.length() + " digits)" : "")
                + " is beyond a 64-bit integer";
    }

    private static void read(Fields page, String name, JsonToken value, JsonParser parser, String body) throws IOException {
        switch (name) {
            case "items" -> page.items = value == JsonToken.START_ARRAY ? ListedItems.read(parser, body, "id", "version") : null;
            case "next_cursor" -> {
                page.next = value;
                page.nextCursor = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            case "total" -> {
                page.total = ListedItems.longValue(parser, value);
                page.hugeTotal = page.total == null && value == JsonToken.VALUE_NUMBER_INT ? parser.getText() : null;
            }
            case "watermark" -> {
                page.watermark = ListedItems.longValue(parser, value);
                page.hugeWatermark = page.watermark == null && value == JsonToken.VALUE_NUMBER_INT ? parser.getText() : null;
            }
            default -> {
                // an unknown field is allowed (the informational "source" among them)
            }
        }
    }
}
