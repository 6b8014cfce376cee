package dev.cutover.framework.normalize;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.MemberRef;

/**
 * The one lineage outcome of one legacy record (one distinct (source, id), or one item without a
 * usable id): migrated, skipped with a reason, or one anomaly code.
 *
 * @param source the configured source name
 * @param id     the record id, or {@code null} for an item without a usable id
 * @param index  for an item without a usable id its 0-based index in the listing, else {@code null}
 * @param kind   the outcome
 * @param code   the skip reason or anomaly code; {@code null} when migrated
 * @param detail a human-readable, deterministic explanation; {@code null} when migrated
 * @param target for a migrated record, the migration's own description of what it becomes
 *               (for example its normalized leaves); {@code null} otherwise
 */
public record RecordOutcome(String source, String id, Integer index, Kind kind, String code, String detail,
        JsonNode target) {

    /** @return the record this outcome is about */
    public MemberRef member() {
        return new MemberRef(source, id, index);
    }

    public enum Kind {
        MIGRATED, SKIPPED, ANOMALY
    }

    public static RecordOutcome migrated(String source, String id, Integer index, JsonNode target) {
        return new RecordOutcome(source, id, index, Kind.MIGRATED, null, null, target);
    }

    public static RecordOutcome skipped(String source, String id, Integer index, String reason, String detail) {
        return new RecordOutcome(source, id, index, Kind.SKIPPED, reason, detail, null);
    }

    public static RecordOutcome anomaly(String source, String id, Integer index, String code, String detail) {
        return new RecordOutcome(source, id, index, Kind.ANOMALY, code, detail, null);
    }
}
