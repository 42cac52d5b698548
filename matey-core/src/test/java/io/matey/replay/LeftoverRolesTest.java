package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The roles a killed replay created, as its {@link RoleLedger} records them, are dropped by the next replay's
 * collector on that server; a role a live process recorded, and one no replay recorded, stay (docs/architecture.md §6).
 */
class LeftoverRolesTest {

    private final String suffix = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void captureNotices() {
        ScratchDatabase.reportLeftoversTo(notices::add);
    }

    @AfterEach
    void restoreNotices() {
        ScratchDatabase.reportLeftoversTo(line -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void dropsOnlyTheRecordedRolesOfEndedProcesses(String name) throws Exception {
        Engine engine = Engines.byId(TestEngines.named(name).engineId());
        MateyUrl base = TestDatabase.serverBase(name);
        String host = name.equals("mysql") ? "%" : null;
        ServerRole leftover = new ServerRole("walk_left_" + suffix, host);
        ServerRole shared = new ServerRole("walk_shared_" + suffix, host);
        ServerRole users = new ServerRole("walk_users_" + suffix, host);
        List<ServerRole> all = List.of(leftover, shared, users);
        ScratchOwner ended = new ScratchOwner(ScratchOwner.current().host(), endedPid());
        ScratchOwner running = new ScratchOwner(ScratchOwner.current().host(),
                ProcessHandle.current().parent().orElseThrow().pid());
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        for (ServerRole role : all) {
            execute(engine, base, "CREATE " + (host == null ? "ROLE " : "USER ") + role);
        }
        try {
            RoleLedger.record(ended, server, List.of(leftover, shared));
            RoleLedger.record(running, server, List.of(shared));

            ScratchCollector.collectNow(engine, base);

            assertThat(engine.serverRoles().list(base)).doesNotContain(leftover).contains(shared, users);
            assertThat(notices).as("other ended processes may have left roles too").contains("dropped leftover role "
                    + leftover + " that the replay of process " + ended.pid() + " created on " + base
                    + " (the process on this host has ended)").noneMatch(n -> n.contains(shared.name())
                            || n.contains(users.name()));
            assertThat(RoleLedger.recorded(server)).as("the dropped role is forgotten, the one in use is not")
                    .containsEntry(ended, java.util.Set.of(shared)).containsEntry(running, java.util.Set.of(shared));
        } finally {
            RoleLedger.forget(ended, server, all);
            RoleLedger.forget(running, server, all);
            for (ServerRole role : List.of(shared, users)) {
                execute(engine, base, "DROP " + (host == null ? "ROLE " : "USER ") + role);
            }
        }
    }

    /** The id of a process of this host that has ended. */
    private static long endedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static void execute(Engine engine, MateyUrl base, String sql) throws Exception {
        try (Connection c = engine.connect(base); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
