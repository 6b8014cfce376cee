package dev.cutover.ops.run;

/**
 * A plan or apply option that {@link RunSettings} refuses. It names the option neutrally
 * ({@link RunSettings#SOURCES}, ...) so that the command line can say {@code --source} and the HTTP
 * API can name the JSON field, from one rule.
 */
public class InvalidRunOption extends IllegalArgumentException {

    private final String option;
    private final String given;
    private final String problem;

    /**
     * @param option one of the option names of {@link RunSettings}
     * @param given the value as given, or {@code null} when the problem is that nothing was given
     * @param problem what is wrong, without the option's name
     */
    public InvalidRunOption(String option, String given, String problem) {
        super(option + (given == null ? "" : " " + given) + ": " + problem);
        this.option = option;
        this.given = given;
        this.problem = problem;
    }

    public String option() {
        return option;
    }

    /** @return the value as given, or {@code null} when nothing was given */
    public String given() {
        return given;
    }

    public String problem() {
        return problem;
    }
}
