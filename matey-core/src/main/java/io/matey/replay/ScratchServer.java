package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.LoginRefusal;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import io.matey.engine.ServerUnreachable;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What this process's scratch leases on one test server change outside their databases (docs/architecture.md §6):
 * the roles (users) a replayed migration creates, and the grants it gives accounts that were there before. The
 * server's roles, and the grants of those the SQL names, are listed when the first lease starts (if its SQL may create
 * a role or grant), and when the last one ends, the roles that are new and that the SQL the leases ran names are
 * dropped, so that the next replay can create them again, and the accounts' grants are restored. A new role that SQL
 * does not name is another process's and is left alone. Before an up section that creates roles they are recorded in
 * the {@link RoleLedger} as about to be created, and after it the new roles are recorded as created, so that the next
 * replay drops them if this process is killed; the grants
 * listed when the first lease starts are recorded there at once, for the next replay to give back
 * ({@link LeftoverGrants}). The roles an anchor checkpoint names that the server lacks are created for it
 * ({@link #provide}) and dropped alike.
 */
final class ScratchServer {

    /** By engine and server; guarded by the class. */
    private static final Map<String, ScratchServer> SERVERS = new HashMap<>();

    private final String key;
    private final Engine engine;
    private final MateyUrl base;
    /**
     * The words of every statement that creates a role or changes grants (MariaDB's GRANT creates the account it
     * names, unless the SQL mode says otherwise): SQL without them spares the listings.
     */
    private static final Pattern CREATES_ROLES = Pattern.compile("\\b(?:ROLE|USER|GROUP|GRANT|REVOKE)\\b",
            Pattern.CASE_INSENSITIVE);
    /** What makes a replay take the server's roles lock ({@link ServerRoles#lock}). */
    private static final Pattern ROLE_DDL = Pattern.compile("\\b(?:CREATE|ALTER|DROP)\\s+(?:ROLE|USER|GROUP)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Null when the SQL creates no role and none was provided, or the roles could not be listed: then none is
     * dropped. Guarded by the class once set.
     */
    private Set<ServerRole> before;
    /** The roles an anchor names that this process created for it ({@link #provide}); guarded by the class. */
    private final Set<ServerRole> provided = new HashSet<>();
    /** Null where the engine's grants do not outlive a replay. */
    private final ServerRoles.Grants grants;
    /** The grants of the roles that were there and that the SQL names. */
    private final Map<ServerRole, List<String>> grantsBefore = new HashMap<>();
    private final List<String> sql = new ArrayList<>();
    private final List<MateyUrl> kept = new ArrayList<>();
    /** The roles recorded in the ledger; guarded by the class. */
    private final Set<ServerRole> recorded = new HashSet<>();
    private int leases;
    /** The session holding the server's roles lock until the last lease ends; null when not taken. */
    private Connection rolesLock;

    private ScratchServer(String key, Engine engine, MateyUrl base, String sql, boolean serialise, Duration timeout) {
        this.key = key;
        this.engine = engine;
        this.base = base;
        if (serialise) {
            rolesLock = lockRoles(timeout); // before the roles are listed: another replay's would look like the server's
        }
        this.before = mayChangeRoles(sql) ? roles(engine, base) : null;
        this.grants = engine.serverRoles().grants().orElse(null);
        for (ServerRole role : before == null || grants == null ? Set.<ServerRole>of() : before) {
            if (!role.name().isEmpty() && named(role, List.of(sql))) {
                grantsOf(role).ifPresent(listed -> grantsBefore.put(role, listed));
            }
        }
        try {
            RoleLedger.recordGrants(ScratchOwner.current(), RoleLedger.server(key), grantsBefore);
        } catch (IOException | RuntimeException e) {
            ScratchCollector.notice("could not record the grants of the accounts on " + base + " (" + e.getMessage()
                    + "): if this process is killed, grants a migration gives them stay there");
        }
    }

    /**
     * The server's roles lock, saying when it waits for another process's; null when the engine has none or it
     * could not be taken. A wait longer than {@code timeout} fails the lease, naming the holder.
     */
    private Connection lockRoles(Duration timeout) {
        try {
            return engine.serverRoles().lock(base, timeout, new Waiting(base, timeout)).orElse(null);
        } catch (MigrationLockTimeoutException e) {
            throw new MateyException(Reason.LOCK_TIMEOUT, "The roles lock of the test server " + base + " ("
                    + e.lock() + ") was not released within " + MigrationLockTimeoutException.describe(timeout)
                    + (e.holder().isEmpty() ? "" : "; it is held by " + e.holder()) + ". Another process is "
                    + "replaying migrations that create or drop roles or change their grants there, and such replays "
                    + "run one at a time: wait for it to end and try again, or raise the bound (--lock-timeout). "
                    + e.advice(), e);
        } catch (SQLException | RuntimeException e) {
            if (!(e instanceof SQLException sql && (LoginRefusal.is(sql) || ServerUnreachable.is(sql)))) {
                ScratchCollector.notice("could not take the roles lock on " + base + " (" + engine.maskedFailure(e)
                        + "): a replay of another process that creates the same roles may collide with this one");
            }
            return null;
        }
    }

    /** Says that the lease waits for another process's roles lock; a record, not a lambda (docs/architecture.md §8). */
    private record Waiting(MateyUrl base, Duration timeout) implements Engine.LockWaiting {

        @Override
        public void waiting(String lock, String holder) {
            ScratchCollector.notice("waiting for the replay of another process on " + base + " ("
                    + (holder.isEmpty() ? lock : lock + ", held by " + holder) + ", at most "
                    + MigrationLockTimeoutException.describe(timeout) + "): its migrations create or drop roles or "
                    + "change their grants, as these do, and those are the server's, so such replays run one at a "
                    + "time");
        }
    }

    /** False for SQL that neither creates a role nor changes grants: a lease's SQL may leave it out. */
    static boolean mayChangeRoles(String sql) {
        return CREATES_ROLES.matcher(sql).find();
    }

    /** The key of a server: engine and URL without a database. */
    static String key(Engine engine, MateyUrl base) {
        return engine.id() + " " + engine.siblingUrl(base, "matey_").raw();
    }

    /**
     * Starts a lease that runs {@code sql} (what names the roles it may create). When it creates, alters or drops
     * roles, or {@code anchorNamesRoles} (its anchor names roles the migrations create), this process's replays on
     * the server take its roles lock until the last lease ends, waiting at most {@code timeout} for other processes'
     * (docs/architecture.md §6).
     */
    static synchronized ScratchServer enter(Engine engine, MateyUrl base, String sql, boolean anchorNamesRoles,
            Duration timeout) {
        boolean serialise = anchorNamesRoles || ROLE_DDL.matcher(sql).find()
                || engine.serverRoles().changesSharedGrants(sql);
        ScratchServer server = SERVERS.computeIfAbsent(key(engine, base),
                k -> new ScratchServer(k, engine, base, sql, serialise, timeout));
        if (serialise && server.rolesLock == null) {
            server.rolesLock = server.lockRoles(timeout);
        }
        server.leases++;
        server.sql.add(sql);
        return server;
    }

    /**
     * Before an up section that may create a role: records in the {@link RoleLedger} the roles it creates ({@link
     * ServerRoles#creates}), each with whether the server lacks it now, before any of them is created, so that a
     * process killed before {@link #ran} leaves them to the next replay; the intents to hand to {@link #mark} and
     * {@link #ran}. None where the engine finds no role or the roles cannot be listed.
     */
    Map<ServerRole, Boolean> creating(Section up) {
        synchronized (ScratchServer.class) {
            if (before == null) {
                return Map.of();
            }
        }
        List<ServerRole> creates = CREATES_ROLES.matcher(up.sql()).find() ? engine.serverRoles().creates(up)
                : List.of();
        Set<ServerRole> present = creates.isEmpty() ? null : roles(engine, base);
        if (present == null) {
            return Map.of();
        }
        Map<ServerRole, Boolean> lacked = new LinkedHashMap<>();
        for (ServerRole role : creates) {
            lacked.put(role, !present.contains(role));
        }
        intend(lacked);
        return lacked;
    }

    /**
     * After each statement of an up section, through the section's connection and in its transaction where it has
     * one: marks the roles of its {@code intended} that the statement creates ({@link ServerRoles#creates}) and that
     * the server lacked and has now ({@link RoleLedger#mark}), so that the next replay drops them only when this
     * process is killed before {@link #ran} records them, not when someone creates them by hand after. At once rather
     * than at the section's end, since MySQL/MariaDB commit a {@code CREATE USER} by itself: a kill later in the
     * section finds the role marked.
     */
    void markAfter(Connection connection, SqlStatement statement, Map<ServerRole, Boolean> intended)
            throws SQLException {
        if (intended.isEmpty() || !CREATES_ROLES.matcher(statement.code()).find()) {
            return;
        }
        Map<ServerRole, Boolean> created = new LinkedHashMap<>();
        for (ServerRole role : engine.serverRoles().createdBy(statement)) {
            if (intended.getOrDefault(role, false)) {
                created.put(role, true);
            }
        }
        mark(connection, created);
    }

    /** Marks the {@code absent} roles of {@code intended} the server has now; a failure is reported, not thrown. */
    private void mark(Connection connection, Map<ServerRole, Boolean> intended) throws SQLException {
        String mark = RoleLedger.mark(ScratchOwner.current());
        for (Map.Entry<ServerRole, Boolean> intent : intended.entrySet()) {
            if (!intent.getValue()) {
                continue;
            }
            Savepoint before = connection.getAutoCommit() || !engine.transactionalDdl() ? null
                    : connection.setSavepoint();
            try {
                engine.serverRoles().mark(connection, intent.getKey(), mark);
            } catch (SQLException e) {
                if (before != null) {
                    connection.rollback(before);
                }
                ScratchCollector.notice("could not mark role " + intent.getKey() + " as this replay's on " + base
                        + " (" + engine.maskedFailure(e) + "): if this process is killed before recording it, the "
                        + "next replay leaves it there");
            }
        }
    }

    /**
     * Records in the {@link RoleLedger} the roles created so far, after an up section that may have created one, in
     * place of the section's {@code intended} roles ({@link #creating}): a process killed later leaves them to the
     * next replay. When the roles cannot be listed the intents stay, for the next replay to judge.
     */
    void ran(String section, Map<ServerRole, Boolean> intended) {
        synchronized (ScratchServer.class) {
            if (before == null) {
                return;
            }
        }
        if (!CREATES_ROLES.matcher(section).find()) {
            return;
        }
        Set<ServerRole> created = created();
        if (created == null) {
            return;
        }
        synchronized (ScratchServer.class) {
            created.removeAll(recorded);
            recorded.addAll(created);
        }
        confirm(created, intended);
    }

    /**
     * Before {@code ups}, up sections that ran here, run again to build a state in a fresh scratch database
     * (docs/architecture.md §6): drops the roles they create that this process created on the server, so that their
     * {@code CREATE} runs as the first time; a role the server had before is left, as their first run left it. False,
     * dropping none, when that is not safe: without the roles lock another process's replay may be using a role of
     * the same name, and without the first listing this process cannot tell its roles from the server's. The ledger
     * keeps them as created (a killed process's next replay finds them gone or drops them), and the run records
     * them again.
     */
    boolean recreatable(List<Section> ups) throws SQLException {
        Set<ServerRole> listedBefore;
        synchronized (ScratchServer.class) {
            if (rolesLock == null || before == null) {
                return false;
            }
            listedBefore = Set.copyOf(before);
        }
        Set<ServerRole> present = roles(engine, base);
        if (present == null) {
            return false;
        }
        for (Section up : ups) {
            for (ServerRole role : engine.serverRoles().creates(up)) {
                if (!listedBefore.contains(role) && present.remove(role)) {
                    engine.serverRoles().drop(base, role, kept);
                }
            }
        }
        return true;
    }

    /** Records {@code lacked} in the {@link RoleLedger} as about to be created, before any {@code CREATE} runs. */
    private void intend(Map<ServerRole, Boolean> lacked) {
        try {
            RoleLedger.intend(ScratchOwner.current(), RoleLedger.server(key), lacked);
        } catch (IOException | RuntimeException e) {
            ScratchCollector.notice("could not record the roles the replay is about to create on " + base + " ("
                    + e.getMessage() + "): if this process is killed, drop them by hand");
        }
    }

    /**
     * Records {@code created} in the {@link RoleLedger} in place of the intents {@code intended}, for the next
     * replay to drop if this process is killed.
     */
    private void confirm(Set<ServerRole> created, Map<ServerRole, Boolean> intended) {
        try {
            RoleLedger.confirm(ScratchOwner.current(), RoleLedger.server(key), created, intended.keySet());
        } catch (IOException | RuntimeException e) {
            ScratchCollector.notice("could not record the roles the replay created on " + base + " ("
                    + e.getMessage() + "): if this process is killed, drop them by hand");
        }
    }

    /** Those of {@code roles} (names) the server lacks; none when they cannot be listed (the load then says why). */
    Map<String, String> missing(Map<String, String> roles) {
        Set<ServerRole> present = roles.isEmpty() ? Set.of() : roles(engine, base);
        Map<String, String> missing = new LinkedHashMap<>();
        if (present != null) {
            roles.forEach((name, migration) -> {
                if (!present.contains(new ServerRole(name, null))) {
                    missing.put(name, migration);
                }
            });
        }
        return missing;
    }

    /**
     * Creates {@code roles} (name to the migration creating it, each one the server lacked) through a connection
     * to {@code database}, for an anchor checkpoint that names them (docs/architecture.md §6): they are this
     * process's, recorded in the {@link RoleLedger} as intents before the first is created, each marked as this
     * replay's in the transaction creating it ({@link #mark}), and recorded as created once they are, and dropped
     * with the last lease like those a migration creates here. A role another process created meanwhile is left to
     * it.
     */
    void provide(Map<String, String> roles, MateyUrl database) {
        if (roles.isEmpty()) {
            return;
        }
        synchronized (ScratchServer.class) {
            if (before == null) {
                before = roles(engine, base);
            }
        }
        Map<ServerRole, Boolean> intended = new LinkedHashMap<>();
        roles.keySet().forEach(name -> intended.put(new ServerRole(name, null), true));
        intend(intended);
        Set<ServerRole> created = new HashSet<>();
        try (Connection c = engine.connect(database)) {
            c.setAutoCommit(false); // each role is created and marked in a transaction of its own
            for (Map.Entry<String, String> role : roles.entrySet()) {
                try {
                    if (!engine.serverRoles().createIfMissing(c, role.getKey())) {
                        c.rollback();
                        continue; // another process created it meanwhile: its to drop
                    }
                    mark(c, Map.of(new ServerRole(role.getKey(), null), true));
                    c.commit();
                } catch (SQLException e) {
                    throw new MateyException("Cannot create role " + role.getKey() + " that " + role.getValue()
                            + " creates, which the anchor checkpoint names, on the test server " + base + ": "
                            + engine.failureSentence(e) + " Let the test server's user create roles, or re-run with "
                            + "--clean to replay from an empty database.", e);
                }
                created.add(new ServerRole(role.getKey(), null));
            }
        } catch (SQLException e) {
            throw new MateyException("Cannot connect to scratch database " + database + ": "
                    + engine.maskedFailure(e), e);
        } finally {
            synchronized (ScratchServer.class) {
                provided.addAll(created);
                recorded.addAll(created);
            }
            confirm(created, intended);
        }
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
        try {
            Set<ServerRole> created = created();
            if (created != null) {
                created.forEach(this::drop);
            }
            List<ServerRole> restored = new ArrayList<>();
            grantsBefore.forEach((role, listed) -> {
                if (restoreGrants(engine, base, grants, role, listed, "the replay")) {
                    restored.add(role);
                }
            });
            try {
                RoleLedger.forget(ScratchOwner.current(), RoleLedger.server(key), recorded);
                RoleLedger.forgetGrants(ScratchOwner.current(), RoleLedger.server(key), restored);
            } catch (IOException | RuntimeException e) {
                ScratchCollector.notice("could not update the record of the roles the replay created on " + base
                        + ": " + e.getMessage());
            }
        } finally {
            unlockRoles();
        }
    }

    /** Releases the roles lock by ending its session. */
    private void unlockRoles() {
        Connection lock;
        synchronized (ScratchServer.class) {
            lock = rolesLock;
            rolesLock = null;
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                // the server ends the session, and with it the lock, when the connection is gone
            }
        }
    }

    /**
     * The roles new since the first lease that the SQL names or that were provided for an anchor; null when there
     * is nothing to compare with.
     */
    private Set<ServerRole> created() {
        Set<ServerRole> listedBefore;
        List<String> texts;
        Set<ServerRole> ours;
        synchronized (ScratchServer.class) {
            listedBefore = before;
            texts = List.copyOf(sql);
            ours = Set.copyOf(provided);
        }
        if (listedBefore == null) {
            return null;
        }
        Set<ServerRole> created = roles(engine, base);
        if (created == null) {
            return null;
        }
        created.removeAll(listedBefore);
        created.removeIf(role -> !ours.contains(role) && !named(role, texts));
        return created;
    }

    private static boolean named(ServerRole role, List<String> texts) {
        Pattern name = Pattern.compile("(?<![\\w$])" + Pattern.quote(role.name()) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return texts.stream().anyMatch(text -> name.matcher(text).find());
    }

    private void drop(ServerRole role) {
        try {
            engine.serverRoles().drop(base, role, kept);
            ScratchCollector.notice("dropped role " + role + " that the replay created on " + base);
        } catch (SQLException | RuntimeException e) {
            ScratchCollector.notice("could not drop role " + role + " that the replay created on " + base + ": "
                    + engine.maskedFailure(e) + "; drop it by hand, or the next replay that creates it fails");
        }
    }

    private Optional<List<String>> grantsOf(ServerRole role) {
        try {
            return Optional.of(grants.of(base, role)).filter(listed -> !listed.isEmpty());
        } catch (SQLException | RuntimeException e) {
            ScratchCollector.notice("could not list the grants of " + role + " on " + base + ", so grants a "
                    + "migration gives it stay there: " + engine.maskedFailure(e));
            return Optional.empty();
        }
    }

    /**
     * Gives {@code role} back {@code grantsBefore}, reporting it when they had changed; false when that failed (the
     * record stays for the next replay). {@code replay} names whose replay changed them.
     */
    static boolean restoreGrants(Engine engine, MateyUrl base, ServerRoles.Grants grants, ServerRole role,
            List<String> grantsBefore, String replay) {
        String what = "the grants of " + role + " that " + replay + " changed on " + base;
        try {
            List<String> now = grants.of(base, role);
            if (!now.equals(grantsBefore)) {
                grants.restore(base, role, grantsBefore, now);
                ScratchCollector.notice("restored " + what);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            ScratchCollector.notice("could not restore " + what + ": " + engine.maskedFailure(e)
                    + "; compare its grants with what they were and restore them by hand");
            return false;
        }
    }

    static Set<ServerRole> roles(Engine engine, MateyUrl base) {
        try {
            return new HashSet<>(engine.serverRoles().list(base));
        } catch (SQLException | RuntimeException e) {
            // An unreachable server or a refused login fails the lease, which says so; a notice would repeat it.
            if (!(e instanceof SQLException sql && (LoginRefusal.is(sql) || ServerUnreachable.is(sql)))) {
                ScratchCollector.notice("could not list the roles on " + base + ", so roles a migration creates are "
                        + "left there: " + engine.maskedFailure(e));
            }
            return null;
        }
    }
}
