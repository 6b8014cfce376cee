package dev.cutover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark reads a process's id, command, parent and CPU ticks from its /proc stat line, whatever its command holds. */
class DatabaseCpuTest {

    @Test
    void readsTheTicksOfABackendAndOfItsExitedChildren() {
        DatabaseCpu.Stat stat = DatabaseCpu.Stat.parse("4242 (postgres) S 812 812 812 0 -1 4194368 1520 0 0 0 "
                + "731 120 55 9 20 0 1 0 3345 226009088 4003 18446744073709551615\n");

        assertThat(stat).isEqualTo(new DatabaseCpu.Stat(4242, "postgres", 812, 851, 64));
    }

    @Test
    void countsTheFieldsAfterTheLastParenthesisWhenTheCommandHoldsSpacesAndParentheses() {
        DatabaseCpu.Stat stat = DatabaseCpu.Stat.parse("77 (a (b) c) R 1 77 77 0 -1 0 0 0 0 0 5 6 7 8 20 0 1 0 1 0 0\n");

        assertThat(stat).isEqualTo(new DatabaseCpu.Stat(77, "a (b) c", 1, 11, 15));
    }

    @Test
    void aTextThatIsNotAStatLineGivesNothing() {
        assertThat(DatabaseCpu.Stat.parse("")).isNull();
        assertThat(DatabaseCpu.Stat.parse("12 (postgres) S 1")).isNull();
    }
}
