package dev.cutover.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import dev.cutover.framework.run.CopyRows;
import dev.cutover.framework.run.CopySink;

/**
 * How much {@link CopyRows} costs beyond copying its text: makes the COPY text of rows shaped like the
 * normalize step's leaves (a few short fields and one JSON text of about 300 characters, one in fifty
 * holding escaped quotes), sent to a COPY that discards it, and prints its time beside the floor measured
 * in the same run: the same fields appended to a buffer, with a tab or newline after each, and encoded
 * to UTF-8 in the same 64 KiB pieces, with nothing escaped. Not a test. Run it with the application's
 * JVM options, since the compiler matters most here ({@code cp.txt} as for {@code PlanStepBench}):
 *
 * <pre>
 * java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms160m -Xmn128m \
 *   -cp target/test-classes:target/classes:$(cat cp.txt) dev.cutover.bench.CopyRowsBench [rows]
 * </pre>
 */
public final class CopyRowsBench {

    private static final int DISTINCT = 10_000;
    private static final int REPEATS = 5;

    private CopyRowsBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String[] leaves = leaves();
        long[] copy = new long[REPEATS];
        long[] floor = new long[REPEATS];
        long copyBytes = 0;
        long floorBytes = 0;
        for (int i = 0; i < REPEATS; i++) {
            long begin = System.nanoTime();
            copyBytes = copyRows(rows, leaves);
            copy[i] = System.nanoTime() - begin;
            begin = System.nanoTime();
            floorBytes = appended(rows, leaves);
            floor[i] = System.nanoTime() - begin;
        }
        Arrays.sort(copy);
        Arrays.sort(floor);
        long copyMs = copy[REPEATS / 2] / 1_000_000;
        long floorMs = floor[REPEATS / 2] / 1_000_000;
        System.out.printf("%,d rows of 4 fields (a leaf of ~300 characters), medians of %d: CopyRows %d ms,"
                + " floor (append and encode, nothing escaped) %d ms, ratio %.2f (%,d and %,d bytes)%n",
                rows, REPEATS, copyMs, floorMs, (double) copyMs / floorMs, copyBytes, floorBytes);
    }

    private static long copyRows(int rows, String[] leaves) {
        CopySink copy = CopySink.counting();
        CopyRows out = new CopyRows(copy, "bench rows");
        for (int row = 0; row < rows; row++) {
            out.field(row).field("src-" + (row & 7)).field("r-" + row).field(leaves[row % DISTINCT]).endRow();
        }
        out.end();
        return copy.bytes();
    }

    private static long appended(int rows, String[] leaves) {
        StringBuilder buffer = new StringBuilder((1 << 16) + 4096);
        long bytes = 0;
        for (int row = 0; row < rows; row++) {
            buffer.append(row).append('\t').append("src-" + (row & 7)).append('\t').append("r-" + row).append('\t')
                    .append(leaves[row % DISTINCT]).append('\n');
            if (buffer.length() >= 1 << 16) {
                bytes += buffer.toString().getBytes(StandardCharsets.UTF_8).length;
                buffer.setLength(0);
            }
        }
        return bytes + buffer.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String[] leaves() {
        Random random = new Random(1);
        String[] leaves = new String[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            StringBuilder leaf = new StringBuilder("{\"tenant\":\"t-").append(i).append("\",\"channel\":\"email\",\"recipient\":\"");
            for (int c = 0; c < 250; c++) {
                leaf.append((char) ('a' + random.nextInt(26)));
            }
            if (i % 50 == 0) {
                leaf.append("\\\"quoted\\\"");
            }
            leaves[i] = leaf.append("\"}").toString();
        }
        return leaves;
    }
}
