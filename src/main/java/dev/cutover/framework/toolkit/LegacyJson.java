package dev.cutover.framework.toolkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way legacy JSON is read: the source's pages (streamed) and each stored item (as a tree)
 * go through the same {@link #FACTORY}, so an item that its page let through can always be read
 * again by normalization, after a restart too. Its limits are those of the data, not Jackson's
 * defaults, which would fail a whole page for one hostile record:
 * <ul>
 * <li>nesting up to {@value #MAX_NESTING_DEPTH} levels (Jackson's default is 1000); the parser is
 * iterative, but nothing here may serialize, {@code equals} or otherwise walk a legacy tree
 * recursively (use {@link JsonValues});</li>
 * <li>numbers up to {@value #MAX_NUMBER_LENGTH} characters (reading one is quadratic, so it stays
 * bounded); names and strings as long as the body that holds them.</li>
 * </ul>
 * A body beyond these limits fails as a whole. Fractions are read as exact {@code BigDecimal}s (no
 * rounding to {@code double}, trailing zeros kept) so that values compare exactly. Thread-safe.
 */
public final class LegacyJson {

    /** Deepest nesting of containers accepted in a body, a page's own two levels included. */
    public static final int MAX_NESTING_DEPTH = 100_000;

    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100_000;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    /**
     * The limits for reading back what Cutover stored from legacy data (targets, group keys, plan
     * reports): a string as long as any normalization kept, where Jackson's default (20,000,000
     * characters) failed the plan step on a longer tenant that retrieval and normalization had let
     * through. Nesting and numbers keep Jackson's defaults: stored JSON is Cutover's own, and shallow.
     * The application's {@code ObjectMapper} has them ({@link StoredJsonLimits}).
     */
    public static final StreamReadConstraints STORED = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .build();

    /** Reads one item: trailing content ({@code {} {}}) is an error, not ignored. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private LegacyJson() {
    }

    /**
     * Reads one legacy item (or a stored body) as a tree with {@link #MAPPER}.
     *
     * @throws UnreadableNumber       when the text is JSON but holds a number no {@code BigDecimal} can
     *                                hold ({@code 1e99999999999}: its exponent is beyond an int), which
     *                                {@code MAPPER} alone lets escape as a {@code NumberFormatException}
     * @throws JsonProcessingException when the text is not one JSON value within these limits
     */
    public static JsonNode readTree(String json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UnreadableNumber(e);
        }
    }

    /** JSON that holds a number whose exponent is out of the range an exact decimal can hold. */
    public static final class UnreadableNumber extends JsonProcessingException {

        private static final long serialVersionUID = 1L;

        UnreadableNumber(RuntimeException cause) {
            super("a number whose exponent is out of range", cause);
        }
    }

    /**
     * PostgreSQL {@code text} and {@code jsonb} cannot hold U+0000, and a lone UTF-16 surrogate (a
     * <code>&#92;ud800</code> escape in JSON, no character at all) has no UTF-8 form: the driver stores it as
     * {@code ?}, so two different legacy strings would be stored as one. A legacy string holding either
     * can be neither an id nor anything a rule keeps.
     *
     * @return whether {@code text} can be stored as it is
     */
    public static boolean isStorable(String text) {
        return text.indexOf('\u0000') < 0 && !hasUnpairedSurrogate(text);
    }

    /** @return whether {@code text} holds a surrogate that is not half of a pair: no character, no UTF-8 */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return {@code text} with U+0000 and unpaired surrogates written as six-character escapes
     *         (<code>&#92;u0000</code>, <code>&#92;ud800</code>), so it can be stored
     */
    public static String withNulEscaped(String text) {
        return isStorable(text) ? text : unpairedSurrogatesEscaped(text.replace("\u0000", "\\u0000"));
    }

    /** @return {@code text} with each unpaired surrogate written as its six-character escape (<code>&#92;udc00</code>) */
    public static String unpairedSurrogatesEscaped(String text) {
        if (!hasUnpairedSurrogate(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                escaped.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** @return {@code text} as the content of a JSON string literal (without quotes): storable, and one-to-one */
    public static String escaped(String text) {
        // the encoder leaves non-ASCII as it is, lone surrogates too; a backslash of the text is doubled, so no clash
        return unpairedSurrogatesEscaped(new String(JsonStringEncoder.getInstance().quoteAsString(text)));
    }
}
