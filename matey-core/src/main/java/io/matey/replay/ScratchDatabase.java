package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.LoginRefusal;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationRunner;
import io.matey.engine.RunningStatements;
import io.matey.engine.ServerRole;
import io.matey.engine.UrlOption;
import io.matey.engine.ServerUnreachable;
import io.matey.error.MateyException;
import io.matey.migration.Section;
import io.matey.workspace.TargetConfig;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A scratch database leased for one replay: created next to the test base URL under a sanitised unique name
 * that records its owner ({@code matey_<target>_<purpose>_<host>_<pid>_<4 hex>}, see {@link ScratchOwner}),
 * dropped on close unless it is to be kept for debugging, and with the last lease of the process on its server, the
 * roles its migrations created there ({@link ScratchServer}). The first lease on a server also drops what killed
 * processes left there ({@link ScratchCollector}).
 */
public final class ScratchDatabase implements AutoCloseable {

    /** Leases not yet closed, or closing, so that an interrupted process can still drop them. */
    private static final Set<ScratchDatabase> ACTIVE = ConcurrentHashMap.newKeySet();
    /** How long the end of an interrupted process waits for a close another thread is running. */
    private static final long CLOSE_WAIT_SECONDS = 10;
    /** Keeps names within the 63 characters of a PostgreSQL (64 of a MySQL) identifier. */
    private static final int MAX_TARGET_PART = 24;
    /** The purpose part of a kept database's name: {@link ScratchOwner} does not read it as a scratch name. */
    static final String KEPT = "kept";

    private final Engine engine;
    private final MateyUrl url;
    private final boolean keep;
    private boolean holdsAnchor;
    private final ScratchServer server;
    /**
     * Held through a close: a Ctrl-C or SIGTERM cancels the running statement, so the command's thread may be
     * closing this lease (dropping it, then the roles of the last lease) just as the signal's thread would, and the
     * process must not halt in the middle of that (docs/architecture.md §8).
     */
    private final ReentrantLock closing = new ReentrantLock();
    private boolean closed;
    /** Set when the process is ending (Ctrl-C, SIGTERM): no lease creates a database after that. */
    private static volatile boolean ending;

    private ScratchDatabase(Engine engine, MateyUrl url, boolean keep, ScratchServer server) {
        this.engine = engine;
        this.url = url;
        this.keep = keep;
        this.server = server;
    }

    /**
     * Creates the database, registered in {@link #ACTIVE} and under {@link #closing} first: a Ctrl-C or SIGTERM
     * while {@code CREATE DATABASE} runs waits for it to end and then drops what it created, where a lease
     * registered after creating would be left behind (docs/architecture.md §8). Refused once the process is ending.
     * With {@code anchorSql} (null for none), the engine may create it already holding the anchor from its cache.
     */
    private void create(String anchorSql, MateyUrl base, TargetConfig target) {
        closing.lock();
        try {
            ACTIVE.add(this);
            if (ending) {
                throw new MateyException("Interrupted before creating scratch database " + url + ".");
            }
            holdsAnchor = anchorSql != null && engine.createFromCachedDump(url, cacheGroup(target), anchorSql);
            if (!holdsAnchor) {
                engine.createDatabase(url);
            }
        } catch (SQLException | RuntimeException e) {
            closed = true; // nothing to drop: CREATE DATABASE either commits or leaves nothing
            ACTIVE.remove(this);
            server.leave(null);
            throw e instanceof SQLException sql ? createFailure(sql, base, target) : (RuntimeException) e;
        } finally {
            closing.unlock();
        }
    }

    private MateyException createFailure(SQLException e, MateyUrl base, TargetConfig target) {
        if (LoginRefusal.is(e)) {
            return new MateyException("Cannot create scratch database " + url + ": the test server at " + base
                    + " refused the login: " + engine.failureSentence(e) + " Check the user and password of "
                    + "the test server URL (--test-url, or $" + target.testUrlEnv() + ").", e);
        }
        if (ServerUnreachable.is(e)) {
            return new MateyException("Cannot reach the test server at " + base + ": "
                    + withoutUrl(engine.failureSentence(e), url) + " Start it, or correct the host and port of "
                    + "the test server URL (--test-url, or $" + target.testUrlEnv() + ").", e);
        }
        return new MateyException("Cannot create scratch database " + url + ": " + engine.failureSentence(e)
                + " Check that the test server is reachable and the user may create databases.", e);
    }

    /**
     * Leases a scratch database; with an anchor (null for none), the engine may create it already holding the
     * anchor from its cache of checkpoint states ({@link #holdsAnchor()}), else the caller loads the anchor. A kept
     * database is named {@code matey_<target>_kept_...}, which no collector drops.
     *
     * @param runs the SQL the lease will run: a role it names that is new on the server when the last lease of this
     *             process ends is dropped ({@link ScratchServer})
     * @param anchorRoles the roles the migrations before the anchor create (name to migration file): those the
     *             server lacks are created here, and dropped like those a migration creates; the anchor is then
     *             loaded, not cloned from the template cache, whose templates would keep them from being dropped
     * @param lockTimeout how long to wait for the server's roles lock that another process holds ({@link
     *             ScratchServer#enter})
     */
    public static ScratchDatabase lease(Engine engine, MateyUrl base, TargetConfig target, String purpose,
            boolean keep, String anchorSql, String runs, Map<String, String> anchorRoles, Duration lockTimeout) {
        ScratchCollector.collect(engine, base);
        MateyUrl url = engine.siblingUrl(base, name(target.name(), keep ? KEPT : purpose));
        ScratchServer server = ScratchServer.enter(engine, base, runs, !anchorRoles.isEmpty(), lockTimeout);
        Map<String, String> missing = server.missing(anchorRoles);
        ScratchDatabase scratch = new ScratchDatabase(engine, url, keep, server);
        scratch.create(anchorSql != null && missing.isEmpty() ? anchorSql : null, base, target);
        try {
            server.provide(missing, url);
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
        return scratch;
    }

    /**
     * A driver's sentence without the database's URL, which connectors append and the message names already:
     * {@code x. (url).} becomes {@code x.}.
     */
    private static String withoutUrl(String sentence, MateyUrl url) {
        String without = sentence.replace(" (" + url + ")", "");
        return without.endsWith("..") ? without.substring(0, without.length() - 1) : without;
    }

    /** True when the database was created already holding the anchor checkpoint. */
    public boolean holdsAnchor() {
        return holdsAnchor;
    }

    /**
     * Where the notices of dropped leftover scratch databases go (one line each, such as {@code dropped leftover
     * scratch database ...}); SLF4J's {@code io.matey.replay.ScratchCollector} logger at WARN by default.
     */
    public static void reportLeftoversTo(Consumer<String> sink) {
        ScratchCollector.reportTo(sink);
    }

    /**
     * Drops every scratch database still leased, or finishes with one another thread is closing (for the end of a
     * Ctrl-C or SIGTERM); failures are ignored.
     */
    public static void dropAllActive() {
        ending = true;
        for (ScratchDatabase scratch : ACTIVE) {
            try {
                if (scratch.closing.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    try {
                        scratch.closeOnce();
                    } finally {
                        scratch.closing.unlock();
                    }
                }
            } catch (InterruptedException | RuntimeException ignored) {
                // the process is ending; a leftover scratch database is named matey_* and safe to drop by hand
            }
        }
    }

    /** The target's canonical directory: one cache group per checkout of a workspace and per target. */
    private static String cacheGroup(TargetConfig target) {
        try {
            return target.dir().toRealPath().toString();
        } catch (IOException e) {
            return target.dir().toAbsolutePath().normalize().toString();
        }
    }

    /** {@code matey_<target>_<purpose>_<host>_<pid>_<4 hex>}, lower case, only {@code [a-z0-9_]}: valid on every engine. */
    static String name(String target, String purpose) {
        byte[] random = new byte[2];
        Entropy.RANDOM.nextBytes(random);
        return "matey_" + part(target) + "_" + purpose + "_" + ScratchOwner.current().namePart() + "_"
                + HexFormat.of().formatHex(random);
    }

    /** The target as a name part: lower case {@code [a-z0-9_]}, {@code root} for {@code .}. */
    private static String part(String target) {
        String part = target.equals(".") ? "root" : target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (part.isEmpty()) {
            part = "target";
        }
        return part.length() > MAX_TARGET_PART ? part.substring(0, MAX_TARGET_PART) : part;
    }

    public MateyUrl url() {
        return url;
    }

    /**
     * Where a failed section ran, as its error says it: a kept database is named, since it is still there (the
     * notice of {@link #close} names the command that drops it).
     */
    public String whereSectionsRan() {
        return keep ? "It ran in scratch database " + url + ", which --keep-scratch keeps as the failure left it"
                : MigrationRunner.DISCARDED_SCRATCH;
    }

    public Connection connect() throws SQLException {
        return RunningStatements.cancellable(engine, engine.connect(url));
    }

    /**
     * Runs an up section here through {@code connection}: the roles it creates are recorded for the next replay
     * before it runs, as intents ({@link ScratchServer#creating}), marked as this replay's after the statement that
     * created them, in its transaction where it has one ({@link ScratchServer#markAfter}), and after it recorded as created
     * ({@link ScratchServer#ran}).
     */
    void runUp(Section up, Connection connection, UpRun run) throws SQLException {
        Map<ServerRole, Boolean> intended = server.creating(up);
        try {
            run.run(statement -> server.markAfter(connection, statement, intended));
        } finally {
            server.ran(up.sql(), intended);
        }
    }

    /**
     * Before {@code ups}, which ran in this process's leases, run again here: whether the roles they create can be
     * created again, those this process created being dropped ({@link ScratchServer#recreatable}).
     */
    boolean recreatable(List<Section> ups) throws SQLException {
        return server.recreatable(ups);
    }

    /** Runs an up section, handing {@code marking} to run after each of its statements. */
    interface UpRun {
        void run(MigrationRunner.AfterStatement marking) throws SQLException;
    }

    @Override
    public void close() {
        closing.lock();
        try {
            closeOnce();
        } finally {
            closing.unlock();
        }
    }

    /** The close, under {@link #closing}; it leaves {@link #ACTIVE} only once done. */
    private void closeOnce() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (keep) {
                ScratchCollector.notice("kept scratch database " + url + " (--keep-scratch); no replay drops it: drop "
                        + "it with `matey dbmate" + UrlOption.of(url) + " drop`");
                server.leave(url);
                return;
            }
            try {
                engine.dropScratchDatabase(url);
            } catch (SQLException e) {
                throw new MateyException("scratch cleanup drop failed for " + url + ": " + engine.maskedFailure(e), e);
            } finally {
                server.leave(null);
            }
        } finally {
            ACTIVE.remove(this);
        }
    }

    /** Seeded on the first lease, not when the class loads: every CLI command touches this class at start. */
    private static final class Entropy {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
