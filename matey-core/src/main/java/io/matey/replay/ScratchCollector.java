package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.LoginRefusal;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Drops the scratch databases a killed process left on a test server (docs/architecture.md §6): those whose name
 * records an owner process on this host that has ended; then the roles such a process created there, as the
 * {@link RoleLedger} records them, unless a live process recorded the same role. Runs once per server and process,
 * before the first lease, and reports each database and role it drops (to SLF4J unless the application says where).
 * Failures are reported and never stop the replay.
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
            // A refused login fails the lease that follows, which says so; a notice first would only repeat it.
            if (!(e instanceof SQLException sql && LoginRefusal.is(sql))) {
                notices.accept("could not collect leftover scratch databases on " + base + ": "
                        + MateyUrl.mask(e.getMessage()));
            }
            return dropped;
        }
        collectRoles(engine, base);
        return dropped;
    }

    /** Drops the recorded roles of ended processes that are still on the server and no live process recorded. */
    private static void collectRoles(Engine engine, MateyUrl base) {
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        Map<ScratchOwner, Set<ServerRole>> recorded;
        try {
            recorded = RoleLedger.recorded(server);
        } catch (IOException | RuntimeException e) {
            notices.accept("could not read the records of the roles replays created on " + base + ": " + e.getMessage());
            return;
        }
        Set<ServerRole> live = new HashSet<>();
        recorded.forEach((owner, roles) -> {
            if (!owner.isGone()) {
                live.addAll(roles);
            }
        });
        Set<ServerRole> present = null;
        for (Map.Entry<ScratchOwner, Set<ServerRole>> entry : recorded.entrySet()) {
            ScratchOwner owner = entry.getKey();
            if (!owner.isGone()) {
                continue;
            }
            present = present != null ? present : ScratchServer.roles(engine, base);
            if (present == null) {
                return;
            }
            List<ServerRole> done = new ArrayList<>();
            for (ServerRole role : entry.getValue()) {
                if (live.contains(role)) {
                    continue;
                }
                if (present.contains(role)) {
                    try {
                        engine.serverRoles().drop(base, role, List.of());
                        notices.accept("dropped leftover role " + role + " that the replay of process " + owner.pid()
                                + " created on " + base + " (the process on this host has ended)");
                    } catch (SQLException | RuntimeException e) {
                        notices.accept("could not drop leftover role " + role + " that the replay of process "
                                + owner.pid() + " created on " + base + ": " + MateyUrl.mask(e.getMessage()));
                        continue;
                    }
                }
                done.add(role);
            }
            try {
                RoleLedger.forget(owner, server, done);
            } catch (IOException | RuntimeException e) {
                notices.accept("could not update the records of the roles replays created: " + e.getMessage());
            }
        }
    }
}
