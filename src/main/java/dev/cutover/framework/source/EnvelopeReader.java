package dev.cutover.framework.source;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * Reads the top-level object of a source's answer (a page, a changes answer), streaming, for a
 * {@link SourceProtocol}: each field is handed to the protocol's {@link FieldReader} with the parser on
 * its value, and whatever the reader leaves unread of the value is skipped. The rules every protocol
 * needs are kept here: a field of the envelope given twice fails the answer (a tree would keep the last
 * copy, a stream the first: either guess can drop records or miss drift), content after the JSON value
 * fails it, a body that is not JSON fails naming the parser's reason and offset, and a body beyond
 * {@link LegacyJson}'s limits fails saying so. Each failure is a {@link SourceFailure} naming the
 * source and where. Pure and thread-safe.
 */
public final class EnvelopeReader {

    /** Reads one field of the envelope. */
    @FunctionalInterface
    public interface FieldReader {

        /**
         * @param name   the field's name
         * @param value  the token of its value, where the parser stands
         * @param parser to read the value with (e.g. {@link ListedItems#read}); what is left is skipped
         */
        void read(String name, JsonToken value, JsonParser parser) throws IOException;
    }

    private EnvelopeReader() {
    }

    /**
     * @param where  the cursor of the page ({@code null}: the first), or what else was asked
     *               ({@code changes since 42})
     * @param once   the envelope's own fields, each allowed once (other fields may repeat: they are ignored)
     * @return whether the body is a JSON object (when it is another JSON value, no field was read)
     * @throws SourceFailure when the body is not one JSON value within the limits, or gives a field of
     *                       {@code once} twice; a {@code SourceFailure} the reader throws passes through
     */
    public static boolean read(String source, String where, String body, Set<String> once, FieldReader fields) {
        try (JsonParser parser = LegacyJson.FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            boolean object = first == JsonToken.START_OBJECT;
            if (object) {
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (once.contains(name) && !seen.add(name)) {
                        // a tree keeps the last copy, a stream the first: either guess can drop records or miss drift
                        throw new SourceFailure(source, where, "the body has '" + name
                                + "' more than once, so which one the source meant is not known", null);
                    }
                    fields.read(name, parser.nextToken(), parser);
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            if (first != null && parser.nextToken() != null) {
                // located where that content starts, not after its first token
                throw new JsonParseException(parser, "content after the body's JSON value", parser.currentTokenLocation());
            }
            return object;
        } catch (StreamConstraintsException e) {
            throw new SourceFailure(source, where, "the body exceeds what Cutover reads: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw notJson(source, where, body, e);
        }
    }

    /** The body's start, then the parser's reason and the character offset (from 0) where it stopped. */
    private static SourceFailure notJson(String source, String where, String body, IOException e) {
        String reason = e instanceof JsonProcessingException json
                ? json.getOriginalMessage() + (json.getLocation() == null ? ""
                        : " at character offset " + json.getLocation().getCharOffset())
                : e.getMessage();
        return new SourceFailure(source, where, "the body is not JSON: " + Excerpt.of(body, 120)
                + " (" + Excerpt.bare(String.valueOf(reason), 200) + ")", e);
    }
}
