package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines get the HTTP server (the packaged jar is checked in HttpPortIT). */
class CutoverMainTest {

    @Test
    void onlyServeServesHttp() {
        assertThat(CutoverMain.servesHttp("serve")).isTrue();
        assertThat(CutoverMain.servesHttp("status")).isFalse();
        assertThat(CutoverMain.servesHttp("plan", "serve")).isFalse();
        assertThat(CutoverMain.servesHttp("--help")).isFalse();
        assertThat(CutoverMain.servesHttp()).isFalse();
    }
}
