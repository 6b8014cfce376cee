package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which entities of a run's staged model another model lacks: what the plan step's
 * {@code MASS_REMOVAL} check asks of the executing generation. Reads only, on a connection of its own.
 */
@ApplicationScoped
public class AbsentEntities {

    private static final int ID_FETCH = 1000;

    @Inject
    DataSource dataSource;

    /** How many entities a run staged, and how many of them another model lacks. */
    public record Absence(long staged, long absent) {
    }

    /**
     * Reads the ids of the run's staged entities as a stream (rows fetched {@value #ID_FETCH} at a
     * time: inside a transaction PostgreSQL then keeps a cursor, so a large model is never loaded
     * whole) and counts those that {@code present} does not hold.
     */
    public Absence absentFrom(long runId, Set<String> present) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select entity_id from target_entity where run_id = ?")) {
            ps.setFetchSize(ID_FETCH);
            ps.setLong(1, runId);
            long staged = 0;
            long absent = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    staged++;
                    if (!present.contains(rs.getString(1))) {
                        absent++;
                    }
                }
            }
            return new Absence(staged, absent);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the staged entities of run " + runId, e);
        }
    }
}
