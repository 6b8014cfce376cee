package dev.cutover.framework.toolkit;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spells arguments as one POSIX shell command line that a shell splits back into exactly these
 * arguments: a word of only safe characters stays as it is, any other is single-quoted (a single quote
 * inside becomes {@code '\''}), the empty word is {@code ''}. Pure.
 */
public final class ShellWords {

    // characters no POSIX shell gives a meaning to in an unquoted word (not at its start: '=' and '%' are
    // plain there too, and '~' and '#' are left out because they are special at the start of a word)
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    /** @return {@code word} as one shell word */
    public static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** @return the words quoted and joined by single spaces */
    public static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
