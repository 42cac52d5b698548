package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.PythonModels;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codegen on ClickHouse through {@code schema apply}: the rich-schema fixture's tables become SQLAlchemy models and
 * Java records with ClickHouse's types mapped (generic SQLAlchemy types where one holds the values, NativeType under
 * the ClickHouse name otherwise; Java types as clickhouse-jdbc returns them). The SQLAlchemy module is also loaded
 * by a real Python with SQLAlchemy when {@code MATEY_TEST_PYTHON} names one.
 */
class ClickHouseCodegenModelsTest {

    @TempDir
    Path dir;

    @Test
    void sqlAlchemyTablesNameColumnsWithTheirTypes() throws Exception {
        TestWorkspace ws = workspace("");
        String models = ws.read(TestWorkspace.TARGET + "/models.py");

        assertThat(models).contains("t_events = Table(", "t_users = Table(", "t_daily_event_counts = Table(")
                .as("the materialized view and the dictionary are no models")
                .doesNotContain("daily_event_counts_mv", "user_plans");
        assertThat(models).contains(
                "Column('event_id', NativeType('UUID'), nullable=False, server_default=text('generateUUIDv4()'))",
                "Column('occurred_at', DateTime(timezone=True), nullable=False)",
                "Column('user_id', NativeType('UInt64'), primary_key=True)",
                "Column('session_id', NativeType('UUID'))",
                "Column('event_name', String, primary_key=True)",
                "Column('kind', Enum('view', 'click', 'purchase'), nullable=False)",
                "Column('properties', NativeType('Map(LowCardinality(String), String)'), nullable=False)",
                "Column('tags', ARRAY(String), nullable=False)",
                "Column('client_ip6', NativeType('IPv6'))",
                "Column('revenue', Numeric(18, 4), nullable=False, server_default=text('0'))",
                "Column('load_ms', Float(53), nullable=False)",
                "Column('location', NativeType('Tuple(lat Float64, lon Float64)'), nullable=False)",
                "Column('note', String, comment='free text from the client')",
                "comment='raw product events, one row per client event'",
                "Column('users', NativeType('AggregateFunction(uniq, UInt64)'), nullable=False)",
                "Column('version', BigInteger, nullable=False)",
                // the key's order is not the columns' (user_id comes first in the table)
                "PrimaryKeyConstraint('event_name', 'user_id')");
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("PRIMARY KEY (event_name, user_id)");

        PythonModels.tableNames(ws.target().resolve("models.py")).ifPresent(loaded -> assertThat(loaded)
                .as("models.py loads in SQLAlchemy").contains("['daily_event_counts', 'events', 'users']"));
        PythonModels.createTables(ws.target().resolve("models.py")).ifPresent(created -> assertThat(created)
                .as("the metadata creates the key in schema.sql's order").contains("PRIMARY KEY (event_name, user_id)"));
    }

    @Test
    void expressionsLoseTheScratchDatabasesQualifierAsInTheDump() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.write(TestWorkspace.TARGET + "/config.toml", "engine = \"clickhouse\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[codegen]\nenabled = true\n");
        ws.migration("001_c.sql", "CREATE TABLE c (code String, name String) ENGINE = MergeTree ORDER BY code;\n"
                + "CREATE TABLE j (code String, rank UInt8) ENGINE = Join(ANY, LEFT, code);\n"
                + "CREATE DICTIONARY d (code String, name String) PRIMARY KEY code SOURCE(CLICKHOUSE(TABLE 'c')) "
                + "LIFETIME(0) LAYOUT(COMPLEX_KEY_HASHED());", "DROP DICTIONARY d; DROP TABLE j; DROP TABLE c;");
        ws.migration("002_u.sql", "CREATE TABLE u (id UInt64, cc String, "
                + "cname String DEFAULT dictGetOrDefault('d', 'name', tuple(cc), ''), "
                + "upper_name String MATERIALIZED upper(dictGet('d', 'name', tuple(cc))), "
                + "rank UInt8 ALIAS joinGet('j', 'rank', cc)) ENGINE = MergeTree ORDER BY id;", "DROP TABLE u;");
        assertThat(ws.apply().changed()).isTrue();

        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("dictGetOrDefault('d', 'name', tuple(cc), '')", "dictGet('d', 'name', tuple(cc))",
                "joinGet('j', 'rank', cc)").doesNotContain("replay");
        assertThat(ws.apply().changed()).as("a second apply's models are the first's").isFalse();
    }

    /**
     * A key column the sorting key quotes ({@code `a.b`}, a keyword) is a primary key column; a SimpleAggregateFunction
     * is typed as its argument type, in records and models alike.
     */
    @Test
    void quotedKeysSimpleAggregatesAndParameterisedJsonMapAsTheirPlainForms() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.write(TestWorkspace.TARGET + "/config.toml", "engine = \"clickhouse\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[codegen]\nenabled = true\n"
                + "generator = \"java-records\"\npackage = \"com.example.db\"\noutput = \"generated\"\n");
        ws.migration("001_t.sql", "CREATE TABLE t (`a.b` UInt64, `select` String, total SimpleAggregateFunction(sum, UInt64), "
                + "doc JSON(max_dynamic_paths = 16, x.y UInt32)) ENGINE = MergeTree ORDER BY (`a.b`, `select`);",
                "DROP TABLE t;");
        ws.apply();
        String record = Files.readString(ws.target().resolve("generated/com/example/db/T.java"));
        assertThat(record).contains("BigInteger total").doesNotContain("Object total");

        ws.write(TestWorkspace.TARGET + "/config.toml", "engine = \"clickhouse\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[codegen]\nenabled = true\n");
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/models.py")).contains(
                "Column('a.b', NativeType('UInt64'), primary_key=True)", "Column('select', String, primary_key=True)",
                "Column('total', NativeType('UInt64'), nullable=False)",
                "Column('doc', NativeType('JSON(max_dynamic_paths=16, `x.y` UInt32)'), nullable=False)");
    }

    @Test
    void declarativeArraysAreListsOfTheirElementType() throws Exception {
        TestWorkspace ws = workspace("generator = \"declarative\"\n");
        assertThat(ws.read(TestWorkspace.TARGET + "/models.py")).contains("tags: Mapped[list[str]] = mapped_column(ARRAY(String)");
        PythonModels.tableNames(ws.target().resolve("models.py")).ifPresent(loaded -> assertThat(loaded)
                .as("models.py loads in SQLAlchemy").contains("'events'"));
    }

    @Test
    void javaRecordsUseTheDriversTypes() throws Exception {
        TestWorkspace ws = workspace("generator = \"java-records\"\npackage = \"com.example.db\"\noutput = \"generated\"\n");
        Path records = ws.target().resolve("generated/com/example/db");
        try (Stream<Path> files = Files.list(records)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .contains("DailyEventCounts.java", "Events.java", "Users.java");
        }
        String events = Files.readString(records.resolve("Events.java"));
        assertThat(events).contains("UUID eventId", "LocalDateTime occurredAt", "BigInteger userId",
                "String eventName", "List<String> tags", "Map<?, ?> properties", "InetAddress clientIp",
                "BigDecimal revenue", "double loadMs", "Object[] location");
    }

    /** A workspace holding the rich-schema fixture with codegen on ({@code extra} configures it), applied. */
    private TestWorkspace workspace(String extra) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.write(TestWorkspace.TARGET + "/config.toml", "engine = \"clickhouse\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[codegen]\nenabled = true\n" + extra);
        List<Path> migrations;
        try (Stream<Path> files = Files.list(ClickHouseCodegenReaderTest.fixture("rich-schema"))) {
            migrations = files.sorted().toList();
        }
        for (Path migration : migrations) {
            ws.write(TestWorkspace.TARGET + "/migrations/" + migration.getFileName(), Files.readString(migration));
        }
        ws.apply();
        return ws;
    }
}
