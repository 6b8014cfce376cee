package dev.cutover.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a real process and measures its wall time and peak resident set: through GNU
 * {@code /usr/bin/time -v} when it is installed (its "Maximum resident set size"), else by polling
 * {@code VmHWM} in {@code /proc/<pid>/status} every 50 ms (the last value read before exit; also the
 * figure of a process killed at its time box). A timed-out run's seconds are those at the time box.
 * A run may also be killed ({@code kill -9}) as soon as its output shows that it reached a point.
 */
final class BenchProcess {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final Pattern USER_TIME = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
    private static final Pattern SYSTEM_TIME = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");

    /**
     * What one run measured; {@code peakRssKb} is -1 when it could not be measured. {@code cpuSeconds}: the
     * process's user and system time ({@code /usr/bin/time}; {@code NaN} without it, or for a killed
     * process); {@code databaseCpuSeconds}: what the PostgreSQL server on this machine spent meanwhile
     * ({@link DatabaseCpu}; {@code NaN} when it cannot be read). On two shared cores the CPU a change
     * saves shows in these figures more steadily than in the wall time.
     */
    record Result(List<String> command, int exitCode, double seconds, long peakRssKb, double cpuSeconds,
            double databaseCpuSeconds, String stdout, String stderr, boolean timedOut, boolean killed) {

        double peakRssMb() {
            return peakRssKb < 0 ? Double.NaN : peakRssKb / 1024.0;
        }
    }

    private BenchProcess() {
    }

    /**
     * @param onTimeout called with the still running process's pid before it is killed (to ask where it was)
     */
    static Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout,
            Consumer<Long> onTimeout) {
        return run(command, env, workDir, timeout, onTimeout, null);
    }

    /**
     * @param killWhen {@code null}, or tested on the process's output so far (stdout then stderr, each read as it grows)
     *                 every 50 ms: once it holds, the process is killed with SIGKILL ({@code kill -9}), no
     *                 shutdown hook running, and the result says {@code killed}
     */
    static Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout,
            Consumer<Long> onTimeout, Predicate<String> killWhen) {
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        try {
            Path dir = Files.createDirectories(workDir.resolve("bench").resolve("proc"));
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Path timeFile = Files.createTempFile(dir, "time", ".txt");
            List<String> full = new ArrayList<>();
            if (gnuTime) {
                full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeFile.toString()));
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            double databaseCpuBefore = DatabaseCpu.seconds();
            long begin = System.nanoTime();
            Process process = builder.start();
            long hwm = -1;
            long deadline = begin + timeout.toNanos();
            boolean timedOut = false;
            boolean killed = false;
            double seconds = -1;
            Tail outTail = new Tail(out);
            Tail errTail = new Tail(err);
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                // polled in both modes: a killed process leaves no /usr/bin/time report
                hwm = Math.max(hwm, vmHwm(gnuTime ? javaPid(process.pid()) : process.pid()));
                if (killWhen != null && killWhen.test(outTail.read() + errTail.read())) {
                    killed = true;
                    seconds = (System.nanoTime() - begin) / 1e9;
                    // SIGKILL: ProcessHandle.destroyForcibly is kill -9 on Linux, the java process first
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    seconds = (System.nanoTime() - begin) / 1e9; // where it was, before asking it
                    onTimeout.accept(process.pid());
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor();
                    break;
                }
            }
            if (!timedOut && !killed) {
                seconds = (System.nanoTime() - begin) / 1e9;
            }
            double databaseCpu = DatabaseCpu.seconds() - databaseCpuBefore;
            double cpu = Double.NaN;
            if (gnuTime && !killed) {
                String report = Files.readString(timeFile);
                Matcher m = MAX_RSS.matcher(report);
                if (m.find()) {
                    hwm = Long.parseLong(m.group(1));
                }
                Matcher user = USER_TIME.matcher(report);
                Matcher system = SYSTEM_TIME.matcher(report);
                if (user.find() && system.find()) {
                    cpu = Double.parseDouble(user.group(1)) + Double.parseDouble(system.group(1));
                }
            }
            Result result = new Result(command, process.exitValue(), seconds, hwm, cpu, databaseCpu, Files.readString(out),
                    Files.readString(err), timedOut, killed);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(timeFile);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The whole content of a growing file, read incrementally (only what was appended since the last read). */
    private static final class Tail {
        private final Path file;
        private final StringBuilder text = new StringBuilder();
        private long position;

        Tail(Path file) {
            this.file = file;
        }

        String read() throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length > position) {
                    byte[] bytes = new byte[(int) (length - position)];
                    raf.seek(position);
                    raf.readFully(bytes);
                    position = length;
                    text.append(new String(bytes, StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        }
    }

    /** @return the java descendant of a process started through {@code /usr/bin/time}, or the process itself */
    static long javaPid(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.descendants().findFirst()).map(ProcessHandle::pid).orElse(pid);
    }

    private static long vmHwm(long pid) {
        try {
            Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
