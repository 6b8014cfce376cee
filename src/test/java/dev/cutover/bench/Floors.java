package dev.cutover.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baselines the packaged application is compared with, measured in the bench's own JVM on the same
 * data and database server: (b) the I/O floor, (a) the ad-hoc script, (c) the COPY floor.
 */
final class Floors {

    /** What a baseline did. */
    record Measured(double seconds, long rows, long bytes, Map<String, Object> detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Floors() {
    }

    /**
     * (b) Downloads every page of every source, {@code concurrency} sources at a time, each source's pages
     * one after the other (a cursor is only known from the page before), parsing each body only to find the
     * next page. Nothing else.
     */
    static Measured ioFloor(BenchMigration migration, Map<String, String> urls, int concurrency, int limit)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong pages = new AtomicLong();
        AtomicLong items = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long begin = System.nanoTime();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (String base : urls.values()) {
                tasks.add(pool.submit(() -> {
                    String url = migration.firstPage(base, limit);
                    while (url != null) {
                        byte[] body = get(http, url);
                        JsonNode page = JSON.readTree(body);
                        pages.incrementAndGet();
                        bytes.addAndGet(body.length);
                        items.addAndGet(migration.items(page).size());
                        url = migration.nextPage(base, limit, page);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Measured(seconds, items.get(), bytes.get(), Map.of("pages", pages.get()));
    }

    /**
     * (a) The script the article warns about: fetches every source's pages one after the other, and
     * inserts each record as it comes, one {@code INSERT} (and so one transaction: autocommit) per record,
     * into a simple table. No normalization, no lineage, no restart. Streams: one page in memory at a
     * time. Stops at {@code timeBox} (then {@code detail.complete} is false and {@code rows} is how far it
     * got).
     */
    static Measured adHocScript(BenchMigration migration, Map<String, String> urls, int limit, String jdbcUrl,
            String user, String password, Duration timeBox) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection db = BenchDb.connect(jdbcUrl, user, password)) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table if exists adhoc_rule");
                ddl.execute("create table adhoc_rule (source text not null, id text, body text not null)");
            }
            long rows = 0;
            long begin = System.nanoTime();
            long deadline = begin + timeBox.toNanos();
            boolean complete = true;
            try (PreparedStatement insert = db.prepareStatement("insert into adhoc_rule (source, id, body) values (?, ?, ?)")) {
                sources: for (Map.Entry<String, String> source : urls.entrySet()) {
                    String url = migration.firstPage(source.getValue(), limit);
                    while (url != null) {
                        if (System.nanoTime() > deadline) {
                            complete = false;
                            break sources;
                        }
                        JsonNode page = JSON.readTree(get(http, url));
                        for (JsonNode item : migration.items(page)) {
                            JsonNode id = item.isObject() ? item.get("id") : null;
                            if (id == null) {
                                id = item.isObject() ? item.get("key") : null;
                            }
                            insert.setString(1, source.getKey());
                            insert.setString(2, id == null ? null : id.asText());
                            insert.setString(3, item.toString());
                            insert.executeUpdate();
                            rows++;
                        }
                        url = migration.nextPage(source.getValue(), limit, page);
                    }
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table adhoc_rule");
            }
            return new Measured(seconds, rows, 0, Map.of("complete", complete));
        }
    }

    /**
     * (c) The COPY floor: the rows the real apply left (its entities, lineage and record outcomes, those
     * of the highest run id) are read out with {@code COPY ... TO STDOUT} (not timed), then written with
     * {@code COPY ... FROM STDIN} (timed, one transaction) into tables made {@code like} the real ones,
     * with their keys and indexes. The lineage is the run's planned members (the view
     * {@code target_lineage} joins them to the staged entities: after a whole apply, every one of them).
     */
    static Measured copyFloor(String jdbcUrl, String user, String password) throws SQLException, IOException {
        List<String> tables = List.of("target_entity", "planned_member", "record_outcome");
        try (Connection db = BenchDb.connect(jdbcUrl, user, password)) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            Map<String, byte[]> data = new LinkedHashMap<>();
            for (String table : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("copy (select * from " + table + " where run_id = (select max(run_id) from " + table
                        + ")) to stdout", out);
                data.put(table, out.toByteArray());
                try (Statement ddl = db.createStatement()) {
                    ddl.execute("drop table if exists bench_copy_" + table);
                    ddl.execute("create table bench_copy_" + table + " (like " + table + " including all)");
                }
            }
            db.setAutoCommit(false);
            long rows = 0;
            long bytes = 0;
            Map<String, Object> detail = new LinkedHashMap<>();
            long begin = System.nanoTime();
            for (Map.Entry<String, byte[]> table : data.entrySet()) {
                long n = copy.copyIn("copy bench_copy_" + table.getKey() + " from stdin",
                        new ByteArrayInputStream(table.getValue()));
                rows += n;
                bytes += table.getValue().length;
                detail.put(table.getKey(), Map.of("rows", n, "bytes", table.getValue().length));
            }
            db.commit();
            double seconds = (System.nanoTime() - begin) / 1e9;
            db.setAutoCommit(true);
            try (Statement ddl = db.createStatement()) {
                for (String table : tables) {
                    ddl.execute("drop table bench_copy_" + table);
                }
            }
            return new Measured(seconds, rows, bytes, detail);
        }
    }

    private static byte[] get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
