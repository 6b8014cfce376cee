package dev.cutover.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Who runs the embedded server: the current user, or {@code nobody} when that is root. */
class ServerUserTest {

    private static final Optional<Path> RUNUSER = Optional.of(Path.of("/usr/sbin/runuser"));

    @Test
    void nonRootRunsTheServerItself() {
        ServerUser user = ServerUser.decide(1000, "ada", Optional.empty(), false);
        assertThat(user.name()).isEqualTo("ada");
        assertThat(user.switches()).isFalse();
        assertThat(user.command(List.of("initdb", "-D", "data"))).containsExactly("initdb", "-D", "data");
    }

    @Test
    void rootRunsTheServerAsNobodyThroughRunuser() {
        ServerUser user = ServerUser.decide(0, "root", RUNUSER, true);
        assertThat(user.name()).isEqualTo("nobody");
        assertThat(user.switches()).isTrue();
        assertThat(user.command(List.of("initdb", "-D", "data")))
                .containsExactly("/usr/sbin/runuser", "-u", "nobody", "--", "initdb", "-D", "data");
    }

    @Test
    void rootWithoutRunuserSaysInOneLineWhatToDo() {
        assertThatThrownBy(() -> ServerUser.decide(0, "root", Optional.empty(), true))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("runuser")
                .hasMessageContaining("run cutover as a non-root user, or set QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rootWithoutUserNobodySaysInOneLineWhatToDo() {
        assertThatThrownBy(() -> ServerUser.decide(0, "root", RUNUSER, false))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("no user nobody")
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageNotContaining("\n");
    }

    @Test
    void thisProcessRunsTheServerAsNobodyExactlyWhenItIsRoot() {
        ServerUser user = ServerUser.forThisProcess();
        boolean root = "root".equals(System.getProperty("user.name"));
        assertThat(user.switches()).isEqualTo(root);
        assertThat(user.name()).isEqualTo(root ? "nobody" : System.getProperty("user.name"));
    }
}
