package dev.cutover.migrations.notifications.plan;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.framework.toolkit.Sha256;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;

/**
 * The group key of DESIGN.md §5 rule 11: leaves with equal keys become one policy. Strings are
 * compared exactly (no case folding, no Unicode normalization), so look-alike tenants stay apart.
 *
 * @param tenant   trimmed tenant
 * @param channel  email, sms, webhook or pager
 * @param priority 1..5
 * @param schedule canonical cron form
 * @param timezone tz region id as the legacy rule named it (aliases are not merged)
 */
public record GroupKey(String tenant, String channel, int priority, String schedule, String timezone)
        implements Comparable<GroupKey> {

    private static final ObjectWriter KEY_WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writer();

    /** The order of the plan's model and of the export: strings in code-point order, priority numeric. */
    public static final Comparator<GroupKey> ORDER = GroupKey::compareTo;

    /** The key of the policy a leaf belongs to. */
    public static GroupKey of(PolicyLeaf leaf) {
        return new GroupKey(leaf.tenant(), leaf.channel(), leaf.priority(), leaf.schedule(), leaf.timezone());
    }

    /** Tenant, channel, priority (numeric), schedule, timezone; strings in code-point order. */
    @Override
    public int compareTo(GroupKey other) {
        // written out rather than chained with Comparator.comparing: sorting the keys is the
        // biggest sort of a plan, and the chain's indirections cost more than the comparisons
        java.util.Comparator<String> strings = CodePoints.ORDER;
        int order = strings.compare(tenant, other.tenant);
        if (order == 0) {
            order = strings.compare(channel, other.channel);
        }
        if (order == 0) {
            order = Integer.compare(priority, other.priority);
        }
        if (order == 0) {
            order = strings.compare(schedule, other.schedule);
        }
        return order != 0 ? order : strings.compare(timezone, other.timezone);
    }

    /**
     * The policy id: {@code pol_} and the first 32 lower-case hex digits of SHA-256 over
     * {@link #canonicalJson()} (ASCII). It depends on the key alone, so a re-run over the same data,
     * in any order, derives the same ids and creates nothing new; 128 bits keep collisions out of
     * reach for any realistic number of policies.
     */
    public String policyId() {
        return "pol_" + Sha256.hex(canonicalJson()).substring(0, 32);
    }

    /**
     * The key as the compact JSON array {@code ["tenant","channel",priority,"schedule","timezone"]},
     * pure ASCII (other characters escaped as {@code \\uXXXX}), so the id does not depend on a text
     * encoding and JSON quoting keeps the fields unambiguous whatever characters they contain.
     */
    public String canonicalJson() {
        try {
            return KEY_WRITER.writeValueAsString(List.of(tenant, channel, priority, schedule, timezone));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot spell group key " + this, e);
        }
    }

    /**
     * @return the key {@link #toJson()} wrote
     * @throws IllegalArgumentException when {@code json} is not such a key
     */
    public static GroupKey fromJson(JsonNode json) {
        JsonNode priority = json.path("priority");
        if (!priority.isInt() || !json.path("tenant").isTextual() || !json.path("channel").isTextual()
                || !json.path("schedule").isTextual() || !json.path("timezone").isTextual()) {
            throw new IllegalArgumentException("not a policy group key: " + json);
        }
        return new GroupKey(json.get("tenant").textValue(), json.get("channel").textValue(), priority.intValue(),
                json.get("schedule").textValue(), json.get("timezone").textValue());
    }

    /** The key as the plan report shows it: {@code {"tenant","channel","priority","schedule","timezone"}}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("tenant", tenant);
        node.put("channel", channel);
        node.put("priority", priority);
        node.put("schedule", schedule);
        node.put("timezone", timezone);
        return node;
    }
}
