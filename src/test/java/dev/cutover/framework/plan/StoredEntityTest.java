package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StoredEntityTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theDigestOfTheStoredTextsIsTheDigestOfTheWholeEntityWhateverItsFieldsHold() {
        List<ObjectNode> entities = List.of(
                entity("p-1", "plain").set("members", members()),
                entity("p-\"2\"\\", "tab\t, newline\n, NUL \u0000, U+2028 \u2028, \u00e9, \ud83d\ude00, lone \ud800")
                        .set("members", members()),
                entity("p-3", "no members"),
                // members not last, or nothing but members: the whole entity is serialized as before
                NODES.objectNode().put("id", "p-4").<ObjectNode>set("members", members()).put("after", 1),
                NODES.objectNode().set("members", members()),
                entity("p-6", "empty members").set("members", NODES.arrayNode()));

        ModelDigest whole = new ModelDigest();
        ModelDigest stored = new ModelDigest();
        for (ObjectNode entity : entities) {
            String before = entity.toString();
            whole.add(entity);
            stored.add(StoredEntity.of(entity));
            assertThat(entity).as("the entity is not changed").hasToString(before);
        }

        assertThat(stored.value()).isEqualTo(whole.value()).endsWith("/6");
    }

    @Test
    void theStoredTextIsTheEntityWithoutItsMembersAndSaysWhetherTheMembersCameLast() {
        ObjectNode entity = entity("p-1", "caf\u00e9").set("members", members());

        StoredEntity stored = StoredEntity.of(entity);

        assertThat(stored.withoutMembers()).isEqualTo(entity.deepCopy().without("members").toString())
                .isEqualTo("{\"id\":\"p-1\",\"note\":\"caf\u00e9\",\"schedule\":{\"cron\":\"0 9 * * *\"}}");
        assertThat(stored.id()).isEqualTo("p-1");
        assertThat(stored.members()).isSameAs(entity.get("members"));
        assertThat(stored.membersLast()).isTrue();
        assertThat(StoredEntity.of(entity("p-2", "none")).membersLast()).isFalse();
        assertThat(StoredEntity.of(NODES.objectNode().set("members", members())).membersLast()).isFalse();
    }

    private static ObjectNode entity(String id, String note) {
        ObjectNode entity = NODES.objectNode().put("id", id).put("note", note);
        entity.putObject("schedule").put("cron", "0 9 * * *");
        return entity;
    }

    private static ArrayNode members() {
        ArrayNode members = NODES.arrayNode();
        members.addArray().add("src-1").add("r-1");
        members.addArray().add("src-2").addNull().add(7);
        return members;
    }
}
