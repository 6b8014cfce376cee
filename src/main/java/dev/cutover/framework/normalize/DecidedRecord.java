package dev.cutover.framework.normalize;

import java.util.List;

/**
 * What the normalize step stores of one legacy record: its lineage {@link RecordOutcome} and, when it
 * migrated, each of its leaves ready for the plan step's sort ({@link KeyedLeaf}), in the record's
 * leaf order. Empty leaves for a skipped or anomalous record.
 */
public record DecidedRecord(RecordOutcome outcome, List<KeyedLeaf> leaves) {

    public DecidedRecord {
        leaves = List.copyOf(leaves);
    }

    /**
     * @return the outcome's target as stored ({@code record_outcome.target}): the JSON text of its array of
     *         leaves, {@code null} when it has none. Made of the keyed leaves' texts when there are such
     *         (the same text Jackson writes for the array, without serializing every leaf a second time)
     */
    public String targetText() {
        if (outcome.target() == null) {
            return null;
        }
        if (leaves.isEmpty() || leaves.size() != outcome.target().size()) {
            return outcome.target().toString();
        }
        StringBuilder text = new StringBuilder(16 * leaves.size());
        text.append('[');
        for (KeyedLeaf leaf : leaves) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(leaf.leaf());
        }
        return text.append(']').toString();
    }

    /**
     * One leaf of a migrated record, with what the plan step sorts it by.
     *
     * @param leafNo the leaf's index among its record's leaves
     * @param order  the group's place in the model, as text ({@code TargetPlanner#keyOrder})
     * @param key    the group key's JSON text ({@code TargetPlanner#groupKey})
     * @param leaf   the leaf's JSON text, as the outcome's target array holds it
     */
    public record KeyedLeaf(int leafNo, String order, String key, String leaf) {
    }
}
