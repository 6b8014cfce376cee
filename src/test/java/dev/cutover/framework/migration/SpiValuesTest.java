package dev.cutover.framework.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The values an author hands the framework refuse what would store or report something wrong. */
class SpiValuesTest {

    record Leaf(String name, int size, List<String> tags) {
    }

    private static final JsonCodec<Leaf> CODEC = JsonCodec.of(Leaf.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCodecRoundTripsAndWritesFieldsInDeclarationOrder() {
        Leaf leaf = new Leaf("a", 3, List.of("x", "y"));
        JsonNode json = CODEC.toJson(leaf);
        assertThat(json).hasToString("{\"name\":\"a\",\"size\":3,\"tags\":[\"x\",\"y\"]}");
        assertThat(CODEC.fromJson(json)).isEqualTo(leaf);
    }

    @Test
    void aCodecRefusesMissingAndNullFieldsRatherThanInventDefaults() throws Exception {
        assertThatThrownBy(() -> CODEC.fromJson(JSON.readTree("{\"name\":\"a\",\"tags\":[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Leaf").hasMessageContaining("size");
        assertThatThrownBy(() -> CODEC.fromJson(JSON.readTree("{\"name\":\"a\",\"size\":null,\"tags\":[]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CODEC.fromJson(JSON.readTree("{\"name\":null,\"size\":1,\"tags\":[]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomeCodesMustBeUpperCaseWordsBecauseOperatorsAcceptThemByName() {
        assertThat(Normalized.anomaly("UNKNOWN_TIER", "tier gold").code()).isEqualTo("UNKNOWN_TIER");
        for (String bad : new String[] { "unknown", "UNKNOWN-TIER", "", " X" }) {
            assertThatThrownBy(() -> Normalized.anomaly(bad, "d")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "' is not a code");
        }
        assertThatThrownBy(() -> Normalized.skipped(null, "d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMigratedRecordHasAtLeastOneLeaf() {
        assertThatThrownBy(() -> Normalized.migrated(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Normalized.migrated("x").leaves()).containsExactly("x");
    }

    @Test
    void aStoredEntityIsReadWithoutItsIdAndLineage() throws Exception {
        JsonNode stored = JSON.readTree("{\"id\":\"e1\",\"name\":\"a\",\"size\":3,\"tags\":[],\"members\":[[\"eu\",\"r-1\"]]}");
        assertThat(Entity.stored(CODEC, "e1", stored)).isEqualTo(new Entity<>("e1", new Leaf("a", 3, List.of())));
        assertThatThrownBy(() -> Entity.stored(CODEC, "e2", JSON.readTree("[1]")))
                .hasMessage("entity e2 is not a JSON object");
    }
}
