package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bytes {@link CopyRows} sends are PostgreSQL's COPY text format: fields separated by tabs, rows
 * ended by newlines, {@code \N} for NULL, and backslash, tab, newline and carriage return escaped
 * wherever they are in a field (first, last, next to each other), every other character as it is.
 * {@code PlanningTablesTest} checks the same through a real COPY; this pins the bytes.
 */
class CopyRowsTest {

    @Test
    void fieldsAreEscapedWhereverTheSpecialCharactersAre() {
        CopySink copy = CopySink.keeping();
        CopyRows rows = new CopyRows(copy, "test rows");
        rows.field("plain {\"json\": [1, 2]} é \uD83D\uDE00").field((String) null).field(7).endRow();
        rows.field("\\starts").field("ends\t").field("\n\r\\\t").field("a\\b\tc\nd\re").field("").endRow();
        rows.end();

        assertThat(copy.text()).isEqualTo("plain {\"json\": [1, 2]} é \uD83D\uDE00\t\\N\t7\n"
                + "\\\\starts\tends\\t\t\\n\\r\\\\\\t\ta\\\\b\\tc\\nd\\re\t\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void fieldsLongerThanTheBufferArriveWholeWithTheirEscapesAndMultiByteCharacters() {
        CopySink copy = CopySink.keeping();
        CopyRows rows = new CopyRows(copy, "test rows");
        // escapes and multi-byte characters at many offsets of the 64 KiB buffer
        String piece = "a\\€\tä\n\uD83D\uDE00\r";
        String escapedPiece = "a\\\\€\\tä\\n\uD83D\uDE00\\r";
        String longField = piece.repeat(30_001);
        for (int row = 0; row < 3; row++) {
            rows.field(row).field(longField).field("end").endRow();
        }
        rows.end();

        StringBuilder expected = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            expected.append(row).append('\t').append(escapedPiece.repeat(30_001)).append("\tend\n");
        }
        assertThat(copy.text()).isEqualTo(expected.toString());
    }

    @Test
    void charactersWhoseLowByteIsASpecialCharacterAreSentAsTheyAre() {
        CopySink copy = CopySink.keeping();
        CopyRows rows = new CopyRows(copy, "test rows");
        // U+015C, U+0109, U+010A, U+010D and U+5C5C end in the bytes of backslash, tab, newline and carriage return
        rows.field("\u015C\u0109\u010A\u010D").field("x\u5C5C\\\u010A\ny").endRow();
        rows.end();

        assertThat(copy.text()).isEqualTo("\u015C\u0109\u010A\u010D\tx\u5C5C\\\\\u010A\\ny\n");
    }

    @Test
    void anUnpairedSurrogateIsSentAsAQuestionMarkAsJavaEncodesIt() {
        CopySink copy = CopySink.keeping();
        CopyRows rows = new CopyRows(copy, "test rows");
        rows.field("x\uD800").field("\uDC00y").endRow();
        rows.end();

        assertThat(copy.text()).isEqualTo("x?\t?y\n");
    }
}
