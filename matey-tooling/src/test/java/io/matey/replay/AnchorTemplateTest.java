package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL: incremental replays clone the anchor checkpoint from a template database, with the same result. */
class AnchorTemplateTest {

    @TempDir
    Path dir;

    private MateyUrl server;

    @Test
    void incrementalReplayClonesTheAnchorAndKeepsOneTemplatePerTarget() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        server = TestDatabase.serverBase("postgres");
        dropTemplates();
        ws.migration("001_one.sql", ws.createTable("one"), "DROP TABLE one;");
        ws.migration("002_two.sql", ws.createTable("two"), "DROP TABLE two;");
        ws.apply();
        assertThat(templates()).isEmpty(); // a replay from zero has no anchor to cache

        ws.migration("003_three.sql", ws.createTable("three"), "DROP TABLE three;");
        SchemaApplyResult third = ws.apply();
        assertThat(third.changedFiles()).contains("checkpoints/003_three.sql");
        List<String> afterThird = templates();
        assertThat(afterThird).hasSize(1);
        String cloned = ws.read("db/core/schema.sql");
        assertThat(ws.plan(new ReplayOptions(null, null, true, false)).replaySql()).isEqualTo(cloned);

        ws.migration("004_four.sql", ws.createTable("four"), "DROP TABLE four;");
        ws.apply();
        assertThat(templates()).hasSize(1).doesNotContainAnyElementsOf(afterThird);
        assertThat(ws.read("db/core/schema.sql")).contains("four");
        assertThat(ws.plan().match()).isTrue();
    }

    /**
     * A test server that is the live one: the anchor template of a replay after {@code db up} holds the grants the
     * migrations gave the live role, so a live down section dropping the role fails on it; the failure names the
     * template as Matey's replay cache and the statement that drops it.
     */
    @Test
    void aLiveDropRoleThatTheAnchorTemplateHoldsGrantsOfNamesItAsTheReplayCache() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        server = TestDatabase.serverBase("postgres");
        String role = "pgserver_anchor_" + Long.toString(System.nanoTime() & 0xffffff, 36);
        ws.migration("001_role.sql", "CREATE TABLE t (id int);\nCREATE ROLE " + role + ";\nGRANT SELECT ON t TO "
                + role + ";", "REVOKE SELECT ON t FROM " + role + ";\nDROP ROLE " + role + ";\nDROP TABLE t;");
        ws.migration("002_two.sql", ws.createTable("two"), "DROP TABLE two;");
        ws.apply();
        Matey matey = ws.matey();
        try (TestDatabase live = TestDatabase.create("postgres")) {
            try {
                matey.dbUp(matey.target(TestWorkspace.TARGET), live.url().raw(), line -> { });
                ws.migration("003_three.sql", ws.createTable("three"), "DROP TABLE three;");
                ws.apply(); // from the anchor of 002, which names the role the live database has
                String anchor = templates().get(0);

                assertThatThrownBy(() -> matey.dbDown(matey.target(TestWorkspace.TARGET), live.url().raw(), 2,
                        line -> { })).isInstanceOf(MateyException.class)
                        .hasMessageContaining("role \"" + role + "\" belongs to the server, and objects of another "
                                + "database on it depend on it: " + anchor + " is Matey's replay cache (the template of "
                                + "the last anchor checkpoint of a replay on this server, which holds the grants the "
                                + "migrations gave; the next replay builds it again): drop it with `DROP DATABASE "
                                + anchor + ";` and run again.");
            } finally {
                dropTemplates();
                live.execute("DROP TABLE IF EXISTS t;\nDROP ROLE IF EXISTS " + role + ";");
            }
        }
    }

    @AfterEach
    void dropTemplates() throws Exception {
        if (server == null) {
            return;
        }
        Engine engine = Engines.byId("postgres");
        for (String name : templates()) {
            engine.dropDatabase(engine.siblingUrl(server, name));
        }
    }

    /** The templates of this test's target, recognised by the directory their comment names. */
    private List<String> templates() throws Exception {
        List<String> names = new ArrayList<>();
        Engine engine = Engines.byId("postgres");
        try (Connection c = engine.connect(server); PreparedStatement ps = c.prepareStatement("SELECT datname "
                + "FROM pg_database WHERE shobj_description(oid, 'pg_database') LIKE '%; ' || ? ORDER BY datname")) {
            ps.setString(1, dir.resolve("db/core").toRealPath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
