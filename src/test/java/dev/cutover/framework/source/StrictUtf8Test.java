package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

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
}
