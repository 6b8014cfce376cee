package dev.cutover.migrations.notifications;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One planned policy: the target entity of one group key.
 *
 * @param key        its group key
 * @param policyId   derived from the key alone ({@link GroupKey#policyId()})
 * @param recipients the union of its leaves' recipients, sorted in code-point order
 * @param members    the distinct legacy records with at least one leaf in the group, sorted
 */
public record Policy(GroupKey key, String policyId, List<String> recipients, List<MemberRef> members) {

    public Policy {
        recipients = List.copyOf(recipients);
        members = List.copyOf(members);
    }

    /**
     * The policy as the plan's model lists it: {@code {"id","tenant","channel","priority",
     * "schedule","timezone","recipients":[...],"members":[...]}}.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", policyId);
        node.setAll(key.toJson());
        ArrayNode recipientArray = node.putArray("recipients");
        recipients.forEach(recipientArray::add);
        ArrayNode memberArray = node.putArray("members");
        members.forEach(member -> memberArray.add(member.toJson()));
        return node;
    }
}
