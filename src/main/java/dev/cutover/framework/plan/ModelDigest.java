package dev.cutover.framework.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The digest of a planned model, computed entity by entity as the model is made, so that the plan
 * digest covers the whole model without the model being held: SHA-256 over each entity's compact JSON
 * text followed by a newline, in model order. The entities are built deterministically (fields in the
 * codec's order, members sorted), so the same data gives the same value.
 */
final class ModelDigest {

    private static final byte[] MEMBERS_FIELD = (",\"" + StoredEntity.MEMBERS + "\":").getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_ENTITY = "}\n".getBytes(StandardCharsets.UTF_8);

    private final MessageDigest sha256;
    private long entities;

    ModelDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    void add(JsonNode entity) {
        sha256.update(entity.toString().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        entities++;
    }

    /**
     * Adds the entity's text as {@link #add(JsonNode)} does, made of the text of its fields but the
     * members (which the model's rows store) and of its members' text: the entity is not serialized
     * whole a second time (that was a third of the model writer's work at 1M records).
     */
    void add(StoredEntity stored) {
        if (!stored.membersLast()) {
            add(stored.entity());
            return;
        }
        byte[] fields = stored.withoutMembers().getBytes(StandardCharsets.UTF_8);
        // the fields' text ends with its closing brace: the members go in before it
        sha256.update(fields, 0, fields.length - 1);
        sha256.update(MEMBERS_FIELD);
        sha256.update(stored.members().toString().getBytes(StandardCharsets.UTF_8));
        sha256.update(END_OF_ENTITY);
        entities++;
    }

    /** @return {@code sha256:<hex>/<entities>}; ends the digest */
    String value() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest()) + "/" + entities;
    }
}
