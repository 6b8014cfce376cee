package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A refusal is kept even when its message quotes a source that sent U+0000, which PostgreSQL text refuses. */
@QuarkusTest
class RefusalLogTest {

    @Inject
    RefusalLog refusals;

    @Test
    void aRefusalMessageHoldingNulIsStoredWithTheNulEscaped() {
        long executionId = System.nanoTime();
        refusals.record(executionId, List.of(new RefusalLog.Refusal("DRIFT", "s1: rule r\u00001 was added")));
        assertThat(refusals.refusals(executionId))
                .containsExactly(new RefusalLog.Refusal("DRIFT", "s1: rule r\\u00001 was added"));
    }
}
