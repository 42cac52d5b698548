package io.matey.engine.postgres;

import io.matey.engine.Identifiers;
import io.matey.engine.MateyUrl;
import io.matey.engine.RunningStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Checkpoint states kept as template databases (docs/architecture.md §6): cloning one with
 * {@code CREATE DATABASE ... TEMPLATE} copies files instead of re-running hundreds of DDL statements, which is
 * most of an incremental replay. A group (one target of one workspace checkout) keeps its newest template; a new
 * anchor replaces it, and the least recently used templates of other groups go beyond {@link #KEPT} per server.
 *
 * <p>Processes on one server coordinate through {@link TemplateLocks}: a clone holds its template's lock shared, a
 * build and a drop hold it exclusively, and eviction only tries the lock, so a template being cloned or built
 * is never dropped, and a template in use by a session is never dropped with {@code FORCE}.
 */
final class TemplateCache {

    /** Templates kept per server across all groups; beyond it the least recently used are dropped. */
    static final int KEPT = 16;

    /** SQLSTATE 55006: the template is in use (a session is connected to it). */
    private static final String OBJECT_IN_USE = "55006";
    /** SQLSTATE 42501: the user may not clone a database it does not own (another user's template). */
    private static final String NOT_PERMITTED = "42501";

    private final PostgresEngine engine;

    TemplateCache(PostgresEngine engine) {
        this.engine = engine;
    }

    /**
     * Creates {@code url} as a clone of the group's template holding {@code dump}, building the template first
     * when it is missing. Returns false when the template cannot be cloned (busy, or another user's).
     */
    boolean create(MateyUrl url, String group, String dump) throws SQLException {
        TemplateName template = TemplateName.of(group, dump);
        try (Connection c = new PostgresConnector(url).connectMaintenance()) {
            TemplateLocks locks = new TemplateLocks(c);
            locks.lockShared(template);
            TemplateDirectory directory = new TemplateDirectory(c);
            if (!directory.exists(template)) {
                locks.unlockShared(template);
                locks.lockExclusive(template); // waits while others clone or build it
                if (!directory.exists(template) && !build(c, template, url, dump)) {
                    return false;
                }
            }
            if (!clone(c, url, template)) {
                return false;
            }
            directory.touch(template, Instant.now(), group);
            for (TemplateDirectory.Evictable stale : directory.evictable(template, KEPT)) {
                if (locks.tryLockExclusive(stale.template())) {
                    drop(c, stale.database());
                    locks.unlockExclusive(stale.template());
                }
            }
            return true;
        } // closing the session releases its locks, also after a failure
    }

    /**
     * Loads under a temporary name and renames, so that a template is complete whenever it exists. Returns false
     * when the dump does not load: the caller then loads it into the scratch database and reports the failure.
     */
    private boolean build(Connection maintenance, TemplateName template, MateyUrl url, String dump) throws SQLException {
        MateyUrl building = engine.siblingUrl(url, template.building());
        engine.dropDatabase(building); // left by a crashed build; nobody else builds while we hold the lock
        engine.createDatabase(building);
        try {
            try (Connection c = RunningStatements.cancellable(engine, engine.connect(building))) {
                engine.loadAtomically(c, dump);
            } catch (SQLException loadFailure) {
                engine.dropDatabase(building);
                return false;
            }
            try (Statement st = maintenance.createStatement()) {
                st.execute("ALTER DATABASE " + quote(template.building()) + " RENAME TO " + quote(template.name()));
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            engine.dropDatabase(building);
            throw e;
        }
    }

    private static boolean clone(Connection c, MateyUrl url, TemplateName template) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quote(new PostgresConnector(url).database()) + " TEMPLATE "
                    + quote(template.name()));
            return true;
        } catch (SQLException e) {
            if (OBJECT_IN_USE.equals(e.getSQLState()) || NOT_PERMITTED.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Drops without {@code FORCE}: a database someone is connected to (a person looking) stays. */
    private static void drop(Connection c, String database) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(database));
        } catch (SQLException e) {
            if (!OBJECT_IN_USE.equals(e.getSQLState()) && !NOT_PERMITTED.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    static String quote(String identifier) {
        return Identifiers.quoted('"', identifier);
    }
}
