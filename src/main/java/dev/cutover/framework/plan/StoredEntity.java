package dev.cutover.framework.plan;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One planned entity as the plan step stores it, serialized once on the model writer's thread: the
 * entity ({@code {"id", <the codec's fields>, "members": [...]}}, as {@link ModelPlanning} makes it) and
 * the compact JSON text of its fields but the members, which {@code planned_entity} stores. The model's
 * digest takes the same text and the members' text ({@link ModelDigest#add(StoredEntity)}) instead of
 * serializing the whole entity a second time: the entity's text is its fields' text with
 * {@code ,"members":<members>} written in before the closing brace, byte for byte what Jackson writes
 * for the whole entity when the members are its last field. Nothing here changes the entity.
 *
 * @param entity         the entity, its members included
 * @param withoutMembers the compact JSON text of the entity's fields but {@code members}
 * @param membersLast    whether the entity has members, as its last field, after at least one other
 *                       field: whether its text is {@code withoutMembers} with the members written in
 */
public record StoredEntity(ObjectNode entity, String withoutMembers, boolean membersLast) {

    static final String MEMBERS = "members";

    static StoredEntity of(ObjectNode entity) {
        // a new object over the same field values (they are only read), not a deep copy of the entity
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String last = null;
        for (Map.Entry<String, JsonNode> field : entity.properties()) {
            last = field.getKey();
            if (!MEMBERS.equals(last)) {
                fields.set(last, field.getValue());
            }
        }
        return new StoredEntity(entity, fields.toString(), MEMBERS.equals(last) && !fields.isEmpty());
    }

    /** @return the entity's id */
    String id() {
        return entity.get("id").textValue();
    }

    /** @return the entity's members ({@code [[source, id] or [source, null, index], ...]}), or {@code null} */
    JsonNode members() {
        return entity.get(MEMBERS);
    }
}
