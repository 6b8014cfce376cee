package dev.cutover.guide.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;

/** The guide's protocol of its own: pages by offset, items as listed, hostile bodies as failures naming source and cursor. */
class OffsetPagedProtocolTest {

    private final OffsetPagedProtocol protocol = new OffsetPagedProtocol();

    @Test
    void theFirstPageIsOffsetZeroAndTheNextOffsetIsTheCursor() {
        assertThat(protocol.page(null, 100).toString()).isEqualTo("/v1/flags?limit=100&offset=0");
        SourcePage page = protocol.readPage("kv", null, answer("""
                {"flags": [{"key": "a", "rev": 3, "on": true}, 42], "next_offset": 2, "count": 5}""", "17"));
        assertThat(page.items()).extracting(i -> i.json()).containsExactly("{\"key\": \"a\", \"rev\": 3, \"on\": true}", "42");
        assertThat(page.items().get(0).id()).isEqualTo("a");
        assertThat(page.items().get(1).id()).as("an item of any shape is still listed").isNull();
        assertThat(page.nextCursor()).isEqualTo("2");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.watermark()).isEqualTo(17);
        assertThat(protocol.page(page.nextCursor(), 100).toString()).isEqualTo("/v1/flags?limit=100&offset=2");
    }

    @Test
    void aNullNextOffsetEndsTheListing() {
        SourcePage page = protocol.readPage("kv", "2", answer("{\"flags\": [], \"next_offset\": null, \"count\": 2}", "17"));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void hostileBodiesFailNamingTheSourceAndTheCursor() {
        assertThatThrownBy(() -> protocol.readPage("kv", null, answer("<html>", "1")))
                .isInstanceOf(SourceFailure.class).hasMessageStartingWith("source kv, first page: the body is not JSON");
        assertThatThrownBy(() -> protocol.readPage("kv", "4", answer("{\"flags\": [], \"next_offset\": 4, \"count\": 9}", "1")))
                .hasMessage("source kv, cursor '4': 'next_offset' must be null or an integer after this page's offset");
        assertThatThrownBy(() -> protocol.readPage("kv", "4", answer("{\"flags\": [], \"next_offset\": null, \"count\": 9}", null)))
                .hasMessage("source kv, cursor '4': no integer X-Watermark header");
        assertThatThrownBy(() -> protocol.readPage("kv", null, answer("{\"flags\": [], \"count\": 1} {}", "1")))
                .hasMessageStartingWith("source kv, first page: the body is not JSON: ")
                .hasMessageEndingWith("(content after the body's JSON value at character offset 26)");
    }

    @Test
    void aFieldGivenTwiceFailsThePageAndTheChanges() {
        assertThatThrownBy(() -> protocol.readPage("kv", null, answer("{\"flags\": [{\"key\": \"a\"}], \"flags\": [], \"next_offset\": null, \"count\": 1}", "1")))
                .hasMessage("source kv, first page: the body has 'flags' more than once, so which one the source meant is not known");
        assertThatThrownBy(() -> protocol.readChanges("kv", 17, SourceAnswer.of("{\"changed\": [{\"key\": \"a\", \"rev\": 4}], \"changed\": []}"), c -> { }))
                .isInstanceOf(SourceFailure.class)
                .hasMessage("source kv, changes since 17: the body has 'changed' more than once, so which one the source meant is not known");
    }

    @Test
    void changesListEveryChangedKeyAndKeepUnreadableOnes() {
        List<SourceChange> changes = new ArrayList<>();
        protocol.readChanges("kv", 17, SourceAnswer.of("""
                {"changed": [{"key": "a", "rev": 4}, {"key": "b", "deleted": true}, {"rev": 1}]}"""), changes::add);
        assertThat(changes).extracting(SourceChange::id, c -> c.version() == null ? null : c.version().intValue(), SourceChange::deleted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 4, false), org.assertj.core.groups.Tuple.tuple("b", null, true),
                        org.assertj.core.groups.Tuple.tuple(null, 1, false));
    }

    private static SourceAnswer answer(String body, String watermark) {
        Map<String, String> headers = watermark == null ? Map.of() : Map.of("x-watermark", watermark);
        return new SourceAnswer(body, name -> headers.get(name.toLowerCase()));
    }
}
