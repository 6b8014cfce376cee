package dev.cutover.migrations.ratelimits.normalize;

import static dev.cutover.migrations.ratelimits.Entries.copies;
import static dev.cutover.migrations.ratelimits.Entries.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;

class KvEntryNormalizerTest {

    private final KvEntryNormalizer normalizer = new KvEntryNormalizer();

    private Normalized<QuotaLeaf> normalize(String... json) {
        return normalizer.normalize(copies(json));
    }

    @Test
    void aGoodEntryBecomesOneLeafOfItsSetting() {
        Normalized<QuotaLeaf> outcome = normalize(json("ratelimits/orders/routes/%2Forders%2F%7Bid%7D/tiers/Premium", "6000 per minute", 7));
        assertThat(outcome.kind()).isEqualTo(Normalized.Kind.MIGRATED);
        assertThat(outcome.leaves()).containsExactly(new QuotaLeaf("orders", "/orders/{id}", "premium", "100", 100));
    }

    @Test
    void aFolderEntryIsSkippedWithoutLookingAtItsValue() {
        Normalized<QuotaLeaf> outcome = normalize(json("ratelimits/orders/", JsonNodeFactory.instance.nullNode(), 3));
        assertThat(outcome.kind()).isEqualTo(Normalized.Kind.SKIPPED);
        assertThat(outcome.code()).isEqualTo("FOLDER");
        assertThat(outcome.detail()).isEqualTo("key \"ratelimits/orders/\" is a folder entry");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // identity
            "[1,2]|MALFORMED_RECORD|entry: expected an object, got array",
            "\"ratelimits/a\"|MALFORMED_RECORD|entry: expected an object, got string \"ratelimits/a\"",
            "{\"key\":7,\"value\":\"1/s\",\"modify_index\":1}|MALFORMED_RECORD|key: expected a string, got number 7",
            "{\"key\":\"ratelimits/a\\u0000\",\"value\":\"1/s\",\"modify_index\":1}|MALFORMED_RECORD|key: expected a string without U+0000 (NUL), got string \"ratelimits/a\\u0000\"",
            "{\"key\":\"ratelimits/a\",\"value\":\"1/s\",\"modify_index\":1.5}|MALFORMED_RECORD|modify_index: expected an integer, got number 1.5",
            "{\"value\":\"1/s\",\"modify_index\":1}|MISSING_FIELD|key is missing",
            "{\"key\":\"ratelimits/a\",\"value\":\"1/s\",\"modify_index\":null}|MISSING_FIELD|modify_index is missing",
            "{\"key\":7}|MALFORMED_RECORD|key: expected a string, got number 7",
            "not json|MALFORMED_RECORD|entry is not valid JSON",
            // value type before key layout
            "{\"key\":\"ratelimits/A\",\"value\":100,\"modify_index\":1}|MALFORMED_RECORD|value: expected a string or an object, got number 100",
            "{\"key\":\"ratelimits/a\",\"value\":\"1/s\\u0000\",\"modify_index\":1}|MALFORMED_RECORD|value: expected a string or an object without U+0000 (NUL), got string \"1/s\\u0000\"",
            "{\"key\":\"ratelimits/A\",\"modify_index\":1}|MISSING_FIELD|value is missing",
            "{\"key\":\"ratelimits/a\",\"value\":null,\"modify_index\":1}|MISSING_FIELD|value is missing",
            // key, then rate
            "{\"key\":\"ratelimits/A\",\"value\":\"fast\",\"modify_index\":1}|MALFORMED_KEY|key: service \"A\" is not [a-z0-9-]+",
            "{\"key\":\"ratelimits/a/routes/%2F/tiers/gold\",\"value\":\"fast\",\"modify_index\":1}|UNKNOWN_TIER|key: tier \"gold\" is not one of [free, standard, premium, internal]",
            "{\"key\":\"ratelimits/a\",\"value\":\"fast\",\"modify_index\":1}|INVALID_RATE|value: \"fast\" is not a rate such as \"100/s\", \"6000 per minute\" or \"100/s burst 20\"",
            "{\"key\":\"ratelimits/a\",\"value\":\"0/s\",\"modify_index\":1}|NON_POSITIVE_RATE|value: rate 0 is not positive",
            "{\"key\":\"ratelimits/a\",\"value\":\"1/s burst 0\",\"modify_index\":1}|INVALID_BURST|value: burst 0 is not a positive integer" })
    void eachProblemGetsItsCodeAndADeterministicDetail(String entry, RateAnomaly code, String detail) {
        Normalized<QuotaLeaf> outcome = normalize(entry);
        assertThat(outcome.kind()).isEqualTo(Normalized.Kind.ANOMALY);
        assertThat(outcome.code()).isEqualTo(code.name());
        assertThat(outcome.detail()).isEqualTo(detail);
    }

    @Test
    void theCopyWithTheHighestModifyIndexStands() {
        Normalized<QuotaLeaf> outcome = normalize(json("ratelimits/a", "1/s", 9), json("ratelimits/a", "5/s", 3));
        assertThat(outcome.leaves()).containsExactly(new QuotaLeaf("a", "*", "*", "1", 1));
    }

    @Test
    void equalCopiesAtTheHighestIndexAreOneRecordWhateverTheirKeyOrder() {
        String reordered = "{\"modify_index\":9,\"value\":{\"per\":\"1s\",\"rate\":1.0},\"key\":\"ratelimits/a\"}";
        String original = "{\"key\":\"ratelimits/a\",\"value\":{\"rate\":1,\"per\":\"1s\"},\"modify_index\":9}";
        assertThat(normalize(original, reordered).kind()).isEqualTo(Normalized.Kind.MIGRATED);
    }

    @Test
    void differentCopiesAtTheHighestIndexAreADuplicateKeyWhateverElseIsWrong() {
        Normalized<QuotaLeaf> outcome = normalize(json("ratelimits/A", "fast", 9), json("ratelimits/A", "slow", 9), json("ratelimits/A", "x", 2));
        assertThat(outcome.code()).isEqualTo("DUPLICATE_KEY");
        assertThat(outcome.detail()).isEqualTo("2 different copies at modify_index 9");
    }

    @Test
    void aCopyWhoseIndexCannotBeReadMakesTheRecordMalformedEvenWhenSuperseded() {
        Normalized<QuotaLeaf> outcome = normalize(json("ratelimits/a", "1/s", 9),
                "{\"key\":\"ratelimits/a\",\"value\":\"1/s\",\"modify_index\":\"8\"}");
        assertThat(outcome.code()).isEqualTo("MALFORMED_RECORD");
        assertThat(outcome.detail()).isEqualTo("one of 2 copies: modify_index: expected an integer, got string \"8\"");
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

    @Test
    void anItemWithoutAUsableIdIsDecidedAlone() {
        List<RawItem> one = List.of(new RawItem("eu", 4, null, "{\"key\":null,\"value\":\"1/s\",\"modify_index\":1}"));
        assertThat(normalizer.normalize(one).code()).isEqualTo("MISSING_FIELD");
    }
}
