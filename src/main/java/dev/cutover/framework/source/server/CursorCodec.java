package dev.cutover.framework.source.server;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns listing offsets into opaque cursors and back. A cursor is base64url of a per-codec random
 * salt and the offset masked with a per-codec random mask: a client cannot read the offset, guess a
 * cursor, or use the cursor of another server (its salt differs), so it has to follow
 * {@code next_cursor} as the contract says.
 */
final class CursorCodec {

    private static final int SALT_BYTES = 8;
    private static final int LENGTH = SALT_BYTES + Long.BYTES;

    private final byte[] salt = new byte[SALT_BYTES];
    private final long mask;

    CursorCodec() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        mask = random.nextLong();
    }

    String encode(int offset) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
        bytes.put(salt).putLong(offset ^ mask);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** @return the offset, or empty when the cursor was not made by this codec */
    Optional<Integer> decode(String cursor) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (raw.length != LENGTH) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        for (byte b : salt) {
            if (bytes.get() != b) {
                return Optional.empty();
            }
        }
        long offset = bytes.getLong() ^ mask;
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of((int) offset);
    }
}
