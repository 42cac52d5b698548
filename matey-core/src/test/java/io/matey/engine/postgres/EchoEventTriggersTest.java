package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.testing.GuardTrigger;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A platform's event trigger that refuses objects outside its schema does not fire on the temporary objects the
 * dump's echo creates (docs/architecture.md §5), and where it still does, the failure names it and what to do.
 */
class EchoEventTriggersTest {

    private static final String GUARD = GuardTrigger.SQL + """
            CREATE TABLE app.t (id int, kind text DEFAULT 'a' CHECK (kind IN ('a', 'b')));
            CREATE INDEX t_kind ON app.t (lower(kind));
            CREATE VIEW app.v AS SELECT id FROM app.t WHERE kind = 'a';
            ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
            CREATE POLICY mine ON app.t USING (kind <> 'b');
            """;

    @Test
    void aTriggerInTheDefaultModeDoesNotFireOnTheEchoButStillOnOtherDdl() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(GUARD);
            List<String> unloadable = new ArrayList<>();
            try (Connection c = db.connect()) {
                String dump = db.engine().dumpSchema(c);
                assertThat(dump).contains("CREATE EVENT TRIGGER g ON ddl_command_end",
                        "CONSTRAINT t_kind_check CHECK", "CREATE VIEW app.v AS", "CREATE POLICY mine ON app.t");
                assertThat(db.engine().dumpSchemaReporting(c, unloadable::add)).isEqualTo(dump);
                assertThat(TestDatabase.firstValue(c, "SHOW session_replication_role")).isEqualTo("origin");
            }
            assertThat(unloadable).isEmpty();
            assertThatThrownBy(() -> db.execute("CREATE TABLE public.elsewhere ()"))
                    .hasMessageContaining("create objects in schema app, not public");
        }
    }

    @Test
    void aTriggerEnabledAlwaysIsNamedWithWhatToDoInsteadOfTheTextCalledUnloadable() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(GUARD + "ALTER EVENT TRIGGER g ENABLE ALWAYS;");
            List<String> unloadable = new ArrayList<>();
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c))
                        .hasMessageStartingWith("Event trigger g fails on the temporary object that the schema dump"
                                + " creates in schema pg_temp")
                        .hasMessageContaining("create objects in schema app, not pg_temp")
                        .hasMessageContaining("Let the trigger ignore objects in schema pg_temp")
                        .hasMessageContaining("ALTER EVENT TRIGGER g ENABLE) instead of ENABLE ALWAYS")
                        .hasMessageNotContaining("load back");
                assertThatThrownBy(() -> db.engine().dumpSchemaReporting(c, unloadable::add))
                        .hasMessageStartingWith("Event trigger g fails");
            }
            assertThat(unloadable).isEmpty();
        }
    }

    @Test
    void aRoleThatMayNotSetTheReplicationRoleIsToldSoAndOneGrantedItDumps() throws SQLException {
        String role = "matey_test_evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(GUARD + "CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA app TO " + role
                    + "; GRANT SELECT ON ALL TABLES IN SCHEMA app TO " + role + ";");
            MateyUrl asRole = MateyUrl.parse(db.url().raw().replaceFirst("//[^@/]*@", "//" + role + "@"));
            try {
                try (Connection c = db.engine().connect(asRole)) {
                    assertThatThrownBy(() -> db.engine().dumpSchema(c))
                            .hasMessageStartingWith("Event trigger g fails")
                            .hasMessageContaining("or run Matey as a role that may set session_replication_role");
                }
                db.execute("GRANT SET ON PARAMETER session_replication_role TO " + role);
                try (Connection c = db.engine().connect(asRole)) {
                    assertThat(db.engine().dumpSchema(c)).contains("CONSTRAINT t_kind_check CHECK");
                }
            } finally {
                db.execute("REVOKE SET ON PARAMETER session_replication_role FROM " + role + "; DROP OWNED BY " + role
                        + "; DROP ROLE " + role);
            }
        }
    }
}
