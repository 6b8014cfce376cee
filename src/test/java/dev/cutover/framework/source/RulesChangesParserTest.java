package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A {@code /v1/changes} answer is read streaming: each change's id, version and deletion, and nothing guessed. */
class RulesChangesParserTest {

    private static List<SourceChange> read(String body) {
        List<SourceChange> changes = new ArrayList<>();
        RulesApiProtocol.INSTANCE.readChanges("eu-1", 42, SourceAnswer.of(body), changes::add);
        return changes;
    }

    private static void assertFails(String body, String what) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source eu-1, changes since 42: " + what);
    }

    @Test
    void eachChangeGivesItsIdVersionAndDeletion() {
        assertThat(read("{\"items\":[{\"id\":\"r-1\",\"tenant\":\"acme\",\"version\":7,\"spec\":{\"id\":\"inner\",\"version\":1}},"
                + "{\"id\":\"r-2\",\"deleted\":true},{\"id\":\"r-3\",\"version\":2,\"deleted\":false}],\"watermark\":50}"))
                .containsExactly(new SourceChange("r-1", BigInteger.valueOf(7), false), new SourceChange("r-2", null, true),
                        new SourceChange("r-3", BigInteger.TWO, false));
    }

    @Test
    void aChangeWithoutAStorableIdIsAChangeOfNoKnownId() {
        // U+0000 reached the database's lookup of retrieved versions and failed the activation with an SQL error
        assertThat(read("{\"items\":[{\"id\":\"r\\u00001\",\"version\":2},{\"id\":\"\\ud800\",\"version\":2},{\"id\":7},"
                + "\"r-4\",[1]],\"watermark\":50}")).extracting(SourceChange::id).containsExactly(null, null, null, null, null);
    }

    @Test
    void aNumberNoBigDecimalHoldsInAChangedRuleIsRead() {
        // a tree read failed on it with a NumberFormatException
        assertThat(read("{\"items\":[{\"id\":\"r-1\",\"notes\":1e99999999999,\"version\":3}],\"watermark\":50}"))
                .containsExactly(new SourceChange("r-1", BigInteger.valueOf(3), false));
    }

    @Test
    void aVersionOfMoreThanAThousandDigitsIsNoVersion() {
        assertThat(read("{\"items\":[{\"id\":\"r-1\",\"version\":" + "9".repeat(SourceItem.MAX_VERSION_DIGITS + 1) + "}]}"))
                .containsExactly(new SourceChange("r-1", null, false));
    }

    @Test
    void itemsOrWatermarkGivenTwiceFailTheDriftCheck() {
        // the last copy won: a changed rule listed first was not seen, and the activation went ahead
        assertFails("{\"items\":[{\"id\":\"r-1\",\"version\":2}],\"items\":[],\"watermark\":50}",
                "the body has 'items' more than once, so which one the source meant is not known");
        assertFails("{\"items\":[],\"watermark\":50,\"watermark\":51}", "the body has 'watermark' more than once");
    }

    @Test
    void aBodyOfAnotherShapeFailsTheDriftCheck() {
        assertFails("{\"items\":{}}", "the body has no 'items' array");
        assertFails("[]", "the body has no 'items' array");
        assertFails("{\"items\":[{\"id\":\"r-1\",\"deleted\":\"yes\"}]}", "a change's 'deleted' must be true or false");
        assertFails("{\"items\":[", "the body is not JSON: '{\"items\":[' (Unexpected end-of-input");
        assertFails("{\"items\":[]} {}", "the body is not JSON: '{\"items\":[]} {}' (content after the body's JSON value at character offset 13)");
    }

    @Test
    void aWatermarkBelowTheBaselineFailsTheDriftCheck() {
        // a restored backup answers no change since a baseline it is behind: the activation went ahead
        assertFails("{\"items\":[],\"watermark\":41}", "the answer's watermark 41 is below the baseline 42 it was asked "
                + "from: the source answered from an older state (a lagging replica, a restored backup), so what changed since "
                + "the retrieval cannot be known");
        assertFails("{\"items\":[],\"watermark\":\"50\"}", "'watermark' must be an integer");
        assertThat(read("{\"items\":[],\"watermark\":42}")).isEmpty();
        assertThat(read("{\"items\":[]}")).as("a watermark left out is not checked").isEmpty();
    }
}
