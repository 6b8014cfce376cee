package dev.cutover.framework.source;

import java.math.BigInteger;

/**
 * One record that changed in a source since a watermark (the drift check, DESIGN.md §4).
 *
 * @param id      the record's id, or {@code null} when the change names none a record could have
 * @param version its version now, or {@code null} when the answer gives none (which is drift)
 * @param deleted whether it was deleted
 */
public record SourceChange(String id, BigInteger version, boolean deleted) {
}
