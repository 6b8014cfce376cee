package dev.cutover.migrations.ratelimits.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.framework.toolkit.NodePath;

class RateSpellingTest {

    private static RateSpelling.Read read(JsonNode value) {
        return RateSpelling.read(value, NodePath.root("value"));
    }

    private static RateSpelling.Read read(String text) {
        return read(TextNode.valueOf(text));
    }

    private static JsonNode json(String text) throws Exception {
        return LegacyJson.MAPPER.readTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "100/s", "6000/m", "6000/min", "360000/h", "6000 per minute", "100 per second",
            "100/sec", "100/second", "100/seconds", "6000/minutes", "360000/hr", "360000 per hours", " 100/S ",
            "100 / s", "6000 PER MINUTE", "\t100 per Second\n", "1000/10s", "100.0/s", "6000 per 1 minute" })
    void everyStringSpellingOf100PerSecondReadsAsOneExactLimitWithTheDefaultBurst(String spelling) {
        assertThat(read(spelling).limit()).isEqualTo(new RateLimit(Rate.parse("100"), 100));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"rate\":100,\"per\":\"1s\"}", "{\"rate\":6000,\"per\":\"1m\"}", "{\"rate\":6000,\"per\":\"60s\"}",
            "{\"rate\":360000,\"per\":\"1h\"}", "{\"rate\":100.00,\"per\":\" 1S \"}", "{\"rate\":1e2,\"per\":\"1s\",\"burst\":null}" })
    void everyObjectSpellingOf100PerSecondReadsTheSame(String spelling) throws Exception {
        assertThat(read(json(spelling)).limit()).isEqualTo(new RateLimit(Rate.parse("100"), 100));
    }

    @Test
    void aBurstIsKeptAsGivenInEitherForm() throws Exception {
        assertThat(read("100/s burst 20").limit()).isEqualTo(new RateLimit(Rate.parse("100"), 20));
        assertThat(read("6000 per minute BURST 20").limit()).isEqualTo(new RateLimit(Rate.parse("100"), 20));
        assertThat(read(json("{\"rate\":100,\"per\":\"1s\",\"burst\":20}")).limit()).isEqualTo(new RateLimit(Rate.parse("100"), 20));
        assertThat(read(json("{\"rate\":100,\"per\":\"1s\",\"burst\":20.0}")).limit()).isEqualTo(new RateLimit(Rate.parse("100"), 20));
    }

    @ParameterizedTest
    @CsvSource({ "100/min, 5/3, 2", "1/h, 1/3600, 1", "50 per minute, 5/6, 1", "2.5/s, 5/2, 3", "7/3s, 7/3, 3" })
    void ratesThatAreNotWholeStayExactFractionsAndTheDefaultBurstRoundsUp(String spelling, String rate, long burst) {
        RateLimit limit = read(spelling).limit();
        assertThat(limit.ratePerSecond().toString()).isEqualTo(rate);
        assertThat(limit.burst()).isEqualTo(burst);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fast|INVALID_RATE", "100|INVALID_RATE", "100/fortnight|INVALID_RATE", "100/ms|INVALID_RATE",
            "/s|INVALID_RATE", "100/0s|INVALID_RATE", "100 per|INVALID_RATE", "100/s burst|INVALID_RATE",
            "１００/s|INVALID_RATE", "1e2/s|INVALID_RATE", "100/s burst 20 burst 30|INVALID_RATE",
            "0/s|NON_POSITIVE_RATE", "-5 per minute|NON_POSITIVE_RATE", "0.000/h|NON_POSITIVE_RATE",
            "100/s burst 0|INVALID_BURST", "100/s burst -3|INVALID_BURST", "100/s burst 2.5|INVALID_BURST" })
    void aHostileStringGetsItsCode(String spelling, RateAnomaly code) {
        assertThat(read(spelling).problem().code()).isEqualTo(code);
        assertThat(read(spelling).problem().detail()).startsWith("value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"per\":\"1s\"}|MISSING_FIELD|value.rate is missing",
            "{\"rate\":10}|MISSING_FIELD|value.per is missing",
            "{\"rate\":null,\"per\":\"1s\"}|MISSING_FIELD|value.rate is missing",
            "{\"rate\":\"10\",\"per\":\"1s\"}|INVALID_RATE|value.rate: expected a number, got string \"10\"",
            "{\"rate\":10,\"per\":5}|INVALID_RATE|value.per: expected a period such as \"1s\", got number 5",
            "{\"rate\":10,\"per\":\"1 fortnight\"}|INVALID_RATE|value.per: \"1 fortnight\" is not a period such as \"1s\", \"60s\", \"1m\" or \"1h\"",
            "{\"rate\":0,\"per\":\"1s\"}|NON_POSITIVE_RATE|value.rate: rate 0 is not positive",
            "{\"rate\":10,\"per\":\"1s\",\"burst\":0}|INVALID_BURST|value.burst: expected a positive integer, got number 0",
            "{\"rate\":10,\"per\":\"1s\",\"burst\":\"20\"}|INVALID_BURST|value.burst: expected a positive integer, got string \"20\"",
            "{\"rate\":1e999999999,\"per\":\"1s\"}|INVALID_RATE|value.rate: rate 1E+999999999 is out of range",
            "{\"rate\":10,\"per\":\"1\\u0000s\"}|MALFORMED_RECORD|value.per: expected a value without U+0000 (NUL), got string \"1\\u0000s\"" })
    void aHostileObjectGetsItsCodeAndADetailNamingTheField(String value, RateAnomaly code, String detail) throws Exception {
        RateSpelling.Read read = read(json(value));
        assertThat(read.problem().code()).isEqualTo(code);
        assertThat(read.problem().detail()).isEqualTo(detail);
    }

    @Test
    void aVeryLongStringIsNotASpellingAndIsNotScannedByTheRegex() {
        String hostile = "1".repeat(100_000) + "/s";
        assertThat(read(hostile).problem().code()).isEqualTo(RateAnomaly.INVALID_RATE);
        assertThat(read(hostile).problem().detail()).hasSizeLessThan(200);
    }

    @Test
    void ratesCompareByValueAndSpellReduced() {
        assertThat(Rate.parse("10/6")).isEqualTo(Rate.parse("5/3"));
        assertThat(Rate.parse("10/6").toString()).isEqualTo("5/3");
        assertThat(Rate.parse("5/3").compareTo(Rate.parse("2"))).isNegative();
        assertThat(Rate.parse("4/2").ceiling()).isEqualTo(BigInteger.TWO);
    }
}
