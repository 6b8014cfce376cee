package dev.cutover.migrations.ratelimits.normalize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.NodePath;

/**
 * The key layout of the legacy rate-limit stores:
 * <ul>
 * <li>{@code ratelimits/<service>}: the service default (every route, every tier);</li>
 * <li>{@code ratelimits/<service>/routes/<route>}: a route override (every tier);</li>
 * <li>{@code ratelimits/<service>/routes/<route>/tiers/<tier>}: a tier override on a route.</li>
 * </ul>
 * A service is {@code [a-z0-9-]+}; a route is its pattern percent-encoded as UTF-8
 * ({@code %2Forders%2F%7Bid%7D} is {@code /orders/{id}}), strictly: a {@code %} not followed by two hex
 * digits, bytes that are not UTF-8, an empty route, or a decoded control character are
 * {@code MALFORMED_KEY}. A tier is trimmed and case-insensitive ({@link #TIERS}); another one is
 * {@code UNKNOWN_TIER}. A key ending in {@code /} is a folder entry that Consul-like stores create.
 * Pure and stateless.
 */
public final class KvKey {

    public static final String PREFIX = "ratelimits/";
    /** The known consumer tiers, in the order the behavior population lists them. */
    public static final List<String> TIERS = List.of("free", "standard", "premium", "internal");

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");
    private static final NodePath KEY = NodePath.root("key");

    /** One setting a key addresses; {@link QuotaLeaf#ANY} for a route or tier it does not restrict. */
    public record Setting(String service, String route, String tier) {
    }

    /** What a key is: exactly one of a setting, a folder, or a problem. */
    public record Parsed(Setting setting, boolean folder, Finding<RateAnomaly> problem) {
    }

    private KvKey() {
    }

    public static Parsed parse(String key) {
        if (key.endsWith("/")) {
            return new Parsed(null, true, null);
        }
        if (!key.startsWith(PREFIX)) {
            return problem(RateAnomaly.MALFORMED_KEY, "does not start with '" + PREFIX + "'");
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        boolean layout = parts.length == 1 || parts.length == 3 && parts[1].equals("routes")
                || parts.length == 5 && parts[1].equals("routes") && parts[3].equals("tiers");
        if (!layout) {
            return problem(RateAnomaly.MALFORMED_KEY, "is not ratelimits/<service>[/routes/<route>[/tiers/<tier>]]");
        }
        if (!SERVICE.matcher(parts[0]).matches()) {
            return problem(RateAnomaly.MALFORMED_KEY, "service " + shown(parts[0]) + " is not [a-z0-9-]+");
        }
        String route = QuotaLeaf.ANY;
        if (parts.length >= 3) {
            route = decode(parts[2]);
            if (route == null) {
                return problem(RateAnomaly.MALFORMED_KEY, "route " + shown(parts[2])
                        + " is not a percent-encoded UTF-8 pattern (non-empty, not '*', no control characters)");
            }
        }
        String tier = QuotaLeaf.ANY;
        if (parts.length == 5) {
            tier = parts[4].strip().toLowerCase(Locale.ROOT);
            if (!TIERS.contains(tier)) {
                return problem(RateAnomaly.UNKNOWN_TIER, "tier " + shown(parts[4]) + " is not one of " + TIERS);
            }
        }
        return new Parsed(new Setting(parts[0], route, tier), false, null);
    }

    /** @return the decoded route, or {@code null} when it is not a valid encoding of a usable route */
    static String decode(String encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 4);
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 3;
            } else {
                // by code point: a lone surrogate half is not UTF-8 (getBytes would turn it into '?')
                int codePoint = encoded.codePointAt(i);
                if (Character.isSurrogate((char) codePoint)) {
                    return null;
                }
                bytes.put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        bytes.flip();
        String route;
        try {
            route = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        // '*' is how the model spells "no route override": a route of that name could not be told from it
        boolean usable = !route.isEmpty() && route.codePoints().noneMatch(Character::isISOControl)
                && !route.equals(QuotaLeaf.ANY);
        return usable ? route : null;
    }

    /** Quoted and cut short: a key segment can be of any length and hold any character. */
    static String shown(String segment) {
        return JsonDescriptions.value(TextNode.valueOf(segment));
    }

    private static Parsed problem(RateAnomaly code, String what) {
        return new Parsed(null, false, Finding.invalid(code, KEY, what));
    }
}
