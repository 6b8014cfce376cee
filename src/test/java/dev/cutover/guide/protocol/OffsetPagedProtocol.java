package dev.cutover.guide.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cutover.framework.source.EnvelopeReader;
import dev.cutover.framework.source.ListedItems;
import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.framework.source.SourceRequest;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * The guide's example of a {@link SourceProtocol} of one's own (jobs/README.md, "the source protocol"):
 * an offset-paged flag store that is not §4's API.
 * <ul>
 * <li>{@code GET /v1/flags?offset=N&limit=L} answers {@code {"flags": [...], "next_offset": N | null,
 * "count": C}}, each flag identified by {@code key} and versioned by {@code rev}; the watermark is the
 * {@code X-Watermark} header.</li>
 * <li>{@code GET /v1/flags/changes?since=W} answers {@code {"changed": [{"key", "rev", "deleted"?}]}}.</li>
 * </ul>
 * The offset is the cursor ({@code null}, the first page, is offset 0). Every body is hostile: what is not
 * such a page is a {@link SourceFailure} naming the source and the cursor. Pure and thread-safe.
 */
public final class OffsetPagedProtocol implements SourceProtocol {

    /** The fields of one page, as read. */
    private static final class Page {
        List<SourceItem> items;
        JsonToken next;
        Long nextOffset;
        Long count;
    }


    @Override
    public SourceRequest page(String cursor, int limit) {
        return new SourceRequest("/v1/flags", Map.of("offset", cursor == null ? "0" : cursor, "limit", Integer.toString(limit)));
    }

    @Override
    public SourcePage readPage(String source, String cursor, SourceAnswer answer) {
        Long watermark = answer.header("X-Watermark").map(OffsetPagedProtocol::parseLong).orElse(null);
        if (watermark == null) {
            throw new SourceFailure(source, cursor, "no integer X-Watermark header", null);
        }
        String body = answer.body();
        Page page = new Page();
        // the framework reads the envelope: a field of it given twice, content after it or a body that is
        // not JSON fail naming the source and cursor; this protocol reads each field
        boolean object = EnvelopeReader.read(source, cursor, body, Set.of("flags", "next_offset", "count"),
                (name, value, parser) -> {
                    switch (name) {
                        // each item kept as the exact slice of the body it was listed as, whatever its shape
                        case "flags" -> page.items = value == JsonToken.START_ARRAY ? ListedItems.read(parser, body, "key", "rev") : null;
                        case "next_offset" -> {
                            page.next = value;
                            page.nextOffset = ListedItems.longValue(parser, value);
                        }
                        case "count" -> page.count = ListedItems.longValue(parser, value);
                        default -> {
                        }
                    }
                });
        if (!object) {
            throw new SourceFailure(source, cursor, "the body is not a JSON object", null);
        }
        List<SourceItem> items = page.items;
        JsonToken next = page.next;
        Long nextOffset = page.nextOffset;
        Long count = page.count;
        if (items == null) {
            throw new SourceFailure(source, cursor, "the body has no 'flags' array", null);
        }
        if (count == null) {
            throw new SourceFailure(source, cursor, "'count' must be an integer", null);
        }
        if (next != JsonToken.VALUE_NULL && (nextOffset == null || nextOffset <= offset(cursor))) {
            throw new SourceFailure(source, cursor, "'next_offset' must be null or an integer after this page's offset", null);
        }
        return new SourcePage(items, nextOffset == null ? null : Long.toString(nextOffset), count, watermark);
    }

    @Override
    public SourceRequest changes(long since) {
        return new SourceRequest("/v1/flags/changes", Map.of("since", Long.toString(since)));
    }

    @Override
    public void readChanges(String source, long since, SourceAnswer answer, Consumer<SourceChange> changes) {
        String what = "changes since " + since;
        boolean[] listed = { false };
        // read as the pages are: a "changed" given twice fails (a tree would keep the last and miss drift)
        EnvelopeReader.read(source, what, answer.body(), Set.of("changed"), (name, value, parser) -> {
            if (name.equals("changed") && value == JsonToken.START_ARRAY) {
                listed[0] = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    changes.accept(change(parser));
                }
            }
        });
        if (!listed[0]) {
            throw new SourceFailure(source, what, "the body has no 'changed' array", null);
        }
    }

    /** An unreadable change is still a change: a null id or version makes the drift check refuse. */
    private static SourceChange change(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new SourceChange(null, null, false);
        }
        String key = null;
        BigInteger rev = null;
        boolean deleted = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "key" -> key = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "rev" -> rev = value == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() <= SourceItem.MAX_VERSION_DIGITS
                        ? parser.getBigIntegerValue() : null;
                case "deleted" -> deleted = value == JsonToken.VALUE_TRUE;
                default -> {
                }
            }
            parser.skipChildren();
        }
        return new SourceChange(key != null && LegacyJson.isStorable(key) ? key : null, rev, deleted);
    }

    @Override
    public String recordNoun() {
        return "flag";
    }

    private static long offset(String cursor) {
        return cursor == null ? 0 : Long.parseLong(cursor);
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
