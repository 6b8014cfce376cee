package dev.cutover.framework;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import jakarta.batch.api.chunk.ItemWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cutover.framework.normalize.RecordOutcomeWriter;
import dev.cutover.framework.retrieve.RawPageWriter;
import dev.cutover.framework.stage.TargetEntityWriter;

/**
 * JBeret hands a chunk writer an empty chunk when a stop is requested as the reader ends (its reader
 * returned no item, and the stop turns the depleted chunk into a stopping one, which it writes). Each
 * framework writer ({@link dev.cutover.framework.run.ChunkWriter}) takes it without touching anything: its collaborators are left unset here, so a
 * writer that stored, fenced or reported the empty chunk would fail (the retrieve writer did, and turned
 * a stop into a FAILED step: {@code HostileSourceAnswersTest}).
 */
class EmptyChunkWritersTest {

    static List<ItemWriter> writers() {
        return List.of(new RawPageWriter(), new RecordOutcomeWriter(), new TargetEntityWriter());
    }

    @ParameterizedTest
    @MethodSource("writers")
    void anEmptyChunkWritesNothingAndDoesNotFail(ItemWriter writer) {
        assertThatCode(() -> writer.writeItems(List.of())).doesNotThrowAnyException();
    }
}
