package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A failure's reason is kept even when it quotes a source that sent U+0000, which PostgreSQL text refuses. */
@QuarkusTest
class FailureLogTest {

    @Inject
    FailureLog failures;

    @Test
    void aFailureMessageHoldingNulIsStoredWithTheNulEscaped() {
        long executionId = System.nanoTime();
        failures.record(executionId, "retrieve", new IllegalStateException("source s1, first page: HTTP 404 'bad\u0000body'"));
        assertThat(failures.reason(executionId)).isEqualTo("retrieve: source s1, first page: HTTP 404 'bad\\u0000body'");
    }
}
