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
            "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler| access method heap2",
            // the operator that named it as its commutator is gone: no SQL creates the shell alone
            "CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq, COMMUTATOR = ====);"
                    + " DROP OPERATOR === (integer, integer)| shell operator public.====(integer,integer)",
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
            db.execute("CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler");
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
