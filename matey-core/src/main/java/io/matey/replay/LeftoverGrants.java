package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants killed replays changed on a test server (docs/architecture.md §6): the {@link RoleLedger} records what an
 * account that was there had before a process of this host replayed, and once that process has ended its account
 * gets them back, unless a live process recorded the same account (its replay may be using what it granted). An
 * account that is gone is forgotten. Each restore is reported; failures are reported, keep the record and never stop
 * the replay.
 */
final class LeftoverGrants {

    private LeftoverGrants() {
    }

    /** Restores the recorded grants of ended processes whose accounts no live process recorded. */
    static void collect(Engine engine, MateyUrl base) {
        ServerRoles.Grants grants = engine.serverRoles().grants().orElse(null);
        if (grants == null) {
            return;
        }
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        Map<ScratchOwner, Map<ServerRole, List<String>>> recorded;
        try {
            recorded = RoleLedger.recordedGrants(server);
        } catch (IOException | RuntimeException e) {
            ScratchCollector.notice("could not read the records of the grants replays changed: " + e.getMessage());
            return;
        }
        Set<ServerRole> live = new HashSet<>();
        recorded.forEach((owner, accounts) -> {
            if (!owner.isGone()) {
                live.addAll(accounts.keySet());
            }
        });
        Set<ServerRole> present = null;
        for (Map.Entry<ScratchOwner, Map<ServerRole, List<String>>> entry : recorded.entrySet()) {
            if (!entry.getKey().isGone()) {
                continue;
            }
            present = present != null ? present : ScratchServer.roles(engine, base);
            if (present == null) {
                return;
            }
            Set<ServerRole> there = present;
            List<ServerRole> done = new ArrayList<>();
            String replay = "the replay of process " + entry.getKey().pid() + " (which has ended)";
            entry.getValue().forEach((role, before) -> {
                if (!live.contains(role) && (!there.contains(role)
                        || ScratchServer.restoreGrants(engine, base, grants, role, before, replay))) {
                    done.add(role);
                }
            });
            try {
                RoleLedger.forgetGrants(entry.getKey(), server, done);
            } catch (IOException | RuntimeException e) {
                ScratchCollector.notice("could not update the records of the grants replays changed: "
                        + e.getMessage());
            }
        }
    }
}
