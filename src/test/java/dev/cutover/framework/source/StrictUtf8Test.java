package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A body that is not UTF-8 is refused, naming where, instead of being repaired with U+FFFD. */
class StrictUtf8Test {

    @Test
    void validUtf8IsDecodedExactly() {
        String text = "{\"tenant\":\"Acmé 株式会社 🚀\"}";
        assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(StrictUtf8.decode(new byte[0])).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
        byte[] acmeFf = { '"', 'a', 'c', 'm', 'e', (byte) 0xFF, '"' };
        assertThatThrownBy(() -> StrictUtf8.decode(acmeFf)).hasMessage("the body is not valid UTF-8 (byte 0xFF at offset 5)");
        byte[] acmeFe = { '"', 'a', 'c', 'm', 'e', (byte) 0xFE, '"' };
        assertThatThrownBy(() -> StrictUtf8.decode(acmeFe)).hasMessageContaining("0xFE at offset 5");
    }

    @Test
    void overlongEncodingsAndEncodedSurrogatesAreRefused() {
        assertThatThrownBy(() -> StrictUtf8.decode(new byte[] { (byte) 0xC0, (byte) 0xAF }))
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> StrictUtf8.decode(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }))
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aCharacterCutAtTheEndIsRefused() {
        assertThatThrownBy(() -> StrictUtf8.decode(new byte[] { 'a', (byte) 0xE2, (byte) 0x82 }))
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aListedReplacementCharacterIsKeptAndABadByteAfterItIsStillRefused() {
        String listed = "{\"tenant\":\"acme\uFFFD\"}";
        assertThat(StrictUtf8.decode(listed.getBytes(StandardCharsets.UTF_8))).isEqualTo(listed);
        byte[] both = { (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, 'a', (byte) 0x80 };
        assertThatThrownBy(() -> StrictUtf8.decode(both)).hasMessage("the body is not valid UTF-8 (byte 0x80 at offset 4)");
    }

    /**
     * Decodes 200,000 seeded byte sequences made of UTF-8's edge cases (lead bytes of every length,
     * continuation bytes, overlong forms, encoded surrogates, code points past U+10FFFF, a listed U+FFFD,
     * sequences cut short) and compares each with the JDK's strict decoder: the same text, or a refusal
     * exactly where that decoder refuses.
     */
    @Test
    void decodesExactlyWhatTheStrictDecoderDecodesAndRefusesTheRest() {
        byte[][] pieces = {
                { 'a' }, { '"' }, { 0 }, { 0x7F }, { (byte) 0x80 }, { (byte) 0xBF }, { (byte) 0xC0, (byte) 0x80 },
                { (byte) 0xC1, (byte) 0xBF }, { (byte) 0xC2, (byte) 0x80 }, { (byte) 0xC3, (byte) 0xA9 }, { (byte) 0xDF },
                { (byte) 0xE0, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE0, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82, (byte) 0xAC },
                { (byte) 0xED, (byte) 0x9F, (byte) 0xBF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xED, (byte) 0xBF, (byte) 0xBF },
                { (byte) 0xEF, (byte) 0xBF, (byte) 0xBD }, { (byte) 0xEF, (byte) 0xBF, (byte) 0xBF }, { (byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF },
                { (byte) 0xF0, (byte) 0x9F, (byte) 0x9A, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF },
                { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xF5 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
                { (byte) 0xFE }, { (byte) 0xFF }, { (byte) 0xE2, (byte) 0x82 }, { (byte) 0xF0, (byte) 0x9F } };
        Random random = new Random(20261203L);
        int refused = 0;
        for (int n = 0; n < 200_000; n++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(6); k >= 0; k--) {
                bytes.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            byte[] input = bytes.toByteArray();
            String expected;
            try {
                expected = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input)).toString();
            } catch (CharacterCodingException e) {
                expected = null;
            }
            if (expected == null) {
                refused++;
                assertThatThrownBy(() -> StrictUtf8.decode(input)).as(java.util.HexFormat.of().formatHex(input))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the body is not valid UTF-8");
            } else {
                assertThat(StrictUtf8.decode(input)).as(java.util.HexFormat.of().formatHex(input)).isEqualTo(expected);
            }
        }
        // both kinds were drawn often
        assertThat(refused).isBetween(20_000, 180_000);
    }
}
