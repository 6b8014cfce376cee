package dev.cutover.framework.source;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * Reads a {@code /v1/changes} answer of DESIGN.md §4 ({@code {"items": [LegacyRule...], "watermark": W}}),
 * streaming: no tree of the body is built, so a changed rule nested deep, or holding a number no
 * {@code BigDecimal} can hold ({@code 1e99999999999}), is read like any other. Each item gives its
 * top-level {@code id}, {@code version} and {@code deleted} (repeated keys inside an item: the last, as
 * the rules' pages are read); an item that is not an object, or whose id is not a storable string
 * (U+0000, a lone surrogate), is a change of no known id, which is drift. A body that is not JSON, has
 * no {@code items} array, gives {@code items} or {@code watermark} twice, has a {@code deleted} that
 * is not a boolean, or a {@code watermark} that is not an integer or is below the baseline asked from
 * (the source went back to an older state) is a {@link SourceFailure}: a drift check must not guess.
 * A {@code watermark} left out is not checked. Pure.
 */
final class RulesChangesParser {

    private static final Set<String> ENVELOPE = Set.of("items", "watermark");

    private RulesChangesParser() {
    }

    /** @param since the baseline the changes were asked since */
    static void parse(String source, long since, String where, String body, Consumer<SourceChange> changes) {
        boolean[] listed = { false };
        EnvelopeReader.read(source, where, body, ENVELOPE, (name, value, parser) -> {
            if (name.equals("items") && value == JsonToken.START_ARRAY) {
                listed[0] = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    changes.accept(change(parser, source, where));
                }
            } else if (name.equals("watermark")) {
                Long watermark = ListedItems.longValue(parser, value);
                if (watermark == null) {
                    throw new SourceFailure(source, where, "'watermark' must be an integer", null);
                }
                SourceFailure.checkNotBehind(source, where, watermark, since);
            }
        });
        if (!listed[0]) {
            throw new SourceFailure(source, where, "the body has no 'items' array", null);
        }
    }

    private static SourceChange change(JsonParser parser, String source, String where) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new SourceChange(null, null, false);
        }
        String id = null;
        BigInteger version = null;
        boolean deleted = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "version" -> version = ListedItems.version(parser, value);
                case "deleted" -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw new SourceFailure(source, where, "a change's 'deleted' must be true or false", null);
                    }
                    deleted = value == JsonToken.VALUE_TRUE;
                }
                default -> {
                    // the rule's other fields: the drift check compares ids and versions only
                }
            }
            parser.skipChildren();
        }
        return new SourceChange(id != null && LegacyJson.isStorable(id) ? id : null, version, deleted);
    }
}
