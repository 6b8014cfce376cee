package dev.cutover.ops.cli;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the command's output goes to a person at a terminal, who gets a live progress line rewritten
 * in place, rather than to a log collector (CI, Kubernetes, a pipe, a file), which gets plain lines.
 * <p>
 * The check is {@link System#console()}: on Java 17 it exists only when both stdin and stdout are a
 * terminal, so {@code cutover plan ... | tee} and {@code > file} get plain lines; {@code TERM=dumb}
 * (Emacs shells, some CI runners) cannot rewrite a line and gets them too. A bean, so that tests can
 * replace the answer.
 */
@ApplicationScoped
public class Terminal {

    /** @return whether to draw a live progress line */
    public boolean isTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** @return the terminal's width in columns ({@code COLUMNS}, else 100): a longer line would wrap */
    public int width() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? 100 : Math.max(40, Integer.parseInt(columns.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
