package dev.cutover.framework.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a source's body as UTF-8 and refuses anything else. JSON is UTF-8 (RFC 8259), and the
 * lenient decoding that replaces a bad byte with U+FFFD would silently merge values that differ only
 * there ({@code acme\xff} and {@code acme\xfe} both becoming {@code acme\ufffd}).
 * <p>
 * Most bodies are decoded by the JDK's own {@code new String(bytes, UTF_8)}, which replaces each malformed
 * sequence with U+FFFD: a result without U+FFFD proves the bytes were UTF-8, and is what the strict
 * decoder gives for them. Only a body holding U+FFFD (listed, or made by a replacement) is decoded again
 * strictly, to tell the two apart. That decoder's copy through a {@code char} buffer, then the compression
 * back to one byte per character, was a third of the CPU of reading a notification page (C1).
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** @throws IllegalArgumentException naming the offset of the first byte that is not UTF-8 */
    static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : strictly(bytes);
    }

    private static String strictly(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new IllegalArgumentException(at < bytes.length
                    ? String.format("the body is not valid UTF-8 (byte 0x%02X at offset %d)", bytes[at] & 0xFF, at)
                    : "the body is not valid UTF-8 (it ends inside a character)");
        }
        return out.flip().toString();
    }
}
