package dev.cutover.framework.source;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the items of a listing array for a {@link SourceProtocol}, streaming: each item is kept as the
 * exact slice of the body it was listed as (never re-serialized, so nothing is lost and no depth limit
 * of a serializer applies), with its top-level id and version fields; repeated keys count as a JSON
 * tree counts them (the last one). An item of any shape is kept: validating it is the normalizer's job.
 * Use a parser made by {@link dev.cutover.framework.toolkit.LegacyJson#FACTORY} over the body text.
 */
public final class ListedItems {

    private ListedItems() {
    }

    /**
     * @param parser       positioned on the array's {@code START_ARRAY}; left on its {@code END_ARRAY}
     * @param body         the text the parser reads (the items are slices of it)
     * @param idField      the item field that is its id when it is a JSON string
     * @param versionField the item field that is its version when it is a JSON integer of at most
     *                     {@link SourceItem#MAX_VERSION_DIGITS} digits
     * @throws IOException when the body is not JSON or exceeds the parser's limits
     */
    public static List<SourceItem> read(JsonParser parser, String body, String idField, String versionField) throws IOException {
        List<SourceItem> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int start = Math.toIntExact(parser.currentTokenLocation().getCharOffset());
            String id = null;
            BigInteger version = null;
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals(idField)) {
                        id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    } else if (name.equals(versionField)) {
                        version = version(parser, value);
                    }
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
                // a string's end is only known once it is read to its closing quote
                parser.finishToken();
            }
            int end = Math.toIntExact(parser.currentLocation().getCharOffset());
            items.add(new SourceItem(body.substring(start, end), id, version));
        }
        return items;
    }

    /** @return the value when it is a JSON integer of at most {@link SourceItem#MAX_VERSION_DIGITS} digits, else {@code null} */
    static BigInteger version(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        String digits = parser.getText();
        int length = digits.startsWith("-") ? digits.length() - 1 : digits.length();
        return length <= SourceItem.MAX_VERSION_DIGITS ? new BigInteger(digits) : null;
    }

    /** @return the value when it is a JSON integer within the range of a long, else {@code null} */
    public static Long longValue(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getTextLength() > 20) {
            return null;
        }
        BigInteger number = parser.getBigIntegerValue();
        return number.bitLength() < Long.SIZE ? number.longValue() : null;
    }
}
