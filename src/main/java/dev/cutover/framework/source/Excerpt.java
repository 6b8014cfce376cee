package dev.cutover.framework.source;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * What a message quotes of text a source sent (a body, a header, a cursor): one line, at most a
 * given number of characters, and never a raw U+0000 (PostgreSQL refuses it in the text columns
 * where failures are kept). A hostile source can send megabytes; a message stays short.
 */
public final class Excerpt {

    private Excerpt() {
    }

    /** @return {@code 'text'}, or {@code 'start...' (N characters)} when longer than {@code max} */
    public static String of(String text, int max) {
        String oneLine = oneLine(text);
        return oneLine.length() <= max ? "'" + oneLine + "'" : "'" + cut(oneLine, max) + "...' (" + text.length() + " characters)";
    }

    /** @return the text on one line, cut to {@code max} characters ({@code ...} marks a cut), unquoted */
    public static String bare(String text, int max) {
        String oneLine = oneLine(text);
        return oneLine.length() <= max ? oneLine : cut(oneLine, max) + "...";
    }

    private static String oneLine(String text) {
        // only the head can be shown: a 10 MB body is not rewritten whole for a message
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return LegacyJson.withNulEscaped(head.replaceAll("\\s+", " ").trim());
    }

    /** Cuts on a code point boundary, so the excerpt stays valid UTF-16. */
    private static String cut(String text, int max) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
