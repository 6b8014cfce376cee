package dev.cutover.migrations.ratelimits.source;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cutover.framework.source.EnvelopeReader;
import dev.cutover.framework.source.ListedItems;
import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.source.SourcePage;

/**
 * Reads one {@code /v1/kv} page, streaming ({@link ListedItems}): no tree of the page is built, so an
 * entry nested 50,000 deep or holding U+0000 is listed like any other (the normalizer judges it). Each
 * entry is its exact text slice, its id the {@code key} when a JSON string, its version the
 * {@code modify_index} when a JSON integer. The page must be exactly the protocol's shape: anything
 * else is a {@link SourceFailure} naming the source, the cursor and what is wrong. Pure.
 */
final class KvPageParser {

    /** The page's own fields: each at most once (either copy of a repeated one could be the one meant). */
    private static final Set<String> ENVELOPE = Set.of("entries", "next_offset", "total");

    private KvPageParser() {
    }

    /** The body's fields as read; validated once the whole body is known to be JSON. */
    private static final class Fields {
        boolean object;
        List<SourceItem> entries;
        JsonToken next;
        Long nextOffset;
        Long total;
    }

    /** @return the offset a cursor stands for: 0 for {@code null} */
    static long offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        if (!cursor.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("'" + cursor + "' is not a cursor of the KV protocol (a decimal offset)");
        }
        return Long.parseLong(cursor);
    }

    static SourcePage parse(String source, String cursor, SourceAnswer answer) {
        long watermark = KvProtocol.watermark(source, cursor, answer);
        long offset;
        try {
            offset = offset(cursor);
        } catch (IllegalArgumentException e) {
            throw new SourceFailure(source, cursor, e.getMessage(), e);
        }
        Fields page = new Fields();
        String body = answer.body();
        page.object = EnvelopeReader.read(source, cursor, body, ENVELOPE, (name, value, parser) -> read(page, name, value, parser, body));
        String problem = problem(page, offset);
        if (problem != null) {
            throw new SourceFailure(source, cursor, problem, null);
        }
        String next = page.nextOffset == null ? null : Long.toString(page.nextOffset);
        return new SourcePage(page.entries, next, page.total, watermark);
    }

    /** @return what is wrong with the page's shape, or {@code null} */
    private static String problem(Fields page, long offset) {
        if (!page.object) {
            return "the body is not a JSON object";
        }
        if (page.entries == null) {
            return "the body has no 'entries' array";
        }
        if (page.total == null || page.total < 0) {
            return "'total' must be a non-negative integer";
        }
        if (page.next != JsonToken.VALUE_NULL && page.nextOffset == null) {
            return "'next_offset' must be an integer or null";
        }
        if (page.nextOffset != null && page.nextOffset < 0) {
            return "'next_offset' " + page.nextOffset + " is negative";
        }
        if (page.nextOffset != null && page.nextOffset <= offset) {
            // an empty page pointing at itself would be asked for again and again
            return "'next_offset' " + page.nextOffset + " does not advance from offset " + offset;
        }
        if (page.nextOffset != null && page.nextOffset != offset + page.entries.size()) {
            // an offset that does not advance by the page would repeat entries or skip them silently
            return "'next_offset' " + page.nextOffset + " is not offset " + offset + " + " + page.entries.size()
                    + " entries: entries would be skipped or repeated";
        }
        return null;
    }

    private static void read(Fields page, String name, JsonToken value, JsonParser parser, String body) throws IOException {
        switch (name) {
            case "entries" -> page.entries = value == JsonToken.START_ARRAY ? ListedItems.read(parser, body, "key", "modify_index") : null;
            case "next_offset" -> {
                page.next = value;
                page.nextOffset = ListedItems.longValue(parser, value);
            }
            case "total" -> page.total = ListedItems.longValue(parser, value);
            default -> {
                // unknown fields are allowed: stores add their own
            }
        }
    }
}
