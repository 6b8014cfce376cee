package dev.cutover.migrations.ratelimits.normalize;

import static dev.cutover.migrations.ratelimits.Entries.copies;
import static dev.cutover.migrations.ratelimits.Entries.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.migration.Normalized;

/**
 * What the normalizer decides that no region's listing shows: the folder skip's detail, an entry that
 * is not JSON, and depths of 50,000. Every other entry-in, outcome-out assertion is a case of
 * {@code scenarios/rate-limits-v2/} (its codes, details, copies and spellings).
 */
class KvEntryNormalizerTest {

    private final KvEntryNormalizer normalizer = new KvEntryNormalizer();

    private Normalized<QuotaLeaf> normalize(String... json) {
        return normalizer.normalize(copies(json));
    }

    @Test
    void aFolderEntryIsSkippedWithoutLookingAtItsValue() {
        Normalized<QuotaLeaf> outcome = normalize(json("ratelimits/orders/", JsonNodeFactory.instance.nullNode(), 3));
        assertThat(outcome.kind()).isEqualTo(Normalized.Kind.SKIPPED);
        assertThat(outcome.code()).isEqualTo("FOLDER");
        assertThat(outcome.detail()).isEqualTo("key \"ratelimits/orders/\" is a folder entry");
    }

    /** A page holds JSON only, so no region lists an entry that is not: the normalizer still judges one. */
    @Test
    void anEntryThatIsNotJsonIsMalformed() {
        Normalized<QuotaLeaf> outcome = normalize("not json");
        assertThat(outcome.code()).isEqualTo("MALFORMED_RECORD");
        assertThat(outcome.detail()).isEqualTo("entry is not valid JSON");
    }

    @Test
    void anEntryNested50000DeepIsAnAnomalyNotACrash() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        String entry = "{\"key\":\"ratelimits/a\",\"value\":" + deep + ",\"modify_index\":1}";
        assertThat(normalize(entry).code()).isEqualTo("MALFORMED_RECORD");
        String deepObject = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
        String other = "{\"key\":\"ratelimits/a\",\"value\":{\"rate\":1,\"per\":\"1s\",\"x\":" + deepObject + "},\"modify_index\":1}";
        assertThat(normalize(other, other).kind()).isEqualTo(Normalized.Kind.MIGRATED);
    }
}
