package dev.cutover.framework.toolkit;

import java.nio.charset.StandardCharsets;
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
