package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.LoginRefusal;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerUnreachable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What this process's scratch leases on one test server change outside their databases (docs/architecture.md §6):
 * the roles (users) a replayed migration creates. The server's roles are listed when the first lease starts (if its SQL
 * may create one), and when the last one ends, the roles that are new and that the SQL the leases ran names are
 * dropped, so that the next replay can create them again. A new role that SQL does not name is another process's and
 * is left alone.
 */
final class ScratchServer {

    /** By engine and server; guarded by the class. */
    private static final Map<String, ScratchServer> SERVERS = new HashMap<>();

    private final String key;
    private final Engine engine;
    private final MateyUrl base;
    /**
     * The words of every statement that creates a role (MariaDB's GRANT creates the account it names, unless the SQL
     * mode says otherwise): SQL without them spares the two listings.
     */
    private static final Pattern CREATES_ROLES = Pattern.compile("\\b(?:ROLE|USER|GROUP|GRANT)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Null when the SQL creates no role or the roles could not be listed: then none is dropped. */
    private final Set<ServerRole> before;
    private final List<String> sql = new ArrayList<>();
    private final List<MateyUrl> kept = new ArrayList<>();
    private int leases;

    private ScratchServer(String key, Engine engine, MateyUrl base, String sql) {
        this.key = key;
        this.engine = engine;
        this.base = base;
        this.before = CREATES_ROLES.matcher(sql).find() ? roles(engine, base) : null;
    }

    /** Starts a lease that runs {@code sql} (what names the roles it may create). */
    static synchronized ScratchServer enter(Engine engine, MateyUrl base, String sql) {
        String key = engine.id() + " " + engine.siblingUrl(base, "matey_").raw();
        ScratchServer server = SERVERS.computeIfAbsent(key, k -> new ScratchServer(k, engine, base, sql));
        server.leases++;
        server.sql.add(sql);
        return server;
    }

    /** Ends a lease whose database was dropped ({@code keptDatabase} null) or kept; the last one drops the roles. */
    void leave(MateyUrl keptDatabase) {
        synchronized (ScratchServer.class) {
            if (keptDatabase != null) {
                kept.add(keptDatabase);
            }
            if (--leases > 0) {
                return;
            }
            SERVERS.remove(key);
        }
        if (before == null) {
            return;
        }
        Set<ServerRole> created = roles(engine, base);
        if (created == null) {
            return;
        }
        created.removeAll(before);
        for (ServerRole role : created) {
            if (named(role)) {
                drop(role);
            }
        }
    }

    private boolean named(ServerRole role) {
        Pattern name = Pattern.compile("(?<![\\w$])" + Pattern.quote(role.name()) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return sql.stream().anyMatch(text -> name.matcher(text).find());
    }

    private void drop(ServerRole role) {
        try {
            engine.serverRoles().drop(base, role, kept);
            ScratchCollector.notice("dropped role " + role + " that the replay created on " + base);
        } catch (SQLException | RuntimeException e) {
            ScratchCollector.notice("could not drop role " + role + " that the replay created on " + base + ": "
                    + MateyUrl.mask(e.getMessage()) + "; drop it by hand, or the next replay that creates it fails");
        }
    }

    private static Set<ServerRole> roles(Engine engine, MateyUrl base) {
        try {
            return new HashSet<>(engine.serverRoles().list(base));
        } catch (SQLException | RuntimeException e) {
            // An unreachable server or a refused login fails the lease, which says so; a notice would repeat it.
            if (!(e instanceof SQLException sql && (LoginRefusal.is(sql) || ServerUnreachable.is(sql)))) {
                ScratchCollector.notice("could not list the roles on " + base + ", so roles a migration creates are "
                        + "left there: " + MateyUrl.mask(e.getMessage()));
            }
            return null;
        }
    }
}
