package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.toolkit.LegacyJson;

/** The envelope rules every protocol gets: each field once, nothing after the value, failures named. */
class EnvelopeReaderTest {

    private static final Set<String> ONCE = Set.of("items", "next");

    private static List<String> fields(String body) {
        List<String> read = new ArrayList<>();
        boolean object = EnvelopeReader.read("s1", "c-3", body, ONCE, (name, value, parser) -> read.add(name + "=" + value));
        read.add("object=" + object);
        return read;
    }

    @Test
    void eachFieldIsHandedOverWithItsValueAndWhatIsLeftOfItIsSkipped() {
        assertThat(fields("{\"items\":[1,[2]],\"other\":{\"items\":1},\"other\":2,\"next\":null}"))
                .containsExactly("items=START_ARRAY", "other=START_OBJECT", "other=VALUE_NUMBER_INT", "next=VALUE_NULL", "object=true");
        assertThat(fields("[{\"items\":1}]")).containsExactly("object=false");
        assertThat(fields("")).containsExactly("object=false");
    }

    @Test
    void anEnvelopeFieldGivenTwiceFailsNamingIt() {
        assertThatThrownBy(() -> fields("{\"next\":\"a\",\"items\":[],\"next\":null}")).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, cursor 'c-3': the body has 'next' more than once, so which one the source meant is not known");
    }

    @Test
    void contentAfterTheValueAndBodiesBeyondTheLimitsFailNamingWhy() {
        assertThatThrownBy(() -> fields("{} x")).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, cursor 'c-3': the body is not JSON: '{} x' (Unrecognized token 'x': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false') at character offset 3)");
        assertThatThrownBy(() -> fields("{} {}")).isInstanceOf(SourceFailure.class)
                .hasMessage("source s1, cursor 'c-3': the body is not JSON: '{} {}' (content after the body's JSON value at character offset 3)");
        String deep = "[".repeat(LegacyJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> fields(deep)).isInstanceOf(SourceFailure.class)
                .hasMessageStartingWith("source s1, cursor 'c-3': the body exceeds what Cutover reads: ");
    }

    @Test
    void aFailureOfTheFieldReaderPassesThrough() {
        SourceFailure own = new SourceFailure("s1", "c-3", "'next' is odd", null);
        assertThatThrownBy(() -> EnvelopeReader.read("s1", "c-3", "{\"next\":1}", ONCE, (name, value, parser) -> {
            throw own;
        })).isSameAs(own);
    }
}
