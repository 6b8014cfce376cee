package dev.cutover.migrations.notifications.demo;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deliberately small, test-only reading of DESIGN.md §5: it turns a legacy rule into its normalized
 * leaves, or names the first problem it meets. That is the record's code only for records with a
 * single problem, which is what the demo promises. It exists so the demo oracle is checked against
 * the served JSON by code that shares nothing with the generator.
 */
final class DemoReferenceNormalizer {

    /** A normalized leaf: the group key and the leaf's recipients. */
    record Leaf(String tenant, String channel, int priority, String schedule, String timezone,
            Set<String> recipients) {
    }

    private static final Set<String> CHANNELS = Set.of("email", "sms", "webhook", "pager");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int[][] RANGES = { { 0, 59 }, { 0, 23 }, { 1, 31 }, { 1, 12 }, { 0, 7 } };
    private static final String MALFORMED = "MALFORMED_RECORD";
    private static final String MISSING = "MISSING_FIELD";
    private static final String CRON = "INVALID_CRON";
    private static final String INVALID_RECIPIENT = "INVALID_RECIPIENT";
    private static final Pattern PART = Pattern.compile("(\\*|(\\w+)(?:-(\\w+))?)(?:/(\\d+))?");

    /** The first problem met, with its code. */
    static final class Problem extends RuntimeException {
        final String code;

        Problem(String code, String detail) {
            super(code + ": " + detail);
            this.code = code;
        }
    }

    private DemoReferenceNormalizer() {
    }

    /** @return MIGRATED, DISABLED or the code of the first problem met (DUPLICATE_ID is not judged) */
    static String outcome(JsonNode item) {
        try {
            return leaves(item).isEmpty() ? "DISABLED" : "MIGRATED";
        } catch (Problem problem) {
            return problem.code;
        }
    }

    /** @return the normalized leaves, none for a disabled rule */
    static List<Leaf> leaves(JsonNode rule) {
        check(rule.isObject(), MALFORMED, "not an object");
        field(rule, "id").textual();
        field(rule, "version").integral();
        String tenant = field(rule, "tenant").textual().trim();
        check(!tenant.isEmpty(), MISSING, "blank tenant");
        boolean enabled = field(rule, "enabled").bool();
        JsonNode spec = field(rule, "spec").object();
        if (!enabled) {
            return List.of();
        }
        List<Leaf> leaves = new ArrayList<>();
        collect(tenant, spec, leaves);
        check(!leaves.isEmpty(), "EMPTY_BUNDLE", "no leaves");
        return leaves;
    }

    /** A spec node still to visit and the wrappers above it. */
    private record Pending(JsonNode node, int wrappers) {
    }

    // a stack, not recursion: a spec may be nested deeper than the call stack allows
    private static void collect(String tenant, JsonNode spec, List<Leaf> out) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(spec, 0));
        while (!pending.isEmpty()) {
            Pending at = pending.pop();
            JsonNode node = at.node();
            check(node.isObject(), MALFORMED, "spec is not an object");
            switch (field(node, "kind").textual()) {
                case "wrapped" -> {
                    check(at.wrappers() < 16, "WRAPPER_TOO_DEEP", "more than 16 wrappers");
                    pending.push(new Pending(field(node, "inner").value, at.wrappers() + 1));
                }
                case "bundle" -> {
                    JsonNode items = field(node, "items").array();
                    for (int i = items.size() - 1; i >= 0; i--) {
                        pending.push(new Pending(items.get(i), at.wrappers()));
                    }
                }
                case "simple" -> out.add(leaf(tenant, node));
                default -> throw new Problem(MALFORMED, "kind " + node.get("kind"));
            }
        }
    }

    private static Leaf leaf(String tenant, JsonNode spec) {
        String channel = field(spec, "channel").textual().trim().toLowerCase(Locale.ROOT);
        check(CHANNELS.contains(channel), "UNKNOWN_CHANNEL", channel);
        JsonNode p = field(spec, "priority").value;
        check(p.isIntegralNumber() || isString(p), MALFORMED, "priority " + p);
        int priority = p.isIntegralNumber() ? p.asInt() : p.asText().trim().matches("[pP][1-5]")
                ? p.asText().trim().charAt(1) - '0' : -1;
        check(priority >= 1 && priority <= 5, "PRIORITY_OUT_OF_RANGE", "priority " + p);
        String schedule = cron(field(spec, "schedule").textual());
        JsonNode zone = spec.get("timezone");
        check(zone == null || zone.isNull() || isString(zone), MALFORMED, "timezone " + zone);
        String timezone = zone == null || zone.isNull() ? "UTC" : zone.asText();
        check(ZoneId.getAvailableZoneIds().contains(timezone), "UNKNOWN_TIMEZONE", timezone);
        JsonNode entries = field(spec, "recipients").array();
        check(!entries.isEmpty(), "NO_RECIPIENTS", "[]");
        Set<String> recipients = new TreeSet<>();
        entries.forEach(r -> {
            check(isString(r), MALFORMED, "recipient " + r);
            recipients.add(recipient(channel, r.textValue().trim()));
        });
        return new Leaf(tenant, channel, priority, schedule, timezone, recipients);
    }

    private static String recipient(String channel, String value) {
        switch (channel) {
            case "email" -> {
                check(value.matches("[^@\\s]+@[^@\\s]+"), INVALID_RECIPIENT, "email " + value);
                return value.toLowerCase(Locale.ROOT);
            }
            case "sms" -> {
                String stripped = value.replaceAll("[ .-]", "");
                check(stripped.matches("\\+\\d{8,15}"), INVALID_RECIPIENT, "sms " + value);
                return stripped;
            }
            case "webhook" -> {
                check(value.matches("(?i)https?://[^/\\s]+.*"), INVALID_RECIPIENT, "webhook " + value);
                return value;
            }
            default -> {
                check(!value.isBlank(), INVALID_RECIPIENT, "pager");
                return value;
            }
        }
    }

    /** Canonical form of rule 8. */
    static String cron(String expression) {
        String[] fields = expression.trim().split("[ \\t]+");
        check(fields.length == 5, CRON, "fields " + expression);
        List<String> canonical = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            TreeSet<Integer> values = new TreeSet<>();
            for (String part : fields[f].split(",", -1)) {
                values.addAll(values(part, f));
            }
            if (f == 4 && values.remove(7)) {
                values.add(0);
            }
            int min = RANGES[f][0];
            int max = f == 4 ? 6 : RANGES[f][1];
            canonical.add(values.size() == max - min + 1 ? "*"
                    : values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return String.join(" ", canonical);
    }

    private static Set<Integer> values(String part, int field) {
        Matcher m = PART.matcher(part);
        check(m.matches(), CRON, part);
        int min = RANGES[field][0];
        int max = RANGES[field][1];
        int from = m.group(1).equals("*") ? min : number(m.group(2), field);
        int to = m.group(1).equals("*") || (m.group(3) == null && m.group(4) != null) ? max
                : m.group(3) == null ? from : number(m.group(3), field);
        int step = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        check(from <= to && from >= min && to <= max && step >= 1, CRON, part);
        Set<Integer> values = new TreeSet<>();
        for (int v = from; v <= to; v += step) {
            values.add(v);
        }
        return values;
    }

    private static int number(String token, int field) {
        String upper = token.toUpperCase(Locale.ROOT);
        if (field == 3 && MONTHS.contains(upper)) {
            return MONTHS.indexOf(upper) + 1;
        }
        if (field == 4 && DAYS.contains(upper)) {
            return DAYS.indexOf(upper);
        }
        check(token.matches("\\d+"), CRON, token);
        return Integer.parseInt(token);
    }

    /** A string a rule reads holds no U+0000: PostgreSQL text could not keep it. */
    private static boolean isString(JsonNode value) {
        return value.isTextual() && value.textValue().indexOf('\u0000') < 0;
    }

    private static void check(boolean condition, String code, String detail) {
        if (!condition) {
            throw new Problem(code, detail);
        }
    }

    private static Field field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        check(value != null && !value.isNull(), MISSING, name);
        return new Field(name, value);
    }

    /** A present field, read as one JSON type or {@code MALFORMED_RECORD}. */
    private record Field(String name, JsonNode value) {
        String textual() {
            check(isString(value), MALFORMED, name);
            return value.asText();
        }

        void integral() {
            check(value.isIntegralNumber(), MALFORMED, name);
        }

        boolean bool() {
            check(value.isBoolean(), MALFORMED, name);
            return value.asBoolean();
        }

        JsonNode object() {
            check(value.isObject(), MALFORMED, name);
            return value;
        }

        JsonNode array() {
            check(value.isArray(), MALFORMED, name);
            return value;
        }
    }
}
