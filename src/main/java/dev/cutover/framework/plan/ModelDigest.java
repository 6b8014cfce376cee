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

    /** @return {@code sha256:<hex>/<entities>}; ends the digest */
    String value() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest()) + "/" + entities;
    }
}
