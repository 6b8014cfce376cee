package dev.cutover.migrations.notifications;

/**
 * Writes JSON strings in pure ASCII exactly as Python's {@code json.dumps} does by default
 * ({@code ensure_ascii=True}): short escapes for quote, backslash, backspace, form feed, newline,
 * carriage return and tab; a backslash-u escape with four lower-case hex digits for every other
 * UTF-16 unit outside space..tilde. Units are escaped one by one, so a character above U+FFFF
 * becomes its surrogate pair and even a lone surrogate has a spelling. Hand-written rather than
 * delegated to Jackson so that policy ids cannot change with a library upgrade.
 */
final class AsciiJson {

    private AsciiJson() {
    }

    static StringBuilder appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append("\\u").append(String.format("%04x", (int) c));
                    }
                }
            }
        }
        return out.append('"');
    }
}
