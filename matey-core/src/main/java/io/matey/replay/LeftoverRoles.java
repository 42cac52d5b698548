package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles killed replays left on a test server (docs/architecture.md §6): those the {@link RoleLedger} records for
 * a process of this host that has ended. A role is dropped only while it is on the server and no live process
 * recorded it too (a replay running now may be using it); a role no replay recorded is never touched. Each drop is
 * reported; failures are reported and never stop the replay.
 */
final class LeftoverRoles {

    private LeftoverRoles() {
    }

    /** Drops the recorded roles of ended processes that are still on the server and no live process recorded. */
    static void collect(Engine engine, MateyUrl base) {
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        Map<ScratchOwner, Set<ServerRole>> recorded;
        try {
            recorded = RoleLedger.recorded(server);
        } catch (IOException | RuntimeException e) {
            ScratchCollector.notice("could not read the records of the roles replays created: " + e.getMessage());
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
            if (!entry.getKey().isGone()) {
                continue;
            }
            present = present != null ? present : ScratchServer.roles(engine, base);
            if (present == null) {
                return;
            }
            List<ServerRole> gone = new ArrayList<>();
            for (ServerRole role : entry.getValue()) {
                if (!live.contains(role) && (!present.contains(role) || drop(engine, base, entry.getKey(), role))) {
                    gone.add(role);
                }
            }
            try {
                RoleLedger.forget(entry.getKey(), server, gone);
            } catch (IOException | RuntimeException e) {
                ScratchCollector.notice("could not update the records of the roles replays created: " + e.getMessage());
            }
        }
    }

    private static boolean drop(Engine engine, MateyUrl base, ScratchOwner owner, ServerRole role) {
        String what = "leftover role " + role + " that the replay of process " + owner.pid() + " created on " + base;
        try {
            engine.serverRoles().drop(base, role, List.of());
            ScratchCollector.notice("dropped " + what + " (the process on this host has ended)");
            return true;
        } catch (SQLException | RuntimeException e) {
            ScratchCollector.notice("could not drop " + what + ": " + engine.maskedFailure(e));
            return false;
        }
    }
}
