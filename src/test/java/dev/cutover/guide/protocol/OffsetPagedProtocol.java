package dev.cutover.guide.protocol;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.cutover.framework.source.Excerpt;
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

    private static final ObjectReader CHANGES = LegacyJson.MAPPER.reader()
            .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

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
        List<SourceItem> items = null;
        JsonToken next = null;
        Long nextOffset = null;
        Long count = null;
        try (JsonParser parser = LegacyJson.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceFailure(source, cursor, "the body is not a JSON object", null);
            }
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!seen.add(name)) {
                    // keeping either copy of a repeated field is a guess that can drop or invent flags
                    throw SourceFailure.repeatedField(source, cursor, name);
                }
                JsonToken value = parser.nextToken();
                switch (name) {
                    // each item kept as the exact slice of the body it was listed as, whatever its shape
                    case "flags" -> items = value == JsonToken.START_ARRAY ? ListedItems.read(parser, body, "key", "rev") : null;
                    case "next_offset" -> {
                        next = value;
                        nextOffset = ListedItems.longValue(parser, value);
                    }
                    case "count" -> count = ListedItems.longValue(parser, value);
                    default -> {
                    }
                }
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new SourceFailure(source, cursor, "content after the body's JSON value", null);
            }
        } catch (IOException e) {
            throw SourceFailure.notJson(source, cursor, body, e);
        }
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
        JsonNode changed;
        try {
            // a field given twice anywhere is refused: a tree would keep the last "changed" and miss drift
            changed = CHANGES.readTree(answer.body()).get("changed");
        } catch (IOException e) {
            throw SourceFailure.notJson(source, what, answer.body(), e);
        } catch (RuntimeException e) {
            // a number no BigDecimal holds (1e99999999999) fails the tree with a NumberFormatException
            throw new SourceFailure(source, what, "the body is not a JSON object: " + Excerpt.of(answer.body(), 120), e);
        }
        if (changed == null || !changed.isArray()) {
            throw new SourceFailure(source, what, "the body has no 'changed' array", null);
        }
        for (JsonNode item : changed) {
            JsonNode key = item.path("key");
            JsonNode rev = item.path("rev");
            // an unreadable change is still a change: null id or version makes the drift check refuse
            changes.accept(new SourceChange(key.isTextual() ? key.textValue() : null,
                    rev.isIntegralNumber() ? rev.bigIntegerValue() : null, item.path("deleted").asBoolean(false)));
        }
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
