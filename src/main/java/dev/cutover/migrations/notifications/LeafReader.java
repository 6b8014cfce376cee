package dev.cutover.migrations.notifications;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.cutover.framework.normalize.RecordOutcome;

/**
 * Reads the leaves of the migrated records out of a run's outcomes. A migrated record's
 * {@code target} is the JSON array of its {@link PolicyLeaf}s as Jackson serializes them.
 *
 * <p>The result is sorted by record, then in the record's own leaf order, so that everything
 * computed from it, error messages included, is independent of the order of the outcomes.
 */
final class LeafReader {

    // strict on purpose: a target that does not carry every field is a normalizer bug, and reading
    // a missing priority as 0 or a missing schedule as null would plan a silently wrong policy
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private LeafReader() {
    }

    /**
     * @return the leaves of every {@code MIGRATED} outcome; other outcomes are ignored
     * @throws IllegalStateException naming the record when a migrated record's target is not a
     *                               non-empty array of complete leaves with at least one recipient each
     */
    static List<MigratedLeaf> read(List<RecordOutcome> outcomes) {
        List<RecordOutcome> migrated = new ArrayList<>();
        for (RecordOutcome outcome : outcomes) {
            if (outcome.kind() == RecordOutcome.Kind.MIGRATED) {
                migrated.add(outcome);
            }
        }
        migrated.sort(Comparator.comparing(MemberRef::of));
        List<MigratedLeaf> leaves = new ArrayList<>(migrated.size() * 2);
        for (RecordOutcome outcome : migrated) {
            MemberRef record = MemberRef.of(outcome);
            JsonNode target = outcome.target();
            if (target == null || !target.isArray() || target.isEmpty()) {
                throw new IllegalStateException("migrated record " + record
                        + " has no leaves: its target must be a non-empty array of policy leaves");
            }
            for (JsonNode node : target) {
                leaves.add(new MigratedLeaf(record, toLeaf(record, node)));
            }
        }
        return leaves;
    }

    private static PolicyLeaf toLeaf(MemberRef record, JsonNode node) {
        PolicyLeaf leaf;
        try {
            leaf = MAPPER.treeToValue(node, PolicyLeaf.class);
        } catch (Exception e) {
            throw new IllegalStateException("migrated record " + record + " has a leaf that is not a policy leaf: "
                    + e.getMessage(), e);
        }
        if (leaf.recipients().isEmpty() || leaf.recipients().contains(null)) {
            throw new IllegalStateException("migrated record " + record + " has a leaf without valid recipients");
        }
        return leaf;
    }
}
