package dev.cutover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long ticks = 0;
        boolean found = false;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                long processTicks = postgresTicks(process);
                if (processTicks >= 0) {
                    ticks += processTicks;
                    found = true;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
        return found ? ticks / TICKS_PER_SECOND : Double.NaN;
    }

    /** @return utime + stime (+ cutime + cstime for the server's main process), or -1 when not a postgres process */
    private static long postgresTicks(Path process) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            String stat = Files.readString(process.resolve("stat"));
            // pid (comm) state ppid ...: comm may hold spaces, so the fields are counted after its ')'
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                return -1;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // fields[0] is state (field 3 of proc(5)): utime is field 14, stime 15, cutime 16, cstime 17
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            boolean main = !isPostgres(Long.parseLong(fields[1]));
            return main ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return -1; // exited while read
        }
    }

    private static boolean isPostgres(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
