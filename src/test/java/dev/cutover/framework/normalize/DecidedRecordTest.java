package dev.cutover.framework.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.migrations.notifications.NotificationRulesMigration;

/**
 * The stored target of a migrated record is written from its keyed leaves' texts: it must be, byte for
 * byte, the text of the outcome's array of leaves, or the lineage and every digest over it would change.
 */
class DecidedRecordTest {

    private static final NotificationRulesMigration MIGRATION = new NotificationRulesMigration();

    @Test
    void theTargetWrittenFromTheKeyedLeavesIsTheTextOfTheLeavesArray() {
        // a bundle of three leaves with text that JSON escapes: quotes, a backslash, control and non-Latin characters
        String body = """
                {"id": "r-1", "tenant": "t\\"ü\\\\ 東京 \\u0001", "version": 1, "enabled": true,
                 "spec": {"kind": "bundle", "items": [
                   {"kind": "simple", "channel": "email", "priority": 1, "schedule": "0 9 * * *",
                    "recipients": ["ops@example.com", "a\\"b@example.com"]},
                   {"kind": "simple", "channel": "sms", "priority": 2, "schedule": "*/15 * * * *", "timezone": "Asia/Tokyo",
                    "recipients": ["+33612345678"]},
                   {"kind": "simple", "channel": "email", "priority": 3, "schedule": "0 0 1 1 *",
                    "recipients": ["\\u00e9t\\u00e9@example.com"]}]}}""";
        DecidedRecord decided = LegacyRecordProcessor.decide(MIGRATION, List.of(new RawItem("eu-1", 0, "r-1", body)));

        assertThat(decided.outcome().kind()).isEqualTo(RecordOutcome.Kind.MIGRATED);
        assertThat(decided.leaves()).hasSize(3);
        assertThat(decided.targetText()).isEqualTo(decided.outcome().target().toString());
    }

    @Test
    void anOutcomeWithoutKeyedLeavesWritesItsTargetAsItIsAndNoTargetAsNull() {
        var target = JsonNodeFactory.instance.arrayNode().add("x").add(JsonNodeFactory.instance.objectNode().put("k", "\u0000"));
        assertThat(new DecidedRecord(RecordOutcome.migrated("eu-1", "r-2", null, target), List.of()).targetText())
                .isEqualTo(target.toString());
        assertThat(new DecidedRecord(RecordOutcome.skipped("eu-1", "r-3", null, "DISABLED", "off"), List.of()).targetText())
                .isNull();
    }
}
