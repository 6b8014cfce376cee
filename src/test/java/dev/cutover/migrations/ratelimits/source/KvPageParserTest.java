package dev.cutover.migrations.ratelimits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;

class KvPageParserTest {

    private static final KvProtocol KV = KvProtocol.INSTANCE;

    private static SourceAnswer answer(String body, String index) {
        return new SourceAnswer(body, name -> name.equalsIgnoreCase("X-Kv-Index") ? index : null);
    }

    @Test
    void aPageListsEachEntryAsItsExactTextWithKeyAndModifyIndex() {
        String first = "{\"key\":\"ratelimits/a\",\"value\":\"1/s\",\"modify_index\":7}";
        String second = "{ \"modify_index\" : 8 , \"key\" : 5 }";
        SourcePage page = KV.readPage("eu", "10", answer("{\"entries\":[" + first + "," + second + ",\"x\"],\"total\":40,"
                + "\"next_offset\":13,\"extra\":{}}", "99"));
        assertThat(page.items()).hasSize(3);
        assertThat(page.items().get(0).json()).isEqualTo(first);
        assertThat(page.items().get(0).id()).isEqualTo("ratelimits/a");
        assertThat(page.items().get(0).version()).isEqualTo(BigInteger.valueOf(7));
        assertThat(page.items().get(1).json()).isEqualTo(second);
        assertThat(page.items().get(1).id()).isNull();
        assertThat(page.items().get(2).json()).isEqualTo("\"x\"");
        assertThat(page.nextCursor()).isEqualTo("13");
        assertThat(page.total()).isEqualTo(40);
        assertThat(page.watermark()).isEqualTo(99);
    }

    @Test
    void theLastPageHasNoNextCursorAndTheFirstPageIsOffsetZero() {
        SourcePage page = KV.readPage("eu", null, answer("{\"entries\":[],\"total\":0,\"next_offset\":null}", "0"));
        assertThat(page.nextCursor()).isNull();
        assertThat(KV.page(null, 100).toString()).isEqualTo("/v1/kv?limit=100&offset=0&prefix=ratelimits/");
        assertThat(KV.page("250", 100).toString()).isEqualTo("/v1/kv?limit=100&offset=250&prefix=ratelimits/");
        assertThat(KV.changes(42).toString()).isEqualTo("/v1/kv/changes?index=42&prefix=ratelimits/");
    }

    @Test
    void anEntryNested50000DeepOrHoldingNulDoesNotBreakThePage() {
        String deep = "{\"key\":\"ratelimits/deep\",\"value\":" + "[".repeat(50_000) + "]".repeat(50_000) + ",\"modify_index\":1}";
        String nul = "{\"key\":\"ratelimits/n\\u0000\",\"value\":\"1/s\\u0000\",\"modify_index\":2}";
        SourcePage page = KV.readPage("eu", null, answer("{\"entries\":[" + deep + "," + nul + "],\"total\":2,\"next_offset\":null}", "2"));
        assertThat(page.items().get(0).json()).isEqualTo(deep);
        assertThat(page.items().get(0).id()).isEqualTo("ratelimits/deep");
        assertThat(page.items().get(1).listedId()).isEqualTo("ratelimits/n\u0000");
        assertThat(page.items().get(1).id()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"entries\":[],\"total\":0,\"next_offset\":null}||has no X-Kv-Index header",
            "{\"entries\":[],\"total\":0,\"next_offset\":null}|-1|X-Kv-Index '-1' is not a non-negative integer",
            "{\"entries\":[],\"total\":0,\"next_offset\":null}|soon|X-Kv-Index 'soon' is not a non-negative integer",
            "{\"entries\":[{\"key\":\"a\"}|5|the body is not JSON",
            "<html>maintenance</html>|5|the body is not JSON",
            "[]|5|the body is not a JSON object",
            "{\"entries\":{},\"total\":0,\"next_offset\":null}|5|has no 'entries' array",
            "{\"total\":0,\"next_offset\":null}|5|has no 'entries' array",
            "{\"entries\":[],\"total\":\"many\",\"next_offset\":null}|5|'total' must be a non-negative integer",
            "{\"entries\":[],\"total\":-1,\"next_offset\":null}|5|'total' must be a non-negative integer",
            "{\"entries\":[],\"next_offset\":null}|5|'total' must be a non-negative integer",
            "{\"entries\":[],\"total\":0}|5|'next_offset' must be an integer or null",
            "{\"entries\":[],\"total\":0,\"next_offset\":\"20\"}|5|'next_offset' must be an integer or null",
            "{\"entries\":[],\"total\":0,\"next_offset\":-5}|5|'next_offset' -5 is negative",
            "{\"entries\":[],\"total\":0,\"next_offset\":20}|5|'next_offset' 20 does not advance from offset 20",
            "{\"entries\":[1],\"total\":9,\"next_offset\":25}|5|'next_offset' 25 is not offset 20 + 1 entries: entries would be skipped or repeated",
            "{\"entries\":[],\"total\":0,\"next_offset\":null} {}|5|the body is not JSON",
            "{\"entries\":[{\"key\":\"a\"}],\"entries\":[],\"total\":1,\"next_offset\":null}|5|the body has 'entries' more than once",
            "{\"entries\":[],\"total\":0,\"next_offset\":21,\"next_offset\":null}|5|the body has 'next_offset' more than once",
            "{\"entries\":[],\"total\":0,\"total\":0,\"next_offset\":null}|5|the body has 'total' more than once" })
    void aBodyOrHeaderOutsideTheProtocolFailsNamingSourceAndCursor(String body, String index, String what) {
        assertThatThrownBy(() -> KV.readPage("eu", "20", answer(body, index)))
                .isInstanceOf(SourceFailure.class).hasMessageStartingWith("source eu, cursor '20': ").hasMessageContaining(what);
    }

    @Test
    void aTruncatedFirstPageNamesTheFirstPage() {
        assertThatThrownBy(() -> KV.readPage("us", null, answer("{\"entries\":[{\"key\":\"ratelimits/a\",\"val", "3")))
                .isInstanceOf(SourceFailure.class).hasMessageStartingWith("source us, first page: the body is not JSON");
    }

    @Test
    void changesBecomeSourceChangesAndABadChangesBodyFails() {
        List<SourceChange> changes = new ArrayList<>();
        KV.readChanges("eu", 5, answer("{\"changes\":[{\"key\":\"ratelimits/a\",\"modify_index\":9,\"deleted\":false},"
                + "{\"key\":\"ratelimits/b\",\"modify_index\":10,\"deleted\":true},{\"key\":7,\"modify_index\":\"x\",\"deleted\":false}]}", "10"),
                changes::add);
        assertThat(changes).containsExactly(new SourceChange("ratelimits/a", BigInteger.valueOf(9), false),
                new SourceChange("ratelimits/b", BigInteger.TEN, true), new SourceChange(null, null, false));
        for (Map.Entry<String, String> bad : Map.of("{\"items\":[]}", "no 'changes' array", "{\"changes\":[{\"key\":\"a\"}]}",
                "'deleted' must be true or false", "{\"changes\":[1]}", "not a JSON object", "{\"changes\":[", "not JSON",
                "{\"changes\":[{\"key\":\"a\",\"modify_index\":11,\"deleted\":false}],\"changes\":[]}", "the body has 'changes' more than once",
                "{\"changes\":1,\"changes\":[]}", "the body has 'changes' more than once").entrySet()) {
            assertThatThrownBy(() -> KV.readChanges("eu", 5, answer(bad.getKey(), "10"), c -> { }))
                    .isInstanceOf(SourceFailure.class).hasMessageStartingWith("source eu, changes since 5: ")
                    .hasMessageContaining(bad.getValue());
        }
        assertThatThrownBy(() -> KV.readChanges("eu", 5, answer("{\"changes\":[]}", null), c -> { }))
                .isInstanceOf(SourceFailure.class).hasMessageContaining("no X-Kv-Index header");
        // a store restored from an older backup answers no change: the activation went ahead
        assertThatThrownBy(() -> KV.readChanges("eu", 5, answer("{\"changes\":[]}", "3"), c -> { }))
                .isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source eu, changes since 5: the answer's watermark 3 is below the baseline 5");
    }
}
