package dev.cutover.framework.normalize;

/**
 * One item exactly as a source listed it, stored per run by the retrieve step.
 *
 * @param source the configured source name (not the body's informational {@code source})
 * @param index  0-based position of the item in the source's whole listing (across pages)
 * @param id     the item's {@code id} when it is a JSON string, else {@code null} (no usable id)
 * @param json   the item's JSON text, unchanged
 */
public record RawItem(String source, int index, String id, String json) {
}
