package dev.cutover.framework.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;

/** JSON value equality as rule 2 compares copies: by value, key order ignored, without recursion. */
class JsonValuesTest {

    @Test
    void objectsAreEqualWhateverTheKeyOrder() {
        assertThat(equal("{\"a\":1,\"b\":[true,null,\"x\"]}", "{\"b\":[true,null,\"x\"],\"a\":1}")).isTrue();
    }

    @Test
    void arraysAreOrdered() {
        assertThat(equal("[1,2]", "[2,1]")).isFalse();
        assertThat(equal("[1,2]", "[1,2,3]")).isFalse();
    }

    @Test
    void numbersAreComparedByValue() {
        assertThat(equal("1", "1.0")).isTrue();
        assertThat(equal("{\"p\":100}", "{\"p\":1e2}")).isTrue();
        assertThat(equal("0.1", "0.10")).isTrue();
        assertThat(equal("-0", "0.0")).isTrue();
        assertThat(equal("18446744073709551616", "18446744073709551616.0")).isTrue();
        assertThat(equal("18446744073709551616", "18446744073709551617")).isFalse();
        // beyond a double's precision, still exact
        assertThat(equal("0.1", "0.1000000000000000000001")).isFalse();
    }

    @Test
    void aNumberIsNotAStringOrABoolean() {
        assertThat(equal("1", "\"1\"")).isFalse();
        assertThat(equal("1", "true")).isFalse();
        assertThat(equal("null", "0")).isFalse();
    }

    @Test
    void membersMustMatchByName() {
        assertThat(equal("{\"a\":1}", "{\"b\":1}")).isFalse();
        assertThat(equal("{\"a\":1}", "{\"a\":1,\"b\":null}")).isFalse();
        assertThat(equal("{\"a\":\"x\"}", "{\"a\":\"y\"}")).isFalse();
    }

    @Test
    void nonFiniteDoublesOfTreesBuiltInCodeCompareWithoutFailing() {
        assertThat(JsonValues.equal(DoubleNode.valueOf(Double.POSITIVE_INFINITY), DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
                .isTrue();
        assertThat(JsonValues.equal(DoubleNode.valueOf(Double.NaN), IntNode.valueOf(1))).isFalse();
        assertThat(JsonValues.equal(null, null)).isTrue();
        assertThat(JsonValues.equal(IntNode.valueOf(1), null)).isFalse();
    }

    @Test
    void valuesNestedTenThousandLevelsDeepCompareWithoutOverflowingTheStack() {
        String a = nested(10_000, "{\"x\":1,\"y\":\"deep\"}");
        String b = nested(10_000, "{\"y\":\"deep\",\"x\":1.0}");
        String c = nested(10_000, "{\"y\":\"deep\",\"x\":2}");
        assertThat(equal(a, b)).isTrue();
        assertThat(equal(a, c)).isFalse();
    }

    /** @return {@code leaf} inside {@code depth} levels of alternating objects and arrays */
    static String nested(int depth, String leaf) {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            json.append(i % 2 == 0 ? "{\"k\":" : "[0,");
        }
        json.append(leaf);
        for (int i = depth - 1; i >= 0; i--) {
            json.append(i % 2 == 0 ? "}" : "]");
        }
        return json.toString();
    }

    private static boolean equal(String a, String b) {
        return JsonValues.equal(read(a), read(b));
    }

    private static JsonNode read(String json) {
        try {
            return LegacyJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
