package dev.cutover.framework.source;

import java.math.BigInteger;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * One item of a {@code /v1/rules} page, kept as the source listed it: validating it is
 * normalization's job, so anything goes (not an object, no id, nested 50,000 levels deep). The
 * retrieve step stores it with its page; a restart fetches and stores no stored page again.
 *
 * @param json     the item's exact JSON text, a slice of the page body (never re-serialized, so
 *                 nothing is lost or reordered and no depth limit of a serializer applies)
 * @param listedId the item's top-level {@code id} when it is a JSON string (with repeated keys the
 *                 last, as a JSON tree reads it), else {@code null}; it may hold U+0000
 * @param version  the item's top-level {@code version} when it is a JSON integer of at most
 *                 {@value #MAX_VERSION_DIGITS} digits, else {@code null}
 */
public record SourceItem(String json, String listedId, BigInteger version) {

    /** Longest version kept, in digits: a version is compared, never computed with. */
    public static final int MAX_VERSION_DIGITS = 1000;

    /**
     * @return the id the record is known by, or {@code null} when the item has no usable id: none,
     *         not a string, or a string holding U+0000, which PostgreSQL text cannot store (normalization
     *         reports such an item by its index)
     */
    public String id() {
        return listedId != null && LegacyJson.isStorable(listedId) ? listedId : null;
    }
}
