package dev.cutover.support;

import java.util.List;

import javax.sql.DataSource;

import dev.cutover.framework.run.Sql;

/**
 * What PostgreSQL's recovery from a crash does to Cutover's tables, without crashing the test's server:
 * it empties every unlogged table (all of them, whatever run their rows belong to) and keeps every
 * logged one.
 */
public final class CrashRecovery {

    private CrashRecovery() {
    }

    /** @return the unlogged tables of the schema, by name */
    public static List<String> unloggedTables(DataSource dataSource) {
        return Sql.query(dataSource, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and c.relpersistence = 'u' order by c.relname""",
                rs -> rs.getString(1));
    }

    /** Empties every unlogged table, as recovery from a crash does; returns their names. */
    public static List<String> emptyUnloggedTables(DataSource dataSource) {
        List<String> tables = unloggedTables(dataSource);
        Sql.update(dataSource, "truncate " + String.join(", ", tables));
        return tables;
    }
}
