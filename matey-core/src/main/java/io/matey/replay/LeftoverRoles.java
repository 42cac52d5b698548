package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles killed replays left on a test server (docs/architecture.md §6): those the {@link RoleLedger} records for
 * a process of this host that has ended, as created or as about to be created while the server lacked them (a kill
 * between the {@code CREATE} and its record) when the role carries that process's mark ({@link ScratchServer#mark}):
 * one without it may have been created by hand since, and is left and reported. A role is dropped only while it is
 * on the server and no live process recorded it too (a replay running now may be using it); a role no replay
 * recorded, or whose intent says the server had it, is never touched. Each drop is reported; failures are reported
 * and never stop the replay.
 */
final class LeftoverRoles {

    private LeftoverRoles() {
    }

    /** Drops the recorded roles of ended processes that are still on the server and no live process recorded. */
    static void collect(Engine engine, MateyUrl base) {
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        Map<ScratchOwner, Set<ServerRole>> recorded;
        Map<ScratchOwner, Map<ServerRole, Boolean>> intents;
        try {
            recorded = RoleLedger.recorded(server);
            intents = RoleLedger.intents(server);
        } catch (IOException | RuntimeException e) {
            ScratchCollector.notice("could not read the records of the roles replays created: " + e.getMessage());
            return;
        }
        Set<ScratchOwner> owners = new HashSet<>(recorded.keySet());
        owners.addAll(intents.keySet());
        Set<ServerRole> live = new HashSet<>();
        for (ScratchOwner owner : owners) {
            if (!owner.isGone()) {
                live.addAll(recorded.getOrDefault(owner, Set.of()));
                live.addAll(intents.getOrDefault(owner, Map.of()).keySet());
            }
        }
        Set<ServerRole> present = null;
        for (ScratchOwner owner : owners) {
            if (!owner.isGone()) {
                continue;
            }
            present = present != null ? present : ScratchServer.roles(engine, base);
            if (present == null) {
                return;
            }
            Map<ServerRole, Boolean> intended = intents.getOrDefault(owner, Map.of());
            Set<ServerRole> ours = new LinkedHashSet<>(recorded.getOrDefault(owner, Set.of()));
            Set<ServerRole> unproven = new HashSet<>();
            for (Map.Entry<ServerRole, Boolean> intent : intended.entrySet()) {
                ServerRole role = intent.getKey();
                if (!intent.getValue() || live.contains(role) || ours.contains(role)) {
                    continue;
                }
                if (!present.contains(role) || marked(engine, base, owner, role)) {
                    ours.add(role);
                } else {
                    unproven.add(role);
                }
            }
            List<ServerRole> gone = new ArrayList<>();
            for (ServerRole role : ours) {
                if (!live.contains(role) && (!present.contains(role) || drop(engine, base, owner, role))) {
                    gone.add(role);
                }
            }
            Set<ServerRole> settled = new HashSet<>(intended.keySet());
            settled.removeIf(role -> intended.get(role) && !gone.contains(role) && !unproven.contains(role));
            try {
                RoleLedger.forget(owner, server, gone);
                RoleLedger.forgetIntents(owner, server, settled);
            } catch (IOException | RuntimeException e) {
                ScratchCollector.notice("could not update the records of the roles replays created: " + e.getMessage());
            }
        }
    }

    /**
     * Whether {@code role}, which a killed replay was about to create, carries its mark; when not, it may have been
     * created by hand since, so it stays, and that is reported.
     */
    private static boolean marked(Engine engine, MateyUrl base, ScratchOwner owner, ServerRole role) {
        String why;
        try {
            if (engine.serverRoles().marked(base, role, RoleLedger.mark(owner))) {
                return true;
            }
            why = "it does not carry that replay's mark (" + RoleLedger.mark(owner) + "), so it may have been "
                    + "created by hand since, or the replay was killed before marking it";
        } catch (SQLException | RuntimeException e) {
            why = "its mark could not be read: " + engine.maskedFailure(e);
        }
        ScratchCollector.notice("left role " + role + " on " + base + ": the replay of process " + owner.pid()
                + " (ended) was about to create it, but " + why + "; drop it by hand if that replay created it");
        return false;
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
