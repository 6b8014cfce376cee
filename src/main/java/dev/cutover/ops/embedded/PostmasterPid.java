package dev.cutover.ops.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file a running PostgreSQL keeps in its data folder: its process id (line 1),
 * port (line 4) and status (line 8: {@code starting}, {@code ready}, {@code stopping}). A file whose
 * process is gone is stale: a server that crashed or a machine that restarted left it behind.
 *
 * @param pid    the postmaster's process id
 * @param port   the port it listens on (0 when not written yet)
 * @param status its status, blank until it wrote one
 */
record PostmasterPid(long pid, int port, String status) {

    static final String FILE = "postmaster.pid";

    /** @return the file of {@code dataFolder}, when it has a readable one */
    static Optional<PostmasterPid> read(Path dataFolder) {
        try {
            return parse(Files.readAllLines(dataFolder.resolve(FILE)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + dataFolder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** @return the contents of a {@code postmaster.pid}; empty when it is too short to name a process */
    static Optional<PostmasterPid> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        int port = lines.size() > 3 && lines.get(3).strip().matches("\\d+") ? Integer.parseInt(lines.get(3).strip()) : 0;
        String status = lines.size() > 7 ? lines.get(7).strip() : "";
        return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), port, status));
    }

    /** @return whether the server said it accepts connections */
    boolean ready() {
        return "ready".equals(status);
    }

    /** @return whether its process still runs the PostgreSQL server (not a later process that got its id) */
    boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(command -> command.endsWith("/postgres")).orElse(true))
                .orElse(false);
    }
}
