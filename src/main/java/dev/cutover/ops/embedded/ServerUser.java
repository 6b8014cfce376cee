package dev.cutover.ops.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.security.auth.module.UnixSystem;

/**
 * The operating-system user that runs {@code initdb} and {@code postgres}. PostgreSQL refuses to run as
 * root, and these machines, CI and many containers run as root: there the server runs as
 * {@value #UNPRIVILEGED} through {@code runuser}, and owns its data folder. Any other user runs the
 * server itself.
 *
 * @param name    the user the server runs as
 * @param switchTo the command prefix that runs a command as that user; empty when it is the current user
 */
public record ServerUser(String name, List<String> switchTo) {

    /** The unprivileged user that runs the server when cutover runs as root (it exists on every Linux). */
    public static final String UNPRIVILEGED = "nobody";

    public ServerUser {
        switchTo = List.copyOf(switchTo);
    }

    /** @return the user for this process (see {@link #decide}) */
    public static ServerUser forThisProcess() {
        UnixSystem system = new UnixSystem();
        return decide(system.getUid(), system.getUsername(), findRunuser(), userExists(UNPRIVILEGED));
    }

    /**
     * @param uid          the id of the user running cutover
     * @param userName     its name
     * @param runuser      the {@code runuser} program, when there is one
     * @param nobodyExists whether the user {@value #UNPRIVILEGED} exists
     * @return the current user, or {@value #UNPRIVILEGED} when running as root
     * @throws EmbeddedDatabaseException when running as root and no unprivileged user can be switched to
     */
    static ServerUser decide(long uid, String userName, Optional<Path> runuser, boolean nobodyExists) {
        if (uid != 0) {
            return new ServerUser(userName, List.of());
        }
        if (runuser.isEmpty() || !nobodyExists) {
            throw new EmbeddedDatabaseException("the embedded PostgreSQL cannot run as root and "
                    + (runuser.isEmpty() ? "runuser (util-linux) is not installed" : "there is no user " + UNPRIVILEGED)
                    + " to run it as: run cutover as a non-root user, or set QUARKUS_DATASOURCE_JDBC_URL to your own PostgreSQL");
        }
        return new ServerUser(UNPRIVILEGED, List.of(runuser.get().toString(), "-u", UNPRIVILEGED, "--"));
    }

    /** @return whether the server runs as another user than the current one */
    public boolean switches() {
        return !switchTo.isEmpty();
    }

    /** @return {@code command} as this user runs it */
    public List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(switchTo);
        all.addAll(command);
        return all;
    }

    /** Makes this user the owner of {@code folder}, so that PostgreSQL accepts it as its own. */
    void own(Path folder) throws IOException {
        if (switches()) {
            UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
            Files.setOwner(folder, owner);
        }
    }

    /** @return whether this user can write into {@code folder} (every folder above it must let it pass) */
    boolean canWrite(Path folder) {
        if (!switches()) {
            return Files.isWritable(folder);
        }
        try {
            Process test = new ProcessBuilder(command(List.of("test", "-w", folder.toString())))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> findRunuser() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, "runuser");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean userExists(String name) {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
