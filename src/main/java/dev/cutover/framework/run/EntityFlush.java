package dev.cutover.framework.run;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one rule for mixing Cutover's two stores in a transaction (README, "Two stores"): control-plane
 * records are Panache entities, the data path is JDBC and COPY. Both run on the transaction's one
 * connection (under JTA the datasource hands out the connection enlisted in the transaction, and
 * Hibernate takes its connection from that datasource), so a JDBC statement sees every row Hibernate
 * wrote before it. But Hibernate writes a persisted or changed entity only when it flushes (before
 * its own queries and at commit), so a JDBC statement that follows an entity change in the same
 * transaction would read the row as it was.
 *
 * <p><b>Rule.</b> Code that changes entities in a transaction it does not own (its caller's) calls
 * {@link #beforeJdbc()} before it returns, so whatever JDBC the caller runs next sees the change.
 * Code that owns its transaction needs nothing: the commit flushes. Entity statements that execute at
 * once (an HQL {@code insert}, {@code update} or {@code delete}, as the lease's) leave nothing pending.
 */
public final class EntityFlush {

    private EntityFlush() {
    }

    /** Writes the transaction's pending entity changes to its connection; outside a transaction, nothing. */
    public static void beforeJdbc() {
        if (QuarkusTransaction.isActive()) {
            Panache.getEntityManager().flush();
        }
    }
}
