package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnsupportedObjectsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer)| aggregate public.total(integer)",
            "CREATE TABLE t (id integer); CREATE RULE no_delete AS ON DELETE TO t DO INSTEAD NOTHING| rule no_delete on public.t",
            "CREATE FOREIGN DATA WRAPPER dummy; CREATE SERVER remote FOREIGN DATA WRAPPER dummy;"
                    + " CREATE FOREIGN TABLE remote_items (id integer) SERVER remote| foreign table public.remote_items",
            "CREATE COLLATION german (provider = libc, locale = 'C')| collation public.german",
            "CREATE TEXT SEARCH CONFIGURATION simple_en (COPY = english)| text search configuration public.simple_en",
            "CREATE PUBLICATION everything FOR ALL TABLES| publication everything",
            "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END; $$;"
                    + " CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl()| event trigger audit_ddl",
            "CREATE TYPE int_range AS RANGE (SUBTYPE = integer)| range type public.int_range",
            "CREATE TYPE pair AS (a integer, b integer); CREATE TABLE pairs OF pair| typed table public.pairs",
    })
    void objectKindsTheDumpCannotRenderFailItLoudly(String sql, String object) throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(sql);
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("does not cover")
                        .hasMessageContaining(object);
            }
        }
    }

    @Test
    void objectsOfExtensionsComeWithTheirExtension() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            // btree_gist brings operator classes and functions, citext casts, operators and aggregates
            db.execute("CREATE EXTENSION btree_gist; CREATE EXTENSION citext");
            try (Connection c = db.connect()) {
                assertThat(db.engine().dumpSchema(c)).isEqualTo("""
                        CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

                        COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';

                        CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

                        COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';
                        """);
            }
        }
    }

    @Test
    void theFailedDumpLeavesTheSessionAsItWas() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer)");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c)).isInstanceOf(SQLException.class);
                try (var st = c.createStatement(); var rs = st.executeQuery("SHOW search_path")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
                }
            }
        }
    }
}
