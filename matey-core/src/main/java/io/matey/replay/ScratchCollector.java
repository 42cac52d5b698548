package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.LoginRefusal;
import io.matey.engine.ServerUnreachable;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Drops the scratch databases a killed process left on a test server (docs/architecture.md §6): those whose name
 * records an owner process on this host that has ended, then the roles such processes created there
 * ({@link LeftoverRoles}), then the grants they changed of accounts that were there ({@link LeftoverGrants}).
 * Runs once per server and process, before the first lease, and reports each database and role it drops (to SLF4J
 * unless the application says where). Failures are reported and never stop the replay.
 */
final class ScratchCollector {

    private static final Set<String> COLLECTED = ConcurrentHashMap.newKeySet();
    /** The logger is looked up on first use: SLF4J's provider search would cost every CLI command at start. */
    private static volatile Consumer<String> notices =
            line -> LoggerFactory.getLogger(ScratchCollector.class).warn("matey: {}", line);

    private ScratchCollector() {
    }

    static void reportTo(Consumer<String> sink) {
        notices = sink;
    }

    /** Reports one line, such as a role dropped with the last scratch database (ScratchServer). */
    static void notice(String line) {
        notices.accept(line);
    }

    /** The databases dropped (empty when this server was collected before by this process). */
    static List<String> collect(Engine engine, MateyUrl base) {
        if (!COLLECTED.add(ScratchServer.key(engine, base))) {
            return List.of();
        }
        return collectNow(engine, base);
    }

    static List<String> collectNow(Engine engine, MateyUrl base) {
        List<String> dropped = new ArrayList<>();
        try {
            for (String name : engine.databasesNamed(base, "matey_")) {
                var owner = ScratchOwner.of(name);
                if (owner.isPresent() && owner.get().isGone()) {
                    engine.dropScratchDatabase(engine.siblingUrl(base, name));
                    dropped.add(name);
                    notices.accept("dropped leftover scratch database " + name + " (its process " + owner.get().pid()
                            + " on this host has ended)");
                }
            }
        } catch (SQLException | RuntimeException e) {
            // A refused login, an unreachable server or a MateyException (no credentials) fails the lease that
            // follows, which says so; a notice first would only repeat it.
            if (!(e instanceof MateyException || e instanceof SQLException sql && (LoginRefusal.is(sql)
                    || ServerUnreachable.is(sql)))) {
                notices.accept("could not collect leftover scratch databases on " + base + ": "
                        + engine.maskedFailure(e));
            }
            return dropped;
        }
        LeftoverRoles.collect(engine, base);
        LeftoverGrants.collect(engine, base);
        return dropped;
    }
}
