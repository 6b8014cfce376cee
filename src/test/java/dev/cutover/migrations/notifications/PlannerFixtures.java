package dev.cutover.migrations.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.normalize.RecordOutcome;

/** Builds migrated outcomes the way the normalizer hands them over: leaves serialized by Jackson. */
final class PlannerFixtures {

    /** A Monday, so a one-week horizon holds each weekday once. */
    static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlannerFixtures() {
    }

    static PolicyLeaf leaf(String tenant, String channel, int priority, String schedule, String legacySchedule,
            String timezone, String... recipients) {
        return new PolicyLeaf(tenant, channel, priority, schedule, legacySchedule, timezone, Arrays.asList(recipients));
    }

    /** A daily 09:00 UTC email leaf of priority 3, spelled canonically, for tests where only some fields matter. */
    static PolicyLeaf daily(String tenant, String... recipients) {
        return leaf(tenant, "email", 3, "0 9 * * *", "0 9 * * *", "UTC", recipients);
    }

    static RecordOutcome migrated(String source, String id, PolicyLeaf... leaves) {
        return RecordOutcome.migrated(source, id, null, JSON.valueToTree(List.of(leaves)));
    }

    static RecordOutcome migratedWithoutId(String source, int index, PolicyLeaf... leaves) {
        return RecordOutcome.migrated(source, null, index, JSON.valueToTree(List.of(leaves)));
    }

    static MigratedLeaf leafOf(String source, String id, PolicyLeaf leaf) {
        return new MigratedLeaf(new MemberRef(source, id, null), leaf);
    }
}
