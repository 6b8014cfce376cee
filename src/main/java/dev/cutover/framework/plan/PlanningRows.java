package dev.cutover.framework.plan;

import java.util.Iterator;


import dev.cutover.framework.migration.MemberRef;

/**
 * Where {@link ModelPlanning} keeps its working rows, so that the model is planned without being
 * held: every migrated leaf with its group key and place in the model's order, sorted once, then the
 * planned entities as they are made. {@link PlanningTables} keeps them in PostgreSQL (the plan step);
 * {@link #inMemory} in lists (tests and tools with small inputs). Used once, in this order:
 * {@link #addLeaf}..., {@link #sortedLeaves}, {@link #addEntity}..., {@link #finish}; closed in every case.
 */
public interface PlanningRows extends AutoCloseable {

    /**
     * One leaf of one migrated record.
     *
     * @param order  the group's place in the model ({@code TargetPlanner#keyOrder}, as text)
     * @param key    the group key's JSON text
     * @param member the record
     * @param leafNo the leaf's index among its record's leaves
     * @param leaf   the leaf's JSON text, as the record's outcome stores it
     */
    record LeafRow(String order, String key, MemberRef member, int leafNo, String leaf) {
    }

    void addLeaf(LeafRow row);

    /**
     * @return every leaf added, by order text, then key text (both in code-point order), then member,
     *         then leaf index: the groups one after the other in model order, each group's leaves in
     *         member order
     */
    Iterator<LeafRow> sortedLeaves();

    /** Keeps the next entity of the model (in model order). */
    void addEntity(StoredEntity entity);

    /** Makes the entities kept for good (the plan step commits them). */
    void finish();

    @Override
    void close();

    /** @return rows kept in lists, the entities in {@code model} */
    static PlanningRows inMemory(com.fasterxml.jackson.databind.node.ArrayNode model) {
        return new InMemoryRows(model);
    }
}
