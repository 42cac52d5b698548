package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.artifact.LockFileCodec;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint names the roles its migrations created (a policy's, an owner, a grantee), which the replay that wrote
 * it dropped: the lock records them, and the next replay loading that checkpoint creates them first and drops them
 * afterwards (docs/architecture.md §6).
 */
class AnchorRolesTest {

    private static final String LOCK = TestWorkspace.TARGET + "/schema.lock.toml";
    private static final String FIRST = "migrations/001_flags.sql";

    private final String role = "anchor_r_" + Long.toString(System.nanoTime() & 0xffffff, 36);
    @RegisterExtension
    final CapturedNotices captured = new CapturedNotices();
    private final List<String> notices = captured.lines;
    private final Engine engine = Engines.byId("postgres");
    private final MateyUrl base = TestDatabase.serverBase("postgres");

    @TempDir
    Path dir;

    /** The tester's history: the role is created in a DO block that tolerates it being there, then a policy names it. */
    private TestWorkspace flags() {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_flags.sql", "CREATE SCHEMA app; CREATE TABLE app.flags(key text PRIMARY KEY);\n"
                + "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n"
                + "ALTER TABLE app.flags ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON app.flags TO " + role
                + " USING (true);", "DROP SCHEMA app CASCADE;\nDROP ROLE " + role + ";");
        return ws;
    }

    @Test
    void aPlanAfterApplyLoadsTheCheckpointNamingARoleTheMigrationsCreate() throws SQLException {
        TestWorkspace ws = flags();
        ws.apply();
        assertThat(ws.read(LOCK)).contains("\nroles = [\"" + role + "\"]\n");
        assertThat(roles()).doesNotContain(new ServerRole(role, null));
        notices.clear();

        SchemaPlanResult plan = ws.plan();

        assertThat(plan.divergence()).isEmpty();
        assertThat(plan.match()).isTrue();
        assertThat(roles()).as("dropped with the replay").doesNotContain(new ServerRole(role, null));
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("dropped role " + role + " that the replay created"));

        ws.migration("002_grant.sql", "GRANT SELECT ON app.flags TO " + role + ";",
                "REVOKE SELECT ON app.flags FROM " + role + ";");
        SchemaApplyResult tail = ws.apply();
        assertThat(tail.downChecked()).as("a tail on top of the anchor").containsExactly("migrations/002_grant.sql");
        assertThat(ws.plan().match()).isTrue();
        assertThat(roles()).doesNotContain(new ServerRole(role, null));
    }

    @Test
    void theRolesAnAnchorNeedsAreRecordedForTheNextReplayWhileTheLeaseHoldsThem() throws Exception {
        TestWorkspace ws = flags();
        ws.apply();
        ReplayPlan plan = ReplayPlanner.plan(ws.matey().target(TestWorkspace.TARGET), ReplayOptions.defaults(),
                "schema plan");
        assertThat(plan.anchorRoles()).containsExactly(Map.entry(role, FIRST));
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        ScratchDatabase scratch = ScratchDatabase.lease(engine, base, ws.matey().target(TestWorkspace.TARGET),
                "replay", false, plan.anchorSql(), "", plan.anchorRoles(), Engine.DEFAULT_LOCK_TIMEOUT);
        try (Connection c = scratch.connect()) {
            assertThat(scratch.holdsAnchor()).as("no template: it would keep the role from being dropped").isFalse();
            engine.loadAtomically(c, plan.anchorSql());
            assertThat(RoleLedger.recorded(server).get(ScratchOwner.current()))
                    .as("a kill -9 now leaves the role to the next replay").contains(new ServerRole(role, null));
            assertThat(engine.serverRoles().marked(base, new ServerRole(role, null),
                    RoleLedger.mark(ScratchOwner.current()))).as("created with this replay's mark, so that a kill "
                            + "-9 before its record leaves it to the next replay too").isTrue();
        } finally {
            scratch.close();
        }
        assertThat(roles()).doesNotContain(new ServerRole(role, null));
        assertThat(RoleLedger.recorded(server).getOrDefault(ScratchOwner.current(), Set.of()))
                .doesNotContain(new ServerRole(role, null));
    }

    @Test
    void aLockWrittenBeforeRolesWereRecordedReadsAndIsReplayedFromTheMigrationCreatingOne() throws Exception {
        TestWorkspace ws = flags();
        ws.apply();
        String older = ws.read(LOCK).replace("roles = [\"" + role + "\"]\n", "");
        ws.write(LOCK, older);
        assertThat(LockFileCodec.parse(older.getBytes(StandardCharsets.UTF_8)).steps().get(0).roles()).isEmpty();

        SchemaPlanResult plan = ws.plan();

        assertThat(plan.divergence()).isEqualTo(OptionalInt.of(1));
        assertThat(plan.staleFiles()).containsExactly("schema.lock.toml");
        ws.apply();
        assertThat(ws.read(LOCK)).contains("\nroles = [\"" + role + "\"]\n");
        assertThat(ws.plan().match()).isTrue();
    }

    private Set<ServerRole> roles() throws SQLException {
        return engine.serverRoles().list(base);
    }
}
