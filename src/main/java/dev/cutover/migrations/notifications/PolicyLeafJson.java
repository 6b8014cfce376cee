package dev.cutover.migrations.notifications;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a migrated record's leaves, as {@link RuleNormalization} puts it in
 * {@code RecordOutcome.target}: an array of objects whose fields are the {@link PolicyLeaf} components
 * by name ({@code tenant, channel, priority, schedule, legacySchedule, timezone, recipients}), so plain
 * Jackson data binding reads it too. Built by hand rather than by an ObjectMapper so that no mapper
 * configuration (naming strategy, inclusion rules) can change what enters the plan digest.
 */
public final class PolicyLeafJson {

    private PolicyLeafJson() {
    }

    /** @return the leaves as a JSON array, in the given order */
    public static ArrayNode toJson(List<PolicyLeaf> leaves) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (PolicyLeaf leaf : leaves) {
            ObjectNode node = array.addObject();
            node.put("tenant", leaf.tenant());
            node.put("channel", leaf.channel());
            node.put("priority", leaf.priority());
            node.put("schedule", leaf.schedule());
            node.put("legacySchedule", leaf.legacySchedule());
            node.put("timezone", leaf.timezone());
            ArrayNode recipients = node.putArray("recipients");
            leaf.recipients().forEach(recipients::add);
        }
        return array;
    }

    /** @return the leaves of a {@link #toJson} array, in its order */
    public static List<PolicyLeaf> fromJson(JsonNode array) {
        List<PolicyLeaf> leaves = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            List<String> recipients = new ArrayList<>(node.get("recipients").size());
            node.get("recipients").forEach(r -> recipients.add(r.textValue()));
            leaves.add(new PolicyLeaf(node.get("tenant").textValue(), node.get("channel").textValue(),
                    node.get("priority").intValue(), node.get("schedule").textValue(),
                    node.get("legacySchedule").textValue(), node.get("timezone").textValue(),
                    List.copyOf(recipients)));
        }
        return leaves;
    }
}
