package dev.cutover.framework.plan;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.run.Sql;

/**
 * The planned target model of a run ({@code planned_entity}, {@code planned_member}) a page at a time,
 * for review: whatever the model's size, one call reads one page of entities and the first members of
 * each, never the whole model.
 */
@ApplicationScoped
public class PlannedEntityPages {

    /** Members listed per entity; the others are counted. */
    public static final int MEMBERS_SHOWN = 5;

    @Inject
    DataSource dataSource;

    /** A legacy record in an entity: its source and id, or its index when it had no usable id. */
    public record Member(String source, String id, Integer index) {
    }

    /**
     * A planned entity in model order ({@code ordinal}, 0-based), with its body as stored (JSON), how
     * many legacy records it was made from and the first {@value #MEMBERS_SHOWN} of them.
     */
    public record PlannedEntity(int ordinal, String id, String body, long memberCount, List<Member> members) {

        /** @return the 1-based position in the model */
        public int position() {
            return ordinal + 1;
        }

        /** @return how many members are not listed */
        public long moreMembers() {
            return memberCount - members.size();
        }
    }

    /**
     * @param text when not blank, only entities whose id or body contains it (case-insensitive)
     * @param page 1-based
     */
    public ResultPage<PlannedEntity> page(long runId, String text, int page, int size) {
        String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        String where = "run_id = ?" + (needle == null ? "" : " and (strpos(lower(entity_id), ?) > 0 or strpos(lower(body), ?) > 0)");
        Object[] parameters = needle == null ? new Object[] { runId } : new Object[] { runId, needle, needle };
        long total = Sql.query(dataSource, "select count(*) from planned_entity where " + where, rs -> rs.getLong(1),
                parameters).get(0);
        List<Object> pageParameters = new ArrayList<>(List.of(parameters));
        pageParameters.add(size);
        pageParameters.add(ResultPage.offset(page, size));
        List<PlannedEntity> entities = Sql.query(dataSource, "select ordinal, entity_id, body from planned_entity where "
                + where + " order by ordinal limit ? offset ?",
                rs -> new PlannedEntity(rs.getInt(1), rs.getString(2), rs.getString(3), 0, List.of()),
                pageParameters.toArray());
        return new ResultPage<>(withMembers(runId, entities), total, page, size);
    }

    private List<PlannedEntity> withMembers(long runId, List<PlannedEntity> entities) {
        if (entities.isEmpty()) {
            return entities;
        }
        Map<Integer, List<Member>> members = new LinkedHashMap<>();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select ordinal, n, source, rec_id, idx from (
                  select m.ordinal, m.source, o.rec_id, o.idx,
                         count(*) over (partition by m.ordinal) n,
                         row_number() over (partition by m.ordinal order by m.source, m.record_key) k
                  from planned_member m
                  left join record_outcome o on o.run_id = m.run_id and o.source = m.source and o.record_key = m.record_key
                  where m.run_id = ? and m.ordinal = any (?)) x
                where k <= ? order by ordinal, k""")) {
            Array ordinals = c.createArrayOf("integer", entities.stream().map(PlannedEntity::ordinal).toArray());
            Sql.bind(ps, runId, ordinals, MEMBERS_SHOWN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getInt(1), rs.getLong(2));
                    members.computeIfAbsent(rs.getInt(1), o -> new ArrayList<>())
                            .add(new Member(rs.getString(3), rs.getString(4), (Integer) rs.getObject(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the members of run " + runId + "'s planned entities: " + e.getMessage(), e);
        }
        return entities.stream().map(e -> new PlannedEntity(e.ordinal(), e.id(), e.body(), counts.getOrDefault(e.ordinal(), 0L),
                members.getOrDefault(e.ordinal(), List.of()))).toList();
    }
}
