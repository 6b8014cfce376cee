package dev.cutover.migrations.ratelimits.source;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cutover.framework.source.EnvelopeReader;
import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * Reads a {@code /v1/kv/changes} answer, streaming: {@code {"changes": [{"key", "modify_index",
 * "deleted"}]}} with the {@value KvProtocol#INDEX_HEADER} header. A change whose {@code key} is not a
 * usable string is a change of no known key ({@code id null}); one without an integer
 * {@code modify_index} has no version; both count as drift. A body of another shape, a
 * {@code changes} given twice, or a {@code deleted} that is not a boolean, is a {@link SourceFailure}:
 * a drift check must not guess.
 */
final class KvChangesParser {

    /** The answer's own field: once (the changes already read cannot be unsaid by a second list). */
    private static final Set<String> ENVELOPE = Set.of("changes");

    private KvChangesParser() {
    }

    static void parse(String source, long since, SourceAnswer answer, Consumer<SourceChange> changes) {
        String where = "changes since " + since;
        SourceFailure.checkNotBehind(source, where, KvProtocol.watermark(source, where, answer), since);
        boolean[] listed = { false };
        EnvelopeReader.read(source, where, answer.body(), ENVELOPE, (name, value, parser) -> {
            if (name.equals("changes") && value == JsonToken.START_ARRAY) {
                listed[0] = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    changes.accept(change(parser, source, where));
                }
            }
        });
        if (!listed[0]) {
            throw new SourceFailure(source, where, "the body has no 'changes' array", null);
        }
    }

    private static SourceChange change(JsonParser parser, String source, String where) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new SourceFailure(source, where, "a change is not a JSON object", null);
        }
        String key = null;
        BigInteger index = null;
        Boolean deleted = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "key" -> key = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "modify_index" -> index = value == JsonToken.VALUE_NUMBER_INT
                        && parser.getTextLength() <= SourceItem.MAX_VERSION_DIGITS ? parser.getBigIntegerValue() : null;
                case "deleted" -> deleted = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                default -> {
                }
            }
            parser.skipChildren();
        }
        if (deleted == null) {
            throw new SourceFailure(source, where, "a change's 'deleted' must be true or false", null);
        }
        return new SourceChange(key != null && LegacyJson.isStorable(key) ? key : null, index, deleted);
    }
}
