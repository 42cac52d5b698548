package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical ClickHouse dump on the real engine: complete, deterministic, free of its database's name, a fixed point. */
class ClickHouseSchemaDumpTest {

    /** A product-analytics schema touching every kind the dump covers; {@code DB} stands for the database's own name. */
    private static final List<String> RICH_SCHEMA = List.of(
            """
            CREATE TABLE events (
                id UInt64 CODEC(Delta, ZSTD(3)),
                kind LowCardinality(String),
                note Nullable(String),
                tags Array(String),
                attributes Map(String, UInt32),
                happened_at DateTime64(3, 'UTC') DEFAULT now64(3),
                amount Decimal(18, 4),
                trace_id UUID,
                client_ip IPv4,
                level Enum8('debug' = 1, 'info' = 2, 'error' = 3),
                INDEX note_bf note TYPE bloom_filter GRANULARITY 4,
                PROJECTION per_kind (SELECT kind, count() GROUP BY kind)
            ) ENGINE = MergeTree
            PARTITION BY toYYYYMM(happened_at)
            ORDER BY (kind, id)
            TTL toDateTime(happened_at) + INTERVAL 2 YEAR
            SETTINGS index_granularity = 8192, min_bytes_for_wide_part = 0""",
            "CREATE TABLE daily_counts (day Date, kind LowCardinality(String), events UInt64) "
                    + "ENGINE = SummingMergeTree ORDER BY (day, kind)",
            "CREATE TABLE users (id UInt64, name String, updated_at DateTime) ENGINE = ReplacingMergeTree(updated_at) ORDER BY id "
                    + "SETTINGS index_granularity = 1024",
            "CREATE TABLE kind_labels (kind String, label String) ENGINE = MergeTree ORDER BY kind",
            "CREATE DICTIONARY kind_dict (kind String, label String DEFAULT '?') PRIMARY KEY kind "
                    + "SOURCE(CLICKHOUSE(DB 'DB' TABLE 'kind_labels')) LIFETIME(MIN 0 MAX 300) LAYOUT(COMPLEX_KEY_HASHED())",
            "CREATE TABLE labelled (kind String, label String DEFAULT dictGet('DB.kind_dict', 'label', tuple(kind))) "
                    + "ENGINE = MergeTree ORDER BY kind",
            "CREATE MATERIALIZED VIEW daily_counts_mv TO DB.daily_counts AS "
                    + "SELECT toDate(happened_at) AS day, kind, count() AS events FROM DB.events GROUP BY day, kind",
            "CREATE MATERIALIZED VIEW error_ids ENGINE = MergeTree ORDER BY id AS SELECT id FROM events WHERE level = 'error'",
            "CREATE VIEW busy_days AS SELECT day, sum(events) AS n FROM daily_counts_mv GROUP BY day HAVING n > 100",
            "CREATE VIEW a_first_view AS SELECT kind FROM busy_days AS b JOIN kind_labels AS l ON 1 = 1 LIMIT 0");

    @Test
    void anEmptyDatabaseDumpsToNothing() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            assertThat(db.engine().dumpSchema(c)).isEmpty();
            assertThat(db.engine().zeroBaseline()).isEmpty();
        }
    }

    /**
     * ClickHouse writes a literal's bytes back raw ({@code '\\xFF'}), which the driver would read as U+FFFD, so two
     * different values would dump alike: a definition that is not UTF-8 is refused naming the object and the place.
     */
    @Test
    void aDefinitionHoldingBytesThatAreNotUtf8IsRefusedNamingTheObject() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.execute("CREATE TABLE t (id UInt32, s String DEFAULT 'caf\u00e9' COMMENT 'na\u00efve') ENGINE = MergeTree ORDER BY id");
            assertThat(db.engine().dumpSchema(c)).contains("`s` String DEFAULT 'caf\u00e9' COMMENT 'na\u00efve'");
            db.execute("CREATE TABLE u (id UInt32, s String DEFAULT 'caf\u00e9\\xFF') ENGINE = MergeTree ORDER BY id");
            assertThatThrownBy(() -> db.engine().dumpSchema(c)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("ClickHouse object 'u': its definition holds bytes that are not UTF-8 (byte "
                            + "0xFF after \"")
                    .hasMessageEndingWith("`s` String DEFAULT 'caf\u00e9\"), in a string literal, comment or quoted name, "
                            + "which ClickHouse writes back as raw bytes that schema.sql (UTF-8) cannot hold. Write such a "
                            + "value as an expression, e.g. unhex('FF'), and comments and names in UTF-8.");
        }
    }

    @Test
    void aRichSchemaDumpsCanonicallyAndIsAFixedPointInAnotherDatabase() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); TestDatabase copy = TestDatabase.create("clickhouse")) {
            String database = db.url().path();
            create(db, RICH_SCHEMA);
            String dump = dump(db);

            assertThat(dump).doesNotContain(database).doesNotContain("index_granularity = 8192")
                    .doesNotContain(".inner").doesNotContain("schema_migrations")
                    .contains("SETTINGS min_bytes_for_wide_part = 0", "SETTINGS index_granularity = 1024")
                    .contains("CODEC(Delta(8), ZSTD(3))", "PROJECTION per_kind", "INDEX note_bf note TYPE bloom_filter GRANULARITY 4")
                    .contains("TTL toDateTime(happened_at) + toIntervalYear(2)", "PARTITION BY toYYYYMM(happened_at)")
                    .contains("CREATE MATERIALIZED VIEW daily_counts_mv TO daily_counts\n", "FROM events\n")
                    .contains("SOURCE(CLICKHOUSE(TABLE 'kind_labels'))", "dictGet('kind_dict', 'label', tuple(kind))")
                    .endsWith(";\n");
            assertThat(order(dump)).containsExactly("TABLE daily_counts", "TABLE events", "TABLE kind_labels", "TABLE users",
                    "DICTIONARY kind_dict", "TABLE labelled", "VIEW daily_counts_mv", "VIEW busy_days", "VIEW a_first_view",
                    "VIEW error_ids");

            copy.execute(dump);
            assertThat(dump(copy)).isEqualTo(dump);
        }
    }

    @Test
    void theDumpDoesNotDependOnCreationOrderOrOnQualifiedNames() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); TestDatabase other = TestDatabase.create("clickhouse")) {
            create(db, RICH_SCHEMA);
            List<String> reordered = new ArrayList<>(RICH_SCHEMA);
            String users = reordered.stream().filter(sql -> sql.startsWith("CREATE TABLE users")).findFirst().orElseThrow();
            reordered.remove(users);
            reordered.add(users);
            reordered.add(0, reordered.remove(reordered.indexOf(reordered.stream()
                    .filter(sql -> sql.startsWith("CREATE TABLE kind_labels")).findFirst().orElseThrow())));
            create(other, reordered.stream().map(sql -> sql.replaceFirst("^CREATE (TABLE|VIEW) ", "CREATE $1 DB.")).toList());

            assertThat(dump(other)).isEqualTo(dump(db));
        }
    }

    @Test
    void anObjectWhoseDefinitionHidesASecretFailsTheDumpByName() throws SQLException {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            ClickHouseEngineTest.execute(c, "CREATE TABLE kind_labels (kind String, label String) ENGINE = MergeTree ORDER BY kind");
            ClickHouseEngineTest.execute(c, "CREATE DICTIONARY remote_dict (kind String, label String) PRIMARY KEY kind "
                    + "SOURCE(CLICKHOUSE(TABLE 'kind_labels' USER 'default' PASSWORD 'pw')) LIFETIME(0) LAYOUT(COMPLEX_KEY_HASHED())");

            assertThatThrownBy(() -> db.engine().dumpSchema(c)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("'remote_dict' holds a secret").hasMessageNotContaining("pw'");
        }
    }

    static void create(TestDatabase db, List<String> statements) throws SQLException {
        try (Connection c = db.connect()) {
            for (String sql : statements) {
                ClickHouseEngineTest.execute(c, sql.replace("DB.", db.url().path() + ".").replace("'DB'", "'" + db.url().path() + "'"));
            }
        }
    }

    static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.engine().dumpSchema(c);
        }
    }

    /** Kind and name of each dumped object, in dump order. */
    private static List<String> order(String dump) {
        return dump.lines().filter(l -> l.startsWith("CREATE "))
                .map(l -> l.replaceFirst("^CREATE (MATERIALIZED )?(TABLE|VIEW|DICTIONARY) (\\w+).*", "$2 $3")).toList();
    }
}
