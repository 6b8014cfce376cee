package dev.cutover.framework.migration;

import java.util.Comparator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.toolkit.CodePoints;

/**
 * One legacy record as a member of a group: {@code (source, id)}, or {@code (source, index)} for
 * an item without a usable id. Ordered by source, then id, with id-less records after those with
 * an id, by index (strings in code-point order).
 *
 * @param source the configured source name
 * @param id     the record id, or {@code null} when the item had no usable id
 * @param index  the item's 0-based index in the listing when {@code id} is {@code null}, else {@code null}
 */
public record MemberRef(String source, String id, Integer index) implements Comparable<MemberRef> {

    private static final Comparator<MemberRef> ORDER = Comparator
            .comparing(MemberRef::source, CodePoints.ORDER)
            .thenComparing(MemberRef::id, Comparator.nullsLast(CodePoints.ORDER))
            .thenComparing(MemberRef::index, Comparator.nullsFirst(Comparator.naturalOrder()));

    public MemberRef {
        // an id makes the index irrelevant; dropping it keeps one record equal to itself
        index = id == null ? index : null;
    }

    @Override
    public int compareTo(MemberRef other) {
        return ORDER.compare(this, other);
    }

    /** {@code ["eu-1","r-7"]}, or {@code ["eu-1",null,3]} for an item without a usable id. */
    public ArrayNode toJson() {
        ArrayNode node = JsonNodeFactory.instance.arrayNode().add(source);
        if (id != null) {
            return node.add(id);
        }
        return node.addNull().add(index);
    }

    /** How messages name the record: {@code eu-1/r-7}, or {@code eu-1 item #3} without an id. */
    @Override
    public String toString() {
        return id != null ? source + "/" + id : source + " item #" + index;
    }
}
