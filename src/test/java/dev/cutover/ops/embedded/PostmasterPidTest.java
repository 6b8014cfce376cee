package dev.cutover.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading a server's {@code postmaster.pid}, and telling a live server from a stale file. */
class PostmasterPidTest {

    @Test
    void readsPidPortAndStatusOfARunningServer() {
        PostmasterPid pid = PostmasterPid.parse(List.of("4242", "/data", "1764540000", "41255", "", "127.0.0.1",
                "  5432001   2", "ready   ")).orElseThrow();
        assertThat(pid).isEqualTo(new PostmasterPid(4242, 41255, "ready"));
        assertThat(pid.ready()).isTrue();
    }

    @Test
    void aServerStillStartingIsNotReady() {
        PostmasterPid pid = PostmasterPid.parse(List.of("4242", "/data", "1764540000", "41255")).orElseThrow();
        assertThat(pid.ready()).isFalse();
    }

    @Test
    void anEmptyOrTornFileNamesNoServer() {
        assertThat(PostmasterPid.parse(List.of())).isEmpty();
        assertThat(PostmasterPid.parse(List.of(""))).isEmpty();
    }

    @Test
    void aFileWhoseProcessEndedIsNotAlive() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertThat(new PostmasterPid(ended.pid(), 41255, "ready").alive()).isFalse();
    }

    @Test
    void aProcessThatIsNotPostgresIsNotTheServer() {
        // after a restart of the machine the file may name a process id that another program got
        assertThat(new PostmasterPid(ProcessHandle.current().pid(), 41255, "ready").alive()).isFalse();
    }
}
