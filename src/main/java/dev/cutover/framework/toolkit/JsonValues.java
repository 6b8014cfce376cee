package dev.cutover.framework.toolkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;

/**
 * Equality of JSON values as DESIGN.md §5 compares copies of a record: objects by their members
 * (key order ignored), arrays element by element, numbers by value ({@code 1}, {@code 1.0} and
 * {@code 1e0} are equal, {@code 1} and {@code "1"} are not), other scalars by type and value.
 * <p>
 * Iterative with an explicit stack, unlike {@link JsonNode#equals}, which recurses and overflows the
 * stack on a legacy item nested some thousands of levels deep. Pure, stateless and thread-safe, so a
 * restarted step compares exactly as the interrupted one did.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** @return whether {@code a} and {@code b} are the same JSON value; two {@code null}s are equal */
    public static boolean equal(JsonNode a, JsonNode b) {
        Deque<JsonNode[]> pending = new ArrayDeque<>();
        pending.push(new JsonNode[] { a, b });
        while (!pending.isEmpty()) {
            JsonNode[] pair = pending.pop();
            if (!shallowEqual(pair[0], pair[1], pending)) {
                return false;
            }
        }
        return true;
    }

    /** Compares one level; the members of two containers are pushed to be compared later. */
    private static boolean shallowEqual(JsonNode a, JsonNode b, Deque<JsonNode[]> pending) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return sameNumber(a, b);
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            for (Map.Entry<String, JsonNode> member : a.properties()) {
                JsonNode other = b.get(member.getKey());
                if (other == null) {
                    return false;
                }
                pending.push(new JsonNode[] { member.getValue(), other });
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                pending.push(new JsonNode[] { a.get(i), b.get(i) });
            }
            return true;
        }
        // scalars of one type: strings, booleans, null, binary; their equals is not recursive
        return a.equals(b);
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().equals(b.bigIntegerValue());
        }
        // a double that is NaN or infinite has no BigDecimal value (only trees not read by LegacyJson hold one)
        if (notFinite(a) || notFinite(b)) {
            return notFinite(a) && notFinite(b) && Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    private static boolean notFinite(JsonNode number) {
        return number instanceof NumericNode numeric && numeric.isNaN();
    }
}
