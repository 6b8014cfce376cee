package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.run.Sql;

/**
 * The legacy records of a run that did not migrate ({@code record_outcome} of kind {@code SKIPPED} or
 * {@code ANOMALY}) a page at a time, for review, filtered by kind, code and text; in (source, record
 * key) order, which the run's primary key gives without sorting: the report's order of anomalous
 * records, except that ids longer than a spelled key come first (their keys are hashes, {@code RecordKey}).
 */
@ApplicationScoped
public class OutcomePages {

    /** The outcome kinds listed: records that did not become part of the target model. */
    public enum Kind {
        SKIPPED, ANOMALY
    }

    @Inject
    DataSource dataSource;

    /** A record that did not migrate: its id (or index, without a usable id), kind, code and detail. */
    public record Outcome(String source, String id, Integer index, Kind kind, String code, String detail) {
    }

    /**
     * What to list; every field may be {@code null} (no restriction).
     *
     * @param text only records whose source, id or detail contains it (case-insensitive)
     */
    public record Filter(Kind kind, String code, String text) {
    }

    /** @param page 1-based */
    public ResultPage<Outcome> page(long runId, Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("run_id = ? and kind in ('SKIPPED', 'ANOMALY')");
        List<Object> parameters = new ArrayList<>(List.of(runId));
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            parameters.add(filter.kind().name());
        }
        if (filter.code() != null && !filter.code().isBlank()) {
            where.append(" and code = ?");
            parameters.add(filter.code().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String needle = filter.text().strip().toLowerCase(Locale.ROOT);
            where.append(" and (strpos(lower(source), ?) > 0 or strpos(lower(coalesce(rec_id, '')), ?) > 0"
                    + " or strpos(lower(coalesce(detail, '')), ?) > 0)");
            parameters.addAll(List.of(needle, needle, needle));
        }
        long total = Sql.query(dataSource, "select count(*) from record_outcome where " + where, rs -> rs.getLong(1),
                parameters.toArray()).get(0);
        parameters.add(size);
        parameters.add(ResultPage.offset(page, size));
        List<Outcome> rows = Sql.query(dataSource, "select source, rec_id, idx, kind, code, detail from record_outcome where "
                + where + " order by source, record_key limit ? offset ?",
                rs -> new Outcome(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), Kind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6)),
                parameters.toArray());
        return new ResultPage<>(rows, total, page, size);
    }
}
