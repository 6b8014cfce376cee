package dev.cutover.framework.migration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How the framework stores a migration's leaves and entities (in {@code record_outcome.target} and
 * {@code target_entity.body}) and reads them back. The JSON of an entity is also what {@code export}
 * prints and what enters the digest, so it must be deterministic.
 * <p>
 * Contract: {@code fromJson(toJson(v))} equals {@code v}; {@link #fromJson} fails (naming what is
 * missing) rather than invent a default, because a stored value read wrongly would plan or execute a
 * silently wrong model.
 */
public interface JsonCodec<T> {

    JsonNode toJson(T value);

    /** @throws IllegalArgumentException when {@code json} is not a {@code T} */
    T fromJson(JsonNode json);

    /**
     * @return the codec of a record (or bean) type by Jackson, strict: a missing or null field, or a
     *         null for a primitive, fails. Fields are written in declaration order. Register the type
     *         for reflection ({@code @RegisterForReflection}) to keep a native build working.
     */
    static <T> JsonCodec<T> of(Class<T> type) {
        // resolved once: a plan reads a million leaves
        ObjectReader reader = Strict.MAPPER.readerFor(type);
        return new JsonCodec<>() {
            @Override
            public JsonNode toJson(T value) {
                return Strict.MAPPER.valueToTree(value);
            }

            @Override
            public T fromJson(JsonNode json) {
                try {
                    return reader.readValue(json);
                } catch (Exception e) {
                    throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** The strict mapper of {@link #of}. */
    final class Strict {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .build();

        private Strict() {
        }
    }
}
