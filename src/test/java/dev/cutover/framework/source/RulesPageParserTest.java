package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.toolkit.LegacyJson;

/** A rules page is read streaming: each item kept as its exact listed text, with its id and version. */
class RulesPageParserTest {

    private static SourcePage parse(String body) {
        return RulesPageParser.parse("eu-1", "c-1", body);
    }

    private static String page(String items, String next) {
        return "{\"source\":\"eu-1\",\"items\":[" + items + "],\"next_cursor\":" + next + ",\"total\":3,\"watermark\":9}";
    }

    @Test
    void itemsAreKeptAsTheExactTextTheyWereListedAs() {
        List<String> listed = List.of("{ \"id\" : \"r-1\",\n  \"spec\": {\"b\":1, \"a\":[1.50, 1e2, \"\\u00e9\\n\"]} }",
                "\"just a string with \\\" and ]\"", "-12.500", "true", "null", "[ {}, [] ]", "{}", "\"é😀\"");
        SourcePage page = parse(page(String.join(" ,\n ", listed), "\"c-2\""));
        assertThat(page.items()).extracting(SourceItem::json).containsExactlyElementsOf(listed);
        assertThat(page.nextCursor()).isEqualTo("c-2");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.watermark()).isEqualTo(9);
    }

    @Test
    void topLevelIdAndVersionAreReadAsAJsonTreeWouldReadThem() {
        SourcePage page = parse(page(String.join(",",
                "{\"id\":\"r-1\",\"version\":7,\"spec\":{\"id\":\"inner\",\"version\":99}}",
                "{\"id\":7,\"version\":1.5}",
                "{\"id\":\"a\",\"id\":{\"x\":1},\"version\":\"2\"}",
                "{\"id\":null,\"id\":\"b\",\"version\":18446744073709551617}",
                "[\"id\",\"r-9\"]"), "null"));
        assertThat(page.items()).extracting(SourceItem::id).containsExactly("r-1", null, null, "b", null);
        assertThat(page.items()).extracting(SourceItem::version)
                .containsExactly(BigInteger.valueOf(7), null, null, new BigInteger("18446744073709551617"), null);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void anIdHoldingNulIsListedButNotUsable() {
        SourceItem item = parse(page("{\"id\":\"r\\u00001\",\"version\":1}", "null")).items().get(0);
        assertThat(item.listedId()).isEqualTo("r\u00001");
        assertThat(item.id()).isNull();
        assertThat(item.json()).isEqualTo("{\"id\":\"r\\u00001\",\"version\":1}");
    }

    @Test
    void versionsOfMoreThanAThousandDigitsAreNotKept() {
        String kept = "9".repeat(SourceItem.MAX_VERSION_DIGITS);
        SourcePage page = parse(page("{\"version\":-" + kept + "},{\"version\":" + kept + "9}", "null"));
        assertThat(page.items()).extracting(SourceItem::version).containsExactly(new BigInteger("-" + kept), null);
    }

    @Test
    void anItemNestedFiftyThousandLevelsDeepIsKeptWhole() {
        String deep = "{\"id\":\"deep\",\"spec\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        SourcePage page = parse(page("{\"id\":\"r-0\"}," + deep + ",{\"id\":\"r-2\"}", "null"));
        assertThat(page.items()).extracting(SourceItem::id).containsExactly("r-0", "deep", "r-2");
        assertThat(page.items().get(1).json()).isEqualTo(deep);
    }

    @Test
    void aBodyNestedBeyondTheLimitFailsNamingTheLimit() {
        int depth = LegacyJson.MAX_NESTING_DEPTH;
        assertThatThrownBy(() -> parse(page("[".repeat(depth) + "]".repeat(depth), "null")))
                .isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source eu-1, cursor 'c-1': the body exceeds what Cutover reads: ")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void nextCursorHoldingNulFailsThePageAtOnceWithTheNulEscaped() {
        assertThatThrownBy(() -> parse(page("", "\"c\\u00002\"")))
                .isInstanceOf(SourceFailure.class)
                .hasMessage("source eu-1, cursor 'c-1': 'next_cursor' holds U+0000 (NUL), so it cannot be stored"
                        + " to resume from: cursor 'c\\u00002'");
    }

    @Test
    void nextCursorHoldingALoneSurrogateFailsThePageNamingTheSurrogate() {
        // it was reported as holding U+0000
        assertFails(page("", "\"c\\ud800x\""), "'next_cursor' holds a lone UTF-16 surrogate (no character), so it cannot be"
                + " stored to resume from: cursor 'c\\ud800x'");
    }

    @Test
    void emptyNextCursorFailsThePageAtOnce() {
        assertThatThrownBy(() -> parse(page("", "\"\"")))
                .isInstanceOf(SourceFailure.class)
                .hasMessage("source eu-1, cursor 'c-1': 'next_cursor' is empty: an empty cursor cannot be told from the first page");
    }

    @Test
    void pageFieldsAreValidatedAsBefore() {
        assertFails("[1]", "the body is not a JSON object");
        assertFails("", "the body is not a JSON object");
        assertFails("{\"items\":{},\"next_cursor\":null,\"total\":1,\"watermark\":1}", "the body has no 'items' array");
        assertFails("{\"next_cursor\":null,\"total\":1,\"watermark\":1}", "the body has no 'items' array");
        assertFails("{\"items\":[],\"next_cursor\":42,\"total\":1,\"watermark\":1}", "'next_cursor' must be a string or null");
        assertFails("{\"items\":[],\"total\":1,\"watermark\":1}", "'next_cursor' must be a string or null");
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":\"many\",\"watermark\":1}", "'total' must be an integer");
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":1.0,\"watermark\":1}", "'total' must be an integer");
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":1,\"watermark\":9223372036854775808}",
                "'watermark' 9223372036854775808 is beyond a 64-bit integer");
        // it said "must be an integer"
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":" + "9".repeat(400) + ",\"watermark\":1}",
                "'total' " + "9".repeat(40) + "... (400 digits) is beyond a 64-bit integer");
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":1}", "'watermark' must be an integer");
    }

    @Test
    void aBodyThatIsNotJsonFailsQuotingItsStart() {
        assertNotJson("<html>maintenance</html>", "'<html>maintenance</html>'");
        assertNotJson(page("{\"id\":\"r-1\"}", "null").substring(0, 30), "'" + page("{\"id\":\"r-1\"}", "null").substring(0, 30) + "'");
        assertNotJson(page("", "null") + " {}", "'" + page("", "null") + " {}'");
    }

    @Test
    void aPageFieldGivenTwiceFailsThePageWhicheverCopyIsUsable() {
        // a tree keeps the last copy, a streaming reader could keep the first: either guess drops or invents records
        String twice = " more than once, so which one the source meant is not known";
        assertFails("{\"items\":[{\"id\":\"r-1\"}],\"items\":[],\"next_cursor\":null,\"total\":1,\"watermark\":1}",
                "the body has 'items'" + twice);
        assertFails("{\"items\":[],\"next_cursor\":\"c-2\",\"next_cursor\":null,\"total\":1,\"watermark\":1}",
                "the body has 'next_cursor'" + twice);
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":\"x\",\"total\":4,\"watermark\":1}",
                "the body has 'total'" + twice);
        assertFails("{\"items\":[],\"next_cursor\":null,\"total\":1,\"watermark\":1,\"watermark\":2}",
                "the body has 'watermark'" + twice);
        // fields outside the contract are ignored, repeated or not
        assertThat(parse(page("", "null").replace("{", "{\"x\":1,\"x\":2,")).total()).isEqualTo(3);
    }

    @Test
    void aBodyThatIsNotJsonFailsWithTheParsersReasonAndWhereItStopped() {
        assertThatThrownBy(() -> parse("{\"items\":[1 2]}")).isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source eu-1, cursor 'c-1': the body is not JSON: '{\"items\":[1 2]}' (Unexpected character")
                .hasMessageEndingWith(" at character offset 12)");
    }

    @Test
    void longCursorsAreAbbreviatedInMessages() {
        String cursor = "c".repeat(100_000);
        assertThat(SourceFailure.describeCursor(cursor)).isEqualTo("cursor '" + "c".repeat(40) + "...' (100000 characters)");
        assertThat(SourceFailure.describeCursor("c".repeat(40))).isEqualTo("cursor '" + "c".repeat(40) + "'");
        assertThat(SourceFailure.describeCursor(null)).isEqualTo("first page");
    }

    private static void assertFails(String body, String what) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(SourceFailure.class)
                .hasMessage("source eu-1, cursor 'c-1': " + what);
    }

    /** A body that is not JSON: its start is quoted, then the parser's reason follows. */
    private static void assertNotJson(String body, String quoted) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source eu-1, cursor 'c-1': the body is not JSON: " + quoted + " (");
    }
}
