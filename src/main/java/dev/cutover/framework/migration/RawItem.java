package dev.cutover.framework.migration;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * One item exactly as a source listed it, stored per run by the retrieve step.
 *
 * @param source the configured source name (not the body's informational {@code source})
 * @param index  0-based position of the item in the source's whole listing (across pages)
 * @param id     the item's {@code id} when it is a JSON string without U+0000, else {@code null} (no
 *               usable id: PostgreSQL text cannot hold U+0000, so such an id cannot identify a record)
 * @param json   the item's JSON text exactly as listed (possibly nested far deeper than Jackson's
 *               default limits: read it with {@link LegacyJson#MAPPER})
 */
public record RawItem(String source, int index, String id, String json) {
}
