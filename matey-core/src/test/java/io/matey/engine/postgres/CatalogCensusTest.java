package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The census lets a reader run exactly when its catalogs hold something the user created. */
class CatalogCensusTest {

    private static final String[] KINDS = {"pg_cast", "pg_operator", "pg_amproc", CatalogCensus.RULES, "pg_policy"};
    private static final String[] COMMON_KINDS = {CatalogCensus.TYPES, CatalogCensus.BASE_TYPES, "pg_sequence",
            CatalogCensus.FUNCTIONS, CatalogCensus.TRIGGERS};

    @Test
    void tablesViewsAndFunctionsUseNoRareCatalog() throws SQLException {
        assertThat(readersRun("""
                CREATE TABLE t (id serial PRIMARY KEY, n integer);
                CREATE VIEW v AS SELECT id FROM t;
                CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
                """)).isEmpty();
    }

    @Test
    void eachRareObjectWakesItsReader() throws SQLException {
        assertThat(readersRun("""
                CREATE TABLE t (id integer PRIMARY KEY, n integer);
                CREATE FUNCTION same(integer, integer) RETURNS boolean LANGUAGE sql AS 'SELECT $1 = $2';
                CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = same);
                CREATE RULE t_keep AS ON DELETE TO t DO INSTEAD NOTHING;
                ALTER TABLE t ENABLE ROW LEVEL SECURITY;
                CREATE POLICY t_all ON t USING (true);
                """)).containsExactly("pg_operator", CatalogCensus.RULES, "pg_policy");
    }

    @Test
    void tablesKeysAndViewsNeedNoTypeSequenceFunctionOrTriggerReader() throws SQLException {
        assertThat(readersRun(COMMON_KINDS, """
                CREATE TABLE a (id integer PRIMARY KEY);
                CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a, n integer[]);
                CREATE VIEW v AS SELECT id FROM b;
                """)).isEmpty();
    }

    @Test
    void eachCommonKindWakesItsReader() throws SQLException {
        assertThat(readersRun(COMMON_KINDS, """
                CREATE TABLE t (id serial PRIMARY KEY);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
                CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();
                """)).containsExactly("pg_sequence", CatalogCensus.FUNCTIONS, CatalogCensus.TRIGGERS);
        assertThat(readersRun(COMMON_KINDS, "CREATE TYPE mood AS ENUM ('ok')")).containsExactly(CatalogCensus.TYPES);
        assertThat(readersRun(COMMON_KINDS, "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)"))
                .containsExactly(CatalogCensus.TYPES);
        assertThat(readersRun(COMMON_KINDS, "CREATE TYPE pair AS (a integer, b integer)"))
                .containsExactly(CatalogCensus.TYPES);
        assertThat(readersRun(COMMON_KINDS, "CREATE TYPE later")).containsExactly(CatalogCensus.BASE_TYPES);
    }

    @Test
    void anOperatorAddedToABuiltInFamilyCounts() throws SQLException {
        assertThat(readersRun("""
                CREATE FUNCTION int_num_cmp(integer, numeric) RETURNS integer LANGUAGE sql
                    AS 'SELECT CASE WHEN $1 < $2 THEN -1 WHEN $1 > $2 THEN 1 ELSE 0 END';
                ALTER OPERATOR FAMILY integer_ops USING btree
                    ADD FUNCTION 1 (integer, numeric) int_num_cmp(integer, numeric);
                """)).containsExactly("pg_amproc");
    }

    /** Without a grant the privileges are not read, so the dump of a schema that has none is what it was before. */
    @Test
    void privilegesAreReadOnlyWhenSomethingWasGrantedOrRevoked() throws SQLException {
        String[] privileges = {CatalogCensus.PRIVILEGES};
        assertThat(readersRun(privileges, RichSchema.IN_ORDER)).isEmpty();
        assertThat(readersRun(privileges, RichSchema.CORNERS)).isEmpty();
        assertThat(readersRun(privileges, "CREATE TABLE t (id integer); GRANT SELECT ON t TO PUBLIC"))
                .containsExactly(CatalogCensus.PRIVILEGES);
        assertThat(readersRun(privileges, "CREATE TABLE t (id integer); GRANT SELECT (id) ON t TO PUBLIC"))
                .containsExactly(CatalogCensus.PRIVILEGES);
        assertThat(readersRun(privileges, "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';"
                + " REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC")).containsExactly(CatalogCensus.PRIVILEGES);
        assertThat(readersRun(privileges, "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC"))
                .containsExactly(CatalogCensus.PRIVILEGES);
    }

    private static List<String> readersRun(String sql) throws SQLException {
        return readersRun(KINDS, sql);
    }

    private static List<String> readersRun(String[] kinds, String sql) throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(sql);
            try (Connection c = db.connect()) {
                CatalogCensus census = CatalogCensus.take(new Catalog(c));
                List<String> used = new ArrayList<>();
                for (String kind : kinds) {
                    if (census.uses(kind)) {
                        used.add(kind);
                    }
                }
                return used;
            }
        }
    }
}
