package dev.cutover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by the PostgreSQL server on this machine, read from {@code /proc}: the user and system
 * time of every process whose command is {@code postgres}, plus, for the server's main process, the time
 * of its children that have exited (a connection's backend ends with its connection and its time moves
 * there). The difference of two readings is what the server spent between them, whichever backend did
 * the work. A server on another machine, or one whose processes this user cannot read, gives
 * {@code NaN}. Seconds of CPU, not of wall time: with two cores, a run of 10 s can hold up to 20.
 */
final class DatabaseCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux's every architecture here

    private DatabaseCpu() {
    }

    /** @return the server's CPU seconds so far, or {@code NaN} when no postgres process can be read */
    static double seconds() {
        Map<Long, Stat> postgres = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.map(DatabaseCpu::read).filter(stat -> stat != null && stat.command().equals("postgres"))
                    .forEach(stat -> postgres.put(stat.pid(), stat));
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
        if (postgres.isEmpty()) {
            return Double.NaN;
        }
        long ticks = 0;
        for (Stat stat : postgres.values()) {
            // the server's main process, whose parent is not postgres, holds the time of its exited backends
            ticks += postgres.containsKey(stat.parent()) ? stat.ownTicks() : stat.ownTicks() + stat.childTicks();
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** @return the stat of a process directory, or {@code null} when it is not one or it exited while read */
    private static Stat read(Path process) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Stat.parse(Files.readString(process.resolve("stat")));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /**
     * The fields of {@code /proc/<pid>/stat} used here.
     *
     * @param ownTicks   utime + stime (fields 14 and 15 of proc(5))
     * @param childTicks cutime + cstime (fields 16 and 17): the children it waited for
     */
    record Stat(long pid, String command, long parent, long ownTicks, long childTicks) {

        /** @return the fields, or {@code null} when the text is not a stat line */
        static Stat parse(String stat) {
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, so the fields are counted after its last ')'
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || close + 2 > stat.length()) {
                return null;
            }
            String[] fields = stat.substring(close + 2).trim().split(" ");
            if (fields.length < 15) {
                return null;
            }
            // fields[0] is the state, field 3 of proc(5)
            return new Stat(Long.parseLong(stat.substring(0, open).trim()), stat.substring(open + 1, close),
                    Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
    }
}
