package dev.cutover.migrations.ratelimits.normalize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

/**
 * Reads the legacy spellings of a rate limit into one exact {@link RateLimit}. Equivalent spellings
 * give equal limits: {@code "100/s"}, {@code "6000/m"}, {@code "6000/min"}, {@code "360000/h"},
 * {@code "6000 per minute"}, {@code "100 per second"} and {@code {"rate": 100, "per": "1s"}} are all
 * 100 per second, burst 100.
 * <ul>
 * <li>A string: {@code <amount>/<period>} or {@code <amount> per <period>}, optionally followed by
 * {@code burst <n>}; blanks trimmed and case ignored. An amount is a decimal number ({@code 100},
 * {@code 2.5}), read exactly.</li>
 * <li>An object: {@code rate} (a JSON number), {@code per} (a period string) and an optional
 * {@code burst} (a JSON integer).</li>
 * <li>A period is an optional positive count and a unit: {@code s|sec|second(s)},
 * {@code m|min|minute(s)}, {@code h|hr|hour(s)}; {@code 1m}, {@code 60s}, {@code 10 seconds}.</li>
 * <li>Burst absent: the rate per second rounded up, at least 1.</li>
 * </ul>
 * No floating point anywhere. Pure and stateless.
 */
public final class RateSpelling {

    /** Longest string value read: longer ones are not a spelling, and a bound keeps the regex cheap. */
    static final int MAX_LENGTH = 200;

    /** Most digits before or after the decimal point of an amount. */
    static final int MAX_DIGITS = 60;

    private static final String NUMBER = "([+-]?[0-9]{1,60}(?:\\.[0-9]{1,60})?)";
    private static final String PERIOD = "([0-9]{1,9})?\\s*([a-z]+)";
    private static final Pattern STRING = Pattern.compile(NUMBER + "\\s*(?:/|\\s+per\\s+)\\s*" + PERIOD
            + "(?:\\s+burst\\s+" + NUMBER + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PER = Pattern.compile(PERIOD, Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> UNIT_SECONDS = Map.ofEntries(
            Map.entry("s", 1L), Map.entry("sec", 1L), Map.entry("second", 1L), Map.entry("seconds", 1L),
            Map.entry("m", 60L), Map.entry("min", 60L), Map.entry("minute", 60L), Map.entry("minutes", 60L),
            Map.entry("h", 3600L), Map.entry("hr", 3600L), Map.entry("hour", 3600L), Map.entry("hours", 3600L));

    /** A limit, or the problem that keeps the value from being one. */
    public record Read(RateLimit limit, Finding<RateAnomaly> problem) {
        static Read of(RateLimit limit) {
            return new Read(limit, null);
        }

        static Read problem(RateAnomaly code, NodePath path, String what) {
            return new Read(null, Finding.invalid(code, path, what));
        }
    }

    private RateSpelling() {
    }

    /** @param value present and not null: a string or an object (any other type is the caller's MALFORMED_RECORD) */
    public static Read read(JsonNode value, NodePath path) {
        return value.isObject() ? readObject(value, path) : readString(value.textValue(), path);
    }

    static Read readString(String text, NodePath path) {
        String trimmed = LegacyText.trim(text);
        Matcher m = trimmed.length() <= MAX_LENGTH ? STRING.matcher(trimmed) : null;
        if (m == null || !m.matches()) {
            return Read.problem(RateAnomaly.INVALID_RATE, path, KvKey.shown(text)
                    + " is not a rate such as \"100/s\", \"6000 per minute\" or \"100/s burst 20\"");
        }
        BigInteger seconds = seconds(m.group(2), m.group(3));
        if (seconds == null) {
            // the whole period, count included: "100/0s" is refused for its 0, not for its s
            String period = trimmed.substring(m.group(2) != null ? m.start(2) : m.start(3), m.end(3));
            return Read.problem(RateAnomaly.INVALID_RATE, path, "period '" + period + "' is not a positive count of s, m or h (spelled out or not)");
        }
        BigInteger burst = null;
        if (m.group(4) != null) {
            burst = positiveInteger(new BigDecimal(m.group(4)));
            if (burst == null) {
                return Read.problem(RateAnomaly.INVALID_BURST, path, "burst " + m.group(4) + " is not a positive integer");
            }
        }
        return limit(new BigDecimal(m.group(1)), seconds, burst, path);
    }

    static Read readObject(JsonNode value, NodePath path) {
        JsonNode rate = present(value.get("rate"));
        JsonNode per = present(value.get("per"));
        JsonNode burstNode = present(value.get("burst"));
        for (String field : new String[] { "rate", "per", "burst" }) {
            JsonNode member = value.get(field);
            if (LegacyText.holdsNul(member)) {
                // U+0000 can be stored nowhere: the entry is malformed, whatever the field means
                return new Read(null, Finding.wrongType(RateAnomaly.MALFORMED_RECORD, path.field(field), "a value", member));
            }
        }
        if (rate == null) {
            return new Read(null, Finding.missing(RateAnomaly.MISSING_FIELD, path.field("rate")));
        }
        if (per == null) {
            return new Read(null, Finding.missing(RateAnomaly.MISSING_FIELD, path.field("per")));
        }
        if (!rate.isNumber()) {
            return new Read(null, Finding.wrongType(RateAnomaly.INVALID_RATE, path.field("rate"), "a number", rate));
        }
        if (!LegacyText.isString(per)) {
            return new Read(null, Finding.wrongType(RateAnomaly.INVALID_RATE, path.field("per"), "a period such as \"1s\"", per));
        }
        Matcher m = per.textValue().length() <= MAX_LENGTH ? PER.matcher(LegacyText.trim(per.textValue())) : null;
        BigInteger seconds = m != null && m.matches() ? seconds(m.group(1), m.group(2)) : null;
        if (seconds == null) {
            return Read.problem(RateAnomaly.INVALID_RATE, path.field("per"), JsonDescriptions.value(per)
                    + " is not a period such as \"1s\", \"60s\", \"1m\" or \"1h\"");
        }
        BigInteger burst = null;
        if (burstNode != null) {
            burst = burstNode.isNumber() ? positiveInteger(burstNode.decimalValue()) : null;
            if (burst == null) {
                return new Read(null, Finding.wrongType(RateAnomaly.INVALID_BURST, path.field("burst"),
                        "a positive integer", burstNode));
            }
        }
        return limit(rate.decimalValue(), seconds, burst, path.field("rate"));
    }

    private static Read limit(BigDecimal amount, BigInteger seconds, BigInteger burst, NodePath path) {
        // 1e999999999 is a JSON number too: its exact fraction would take gigabytes
        boolean inRange = Math.abs((long) amount.precision() - amount.scale()) <= MAX_DIGITS
                && Math.abs((long) amount.scale()) <= MAX_DIGITS;
        if (amount.signum() <= 0) {
            // the sign is known whatever the size: -1e-70 is not positive, before it is out of range
            return Read.problem(RateAnomaly.NON_POSITIVE_RATE, path, "rate " + (inRange ? amount.toPlainString()
                    : JsonDescriptions.value(DecimalNode.valueOf(amount))) + " is not positive");
        }
        if (!inRange) {
            return Read.problem(RateAnomaly.INVALID_RATE, path, "rate " + JsonDescriptions.value(
                    DecimalNode.valueOf(amount)) + " is out of range");
        }
        Rate rate = Rate.of(amount, seconds);
        BigInteger bucket = burst != null ? burst : rate.ceiling().max(BigInteger.ONE);
        if (bucket.bitLength() >= Long.SIZE) {
            // a burst is a bucket size: beyond a long it is no limit a gateway enforces
            return burst != null
                    ? Read.problem(RateAnomaly.INVALID_BURST, path, "burst " + bucket + " is larger than " + Long.MAX_VALUE)
                    // no burst was given: the rate is what is too large (it was reported as a burst nobody wrote)
                    : Read.problem(RateAnomaly.INVALID_RATE, path, "rate " + JsonDescriptions.value(DecimalNode.valueOf(amount))
                            + " is too large: its burst, the rate per second rounded up, would be larger than " + Long.MAX_VALUE);
        }
        return Read.of(new RateLimit(rate, bucket.longValueExact()));
    }

    /** @return the seconds of a period, or {@code null} for an unknown unit or a zero count */
    private static BigInteger seconds(String count, String unit) {
        Long unitSeconds = UNIT_SECONDS.get(unit.toLowerCase(Locale.ROOT));
        BigInteger n = count == null ? BigInteger.ONE : new BigInteger(count);
        return unitSeconds == null || n.signum() == 0 ? null : n.multiply(BigInteger.valueOf(unitSeconds));
    }

    /** @return the value when it is a positive whole number ({@code 20} or {@code 20.0}), else {@code null} */
    private static BigInteger positiveInteger(BigDecimal value) {
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.precision() - value.scale() > 100) {
            return null;
        }
        return value.toBigIntegerExact();
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
