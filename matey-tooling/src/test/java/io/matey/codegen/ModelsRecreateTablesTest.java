package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the catalog-level round trip ({@link SqlAlchemyModelsTest}) does not compare: a PostgreSQL index's key
 * options (operator classes and their parameters, collations, ordering), INCLUDE columns and storage parameters,
 * NULLS NOT DISTINCT, EXCLUDE constraints and a primary key's own name, recreated by {@code metadata.create_all()}
 * exactly as {@code pg_indexes} and {@code pg_constraint} show the replayed ones, with foreign keys' deferrability
 * and columns' collations; descending key parts on SQLite
 * and MariaDB; SQLite's {@code WITHOUT ROWID} and {@code STRICT} tables, and views left out of {@code create_all()}; and a MariaDB system-versioned table's model, whose key is the declared one, with a geometry's
 * Java type.
 */
class ModelsRecreateTablesTest {

    private static final String CREATE_ALL = """
            import importlib.util, sys
            import sqlalchemy as sa
            spec = importlib.util.spec_from_file_location('generated_models', sys.argv[1])
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            engine = sa.create_engine(sys.argv[2])
            metadata = (module.Base.metadata if hasattr(module, 'Base')
                        else module.SQLModel.metadata if hasattr(module, 'SQLModel') else module.metadata)
            metadata.create_all(engine)
            print(sorted(c.name for c in metadata.tables[sys.argv[3]].primary_key.columns))
            engine.dispose()
            """;

    @TempDir
    Path dir;

    @Test
    void postgresIndexOptionsAndPrimaryKeyNameAreRecreated() throws Exception {
        TestWorkspace ws = workspace("postgres");
        ws.migration("001_t.sql", """
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE TABLE t (id integer CONSTRAINT t_pk PRIMARY KEY, name text NOT NULL, code text, at timestamptz);
                CREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);
                CREATE INDEX t_name_gist ON t USING gist (name gist_trgm_ops (siglen = 32));
                CREATE INDEX t_code_pattern ON t (code COLLATE "C" text_pattern_ops DESC NULLS LAST, at);
                CREATE INDEX t_lower_name ON t (lower(name) text_pattern_ops, (code || name) DESC);
                CREATE UNIQUE INDEX t_code_covering ON t (code) INCLUDE (name, at) WITH (fillfactor = 70) WHERE code IS NOT NULL;
                CREATE TABLE plain (id integer PRIMARY KEY);""", "DROP TABLE plain; DROP TABLE t; DROP EXTENSION pg_trgm;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("PrimaryKeyConstraint('id', name='t_pk')",
                "Index('t_name_trgm', 'name', postgresql_using='gin', postgresql_ops={'name': 'gin_trgm_ops'})",
                "postgresql_ops={'code': 'COLLATE \"C\" text_pattern_ops DESC NULLS LAST'}",
                "text('lower(name) text_pattern_ops')", "postgresql_include=['name', 'at']",
                "postgresql_with={'fillfactor': '70'}")
                .as("the default name <table>_pkey is SQLAlchemy's too").doesNotContain("plain_pkey");

        String indexes = "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename <> 'schema_migrations' ORDER BY 1";
        String keys = "SELECT conname FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace "
                + "AND conrelid::regclass::text <> 'schema_migrations' ORDER BY 1";
        List<List<String>> recreated = sameInBoth(ws, "CREATE EXTENSION pg_trgm", "t", indexes, keys);
        assertThat(recreated.get(0)).hasSize(7);
        assertThat(recreated.get(1)).containsExactly("plain_pkey", "t_pk");
    }

    @Test
    void postgresNullsNotDistinctAndExclusionConstraintsAreRecreated() throws Exception {
        TestWorkspace ws = workspace("postgres");
        ws.migration("001_b.sql", """
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL,
                  code text, alt text, cancelled boolean NOT NULL DEFAULT false,
                  CONSTRAINT booking_code_uq UNIQUE NULLS NOT DISTINCT (code, alt),
                  CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&, code COLLATE "C" WITH =) WHERE (NOT cancelled),
                  CONSTRAINT booking_span EXCLUDE USING gist ((tsrange(lower(during), upper(during))) WITH &&));
                CREATE UNIQUE INDEX booking_alt ON booking (alt) NULLS NOT DISTINCT;""",
                "DROP TABLE booking; DROP EXTENSION btree_gist;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("from sqlalchemy.dialects.postgresql import ExcludeConstraint",
                "UniqueConstraint('code', 'alt', name='booking_code_uq', postgresql_nulls_not_distinct=True)",
                "Index('booking_alt', 'alt', unique=True, postgresql_nulls_not_distinct=True)",
                "ExcludeConstraint(('room', '='), ('during', '&&'), ('code', '='), name='booking_no_overlap', "
                        + "using='gist', where=text('NOT cancelled'), ops={'code': 'COLLATE \"C\"'})",
                "ExcludeConstraint((text('tsrange(lower(during), upper(during))'), '&&'), name='booking_span'");

        String definitions = "SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = 'booking'::regclass UNION ALL SELECT indexname || ': ' || indexdef FROM pg_indexes "
                + "WHERE tablename = 'booking' ORDER BY 1";
        assertThat(sameInBoth(ws, "CREATE EXTENSION btree_gist", "booking", definitions).get(0)).hasSize(9);
    }

    @Test
    void postgresPartitionedTablesAreRecreatedPartitioned() throws Exception {
        TestWorkspace ws = workspace("postgres");
        ws.migration("001_events.sql", """
                CREATE TABLE events (id bigint NOT NULL, occurred_at timestamptz NOT NULL, kind text,
                  PRIMARY KEY (id, occurred_at)) PARTITION BY RANGE (occurred_at);
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE TABLE tallies (kind text NOT NULL, n integer) PARTITION BY LIST (kind);""",
                "DROP TABLE tallies; DROP TABLE events;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("postgresql_partition_by='RANGE (occurred_at)'", "postgresql_partition_by='LIST (kind)'")
                .as("partitions are the migrations' to create").doesNotContain("events_2026");
        String partitioned = "SELECT c.relname || ': ' || pg_get_partkeydef(c.oid) FROM pg_partitioned_table p "
                + "JOIN pg_class c ON c.oid = p.partrelid ORDER BY 1";
        assertThat(sameInBoth(ws, null, "events", partitioned).get(0))
                .containsExactly("events: RANGE (occurred_at)", "tallies: LIST (kind)");

        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config("postgres", "generator = \"sqlmodels\"\n"));
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/models.py"))
                .contains("__table_args__ = {'postgresql_partition_by': 'RANGE (occurred_at)'}");
    }

    @Test
    void postgresForeignKeyDeferrabilityAndColumnCollationsAreRecreated() throws Exception {
        TestWorkspace ws = workspace("postgres");
        String collation = "CREATE SCHEMA app;\n"
                + "CREATE COLLATION app.german_ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);";
        ws.migration("001_books.sql", collation + """

                CREATE TABLE authors (id int PRIMARY KEY, code text, region int, sort_name text COLLATE app.german_ci,
                  tag varchar(10) COLLATE "C", tags text[] COLLATE "C", plain text, UNIQUE (code, region));
                CREATE TABLE books (id int PRIMARY KEY, author_id int REFERENCES authors DEFERRABLE INITIALLY DEFERRED,
                  editor_id int REFERENCES authors DEFERRABLE, code text, region int,
                  FOREIGN KEY (code, region) REFERENCES authors (code, region) DEFERRABLE INITIALLY DEFERRED);""",
                "DROP TABLE books; DROP TABLE authors; DROP SCHEMA app CASCADE;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("ForeignKey('authors.id', deferrable=True, initially='DEFERRED', name='books_author_id_fkey')",
                "ForeignKey('authors.id', deferrable=True, name='books_editor_id_fkey')",
                "ForeignKeyConstraint(['code', 'region'], ['authors.code', 'authors.region'], deferrable=True, "
                        + "initially='DEFERRED', name='books_code_region_fkey')",
                "Column('sort_name', Text(collation='app\".\"german_ci'))", "Column('tag', String(10, collation='C'))",
                "Column('tags', ARRAY(Text(collation='C')))", "Column('plain', Text)");

        String keys = "SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' ORDER BY 1";
        String columns = "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' "
                + "|| COALESCE(co.collnamespace::regnamespace || '.' || co.collname, '-') FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_collation co ON co.oid = a.attcollation "
                + "WHERE c.relname IN ('authors', 'books') AND a.attnum > 0 ORDER BY 1";
        List<List<String>> recreated = sameInBoth(ws, collation, "books", keys, columns);
        assertThat(recreated.get(0)).contains(
                "books_author_id_fkey: FOREIGN KEY (author_id) REFERENCES authors(id) DEFERRABLE INITIALLY DEFERRED",
                "books_editor_id_fkey: FOREIGN KEY (editor_id) REFERENCES authors(id) DEFERRABLE");
        assertThat(recreated.get(1)).contains("authors.sort_name text app.german_ci", "authors.tag character varying(10) pg_catalog.C",
                "authors.tags text[] pg_catalog.C", "authors.plain text pg_catalog.default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "mysql"})
    void descendingKeyPartsAreRecreated(String engine) throws Exception {
        TestWorkspace ws = workspace(engine);
        boolean sqlite = engine.equals("sqlite");
        ws.migration("001_t.sql", sqlite ? """
                CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT, at TEXT);
                CREATE INDEX t_name_desc ON t (name DESC, code);
                CREATE UNIQUE INDEX t_code_at ON t (code, at DESC);
                CREATE INDEX t_lower ON t (lower(name) DESC, at);""" : """
                CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, code VARCHAR(40), at DATETIME,
                  UNIQUE KEY t_code_at (code, at DESC), KEY t_name_desc (name DESC, code),
                  KEY t_prefix (name(10) DESC, code(5), at DESC));""", "DROP TABLE t;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("Index('t_name_desc', column('name').desc(), 'code')",
                "Index('t_code_at', 'code', column('at').desc(), unique=True)");
        assertThat(models).contains(sqlite ? "text('lower(name) DESC')"
                : "Index('t_prefix', literal_column('`name`(10) DESC'), 'code', literal_column('`at` DESC'), mysql_length={'code': 5})");

        String parts = sqlite
                ? "SELECT i.name || ' ' || x.seqno || ' ' || coalesce(x.name, 'expr') || ' ' || x.\"desc\" || ' ' "
                        + "|| i.\"unique\" FROM pragma_index_list('t') i, pragma_index_xinfo(i.name) x WHERE x.key = 1 ORDER BY 1"
                : "SELECT CONCAT_WS(' ', INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, COLLATION, IFNULL(SUB_PART, '-'), NON_UNIQUE) "
                        + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' ORDER BY 1";
        assertThat(sameInBoth(ws, null, "t", parts).get(0)).hasSize(sqlite ? 6 : 8);
    }

    @Test
    void sqliteTableOptionsAreRecreatedAndViewsAreNoTables() throws Exception {
        TestWorkspace ws = workspace("sqlite");
        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config("sqlite", "generator = \"declarative\"\n"));
        ws.migration("001_s.sql", """
                CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID, STRICT;
                CREATE TABLE samples (id INTEGER PRIMARY KEY, n INTEGER, r REAL, b BLOB, raw ANY) STRICT;
                CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
                CREATE TABLE log (at TEXT, message TEXT);
                CREATE VIEW setting_kinds AS SELECT key, json_extract(value, '$.kind') AS kind FROM settings;""",
                "DROP VIEW setting_kinds; DROP TABLE log; DROP TABLE kv; DROP TABLE samples; DROP TABLE settings;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("__table_args__ = {'sqlite_with_rowid': False, 'sqlite_strict': True}",
                "__table_args__ = {'sqlite_strict': True}", "__table_args__ = {'sqlite_with_rowid': False}",
                "raw: Mapped[Optional[Any]] = mapped_column(NativeType('ANY'))",
                "view_metadata = MetaData()\n\n\nt_setting_kinds = Table(\n    'setting_kinds', view_metadata,");

        String tables = "SELECT name || ' ' || type || ' ' || wr || ' ' || strict FROM pragma_table_list "
                + "WHERE schema = 'main' AND name NOT LIKE 'sqlite%' AND name <> 'schema_migrations' ORDER BY 1";
        String columns = "SELECT m.name || '.' || c.name || ' ' || c.type FROM sqlite_master m, pragma_table_info(m.name) c "
                + "WHERE m.type = 'table' AND m.name IN ('samples', 'settings') ORDER BY 1";
        try (TestDatabase source = TestDatabase.create("sqlite"); TestDatabase empty = TestDatabase.create("sqlite")) {
            source.execute(ws.read(TestWorkspace.TARGET + "/schema.sql"));
            createAll(ws, empty, "settings");
            assertThat(empty.firstColumn(tables)).as("the source's tables, no view").containsExactly(
                    "kv table 1 0", "log table 0 0", "samples table 0 1", "settings table 1 1")
                    .isEqualTo(source.firstColumn(tables).stream().filter(row -> !row.contains(" view ")).toList());
            assertThat(empty.firstColumn(columns)).isEqualTo(source.firstColumn(columns));
        }
    }

    @Test
    void mariadbSystemVersionedTablesKeepTheDeclaredKey() throws Exception {
        TestWorkspace ws = workspace("mysql");
        ws.migration("001_ph.sql", """
                CREATE TABLE ph (id INT NOT NULL PRIMARY KEY, code INT UNIQUE, price DECIMAL(12,2) NOT NULL) WITH SYSTEM VERSIONING;
                CREATE TABLE px (id INT PRIMARY KEY, valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START,
                  valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END, PERIOD FOR SYSTEM_TIME (valid_from, valid_to))
                  WITH SYSTEM VERSIONING;
                CREATE TABLE places (id INT PRIMARY KEY, pos POINT NOT NULL);""", "DROP TABLE places; DROP TABLE px; DROP TABLE ph;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).doesNotContain("row_end", "row_start", "PrimaryKeyConstraint", "ROW START", "ROW END")
                .contains("Column('id', Integer, primary_key=True", "Column('valid_to', ", "UniqueConstraint('code'");
        try (TestDatabase empty = TestDatabase.create("mysql")) {
            assertThat(createAll(ws, empty, "px").strip()).isEqualTo("['id']");
        }

        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config("mysql",
                "generator = \"java-records\"\npackage = \"com.example.db\"\noutput = \"generated\"\n"));
        ws.apply();
        String record = ws.read(TestWorkspace.TARGET + "/generated/com/example/db/Ph.java");
        assertThat(record).contains("Integer code").doesNotContain("row_end", "rowEnd");
        assertThat(ws.read(TestWorkspace.TARGET + "/generated/com/example/db/Places.java"))
                .as("a geometry is the driver's byte[]").contains("byte[] pos");
    }

    /**
     * MariaDB: an AUTO_INCREMENT column in a composite key, a default drawing from a sequence (which create_all must
     * create first, with its options), a table's own character set and collation, and partitioning.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tables", "declarative", "dataclasses", "sqlmodels"})
    void mariadbSequencesAutoIncrementKeysAndTableOptionsAreRecreated(String generator) throws Exception {
        TestWorkspace ws = workspace("mysql");
        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config("mysql", "generator = \"" + generator + "\"\n"));
        ws.migration("001_t.sql", """
                CREATE SEQUENCE invoice_seq START WITH 1000 INCREMENT BY 5;
                CREATE SEQUENCE odd_seq START WITH 10 MINVALUE 5 MAXVALUE 100 INCREMENT BY -2 CACHE 0 CYCLE;
                CREATE TABLE invoices (id BIGINT DEFAULT NEXT VALUE FOR invoice_seq PRIMARY KEY,
                  odd INT DEFAULT (NEXT VALUE FOR odd_seq), label VARCHAR(20), code VARCHAR(10) COLLATE utf8mb4_bin)
                  DEFAULT CHARSET=latin1 COLLATE=latin1_german1_ci;
                CREATE TABLE credit_notes (id BIGINT NOT NULL DEFAULT NEXT VALUE FOR invoice_seq PRIMARY KEY);
                CREATE TABLE page_views (id BIGINT AUTO_INCREMENT, viewed_at DATE, PRIMARY KEY (id, viewed_at))
                  PARTITION BY RANGE (YEAR(viewed_at)) (PARTITION p2025 VALUES LESS THAN (2026),
                  PARTITION pmax VALUES LESS THAN MAXVALUE);
                CREATE TABLE counters (n INT PRIMARY KEY);""",
                "DROP TABLE counters; DROP TABLE page_views; DROP TABLE credit_notes; DROP TABLE invoices; "
                        + "DROP SEQUENCE odd_seq; DROP SEQUENCE invoice_seq;");
        ws.apply();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("Sequence('invoice_seq', start=1000, increment=5)",
                "Sequence('odd_seq', start=10, increment=-2, minvalue=5, maxvalue=100, cache=0, cycle=True)",
                "primary_key=True, autoincrement=True", "mysql_charset", "'latin1'", "mysql_collate", "'latin1_german1_ci'",
                "collation='utf8mb4_bin'", "mysql_partition_by", "'RANGE (year(`viewed_at`))\\n(PARTITION `p2025`",
                "autoincrement=False")
                .as("the latin1 table gives its columns their collation").doesNotContain("collation='latin1_german1_ci'");

        String tables = "SELECT CONCAT_WS(' ', TABLE_NAME, TABLE_TYPE, TABLE_COLLATION, CREATE_OPTIONS) "
                + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'schema_migrations' ORDER BY 1";
        String columns = "SELECT CONCAT_WS(' ', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
                + "REPLACE(IFNULL(COLUMN_DEFAULT, '-'), DATABASE(), 'db'), EXTRA, IFNULL(COLLATION_NAME, '-')) "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN "
                + "('invoices', 'credit_notes', 'page_views', 'counters') ORDER BY 1";
        String partitions = "SELECT CONCAT_WS(' ', TABLE_NAME, PARTITION_NAME, PARTITION_METHOD, PARTITION_EXPRESSION, "
                + "PARTITION_DESCRIPTION) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND PARTITION_NAME IS NOT NULL ORDER BY 1";
        String sequences = "SELECT CONCAT_WS(' ', 'invoice_seq', start_value, increment, minimum_value, maximum_value, "
                + "cache_size, cycle_option) FROM invoice_seq UNION ALL SELECT CONCAT_WS(' ', 'odd_seq', start_value, "
                + "increment, minimum_value, maximum_value, cache_size, cycle_option) FROM odd_seq";
        List<List<String>> recreated = sameInBoth(ws, null, "page_views", tables, columns, partitions, sequences);
        assertThat(recreated.get(0)).contains("invoice_seq SEQUENCE utf8mb4_general_ci ",
                "invoices BASE TABLE latin1_german1_ci ", "page_views BASE TABLE utf8mb4_general_ci partitioned");
        assertThat(recreated.get(1)).contains("page_views id bigint(20) NO - auto_increment -",
                "credit_notes id bigint(20) NO nextval(`db`.`invoice_seq`)  -");
        assertThat(recreated.get(2)).hasSize(2);
    }

    private TestWorkspace workspace(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.env().put("DB_CORE_DATABASE_URL", SqlAlchemyModelsTest.NOWHERE);
        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config(engine, "generator = \"tables\"\n"));
        return ws;
    }

    /**
     * Loads schema.sql into a new database and the models' {@code create_all()} into another ({@code setup}, if
     * any, run there first); each query must give the same rows in both. Returns each query's rows.
     */
    private static List<List<String>> sameInBoth(TestWorkspace ws, String setup, String table, String... queries)
            throws SQLException {
        try (TestDatabase source = TestDatabase.create(ws.engine()); TestDatabase empty = TestDatabase.create(ws.engine())) {
            source.execute(ws.read(TestWorkspace.TARGET + "/schema.sql"));
            if (setup != null) {
                empty.execute(setup);
            }
            createAll(ws, empty, table);
            List<List<String>> rows = new ArrayList<>();
            for (String query : queries) {
                List<String> recreated = empty.firstColumn(query);
                assertThat(recreated).as(query).isEqualTo(source.firstColumn(query));
                rows.add(recreated);
            }
            return rows;
        }
    }

    /** Runs the models' {@code metadata.create_all()} in {@code db}; returns {@code table}'s key columns. */
    private static String createAll(TestWorkspace ws, TestDatabase db, String table) {
        Python.Interpreter python = Python.sqlAlchemy2();
        python.requireDriver(ws.engine());
        return python.run(List.of("-c", CREATE_ALL, ws.target().resolve("models.py").toString(),
                Python.sqlalchemyUrl(db.url()), table));
    }
}
