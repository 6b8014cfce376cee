package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.cutover.framework.toolkit.CodePoints;

/** {@link PlanningRows} in lists, sorted as {@link PlanningTables} sorts them in PostgreSQL. */
final class InMemoryRows implements PlanningRows {

    // the order text is hex: its natural order is its code-point order
    static final Comparator<LeafRow> ORDER = Comparator.comparing(LeafRow::order)
            .thenComparing(LeafRow::key, CodePoints.ORDER)
            .thenComparing(LeafRow::member)
            .thenComparingInt(LeafRow::leafNo);

    private final List<LeafRow> leaves = new ArrayList<>();
    private final ArrayNode model;

    InMemoryRows(ArrayNode model) {
        this.model = model;
    }

    @Override
    public void addLeaf(LeafRow row) {
        leaves.add(row);
    }

    @Override
    public Iterator<LeafRow> sortedLeaves() {
        leaves.sort(ORDER);
        return leaves.iterator();
    }

    @Override
    public void addEntity(StoredEntity entity) {
        model.add(entity.entity());
    }

    @Override
    public void finish() {
        // nothing to commit
    }

    @Override
    public void close() {
        leaves.clear();
    }
}
