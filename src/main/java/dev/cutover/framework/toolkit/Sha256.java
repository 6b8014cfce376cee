package dev.cutover.framework.toolkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, for digests, ids and record keys derived from data. */
public final class Sha256 {

    private Sha256() {
    }

    /** @return the lower-case hex of the SHA-256 of the UTF-8 text (for ids and record keys derived from data) */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the lower-case hex (64 digits) of the SHA-256 of the bytes */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Writes bytes to a stream; may fail like one. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @return the lower-case hex of the SHA-256 of what {@code content} writes, taken as it is written:
     *         content of any size is never held
     */
    public static String hex(Content content) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            content.writeTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
