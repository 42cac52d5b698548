package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.codegen.model.Column;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.migration.MigrationParser;
import io.matey.testing.TestDatabase;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ClickHouse codegen reader over the rich-schema fixture on the test server, and the type parser it reads
 * {@code system.columns} with.
 */
class ClickHouseCodegenReaderTest {

    @Test
    void readsTablesAndViewsWithTheirValueTypesKeysAndComments() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            for (String up : richSchemaUps()) {
                db.execute(up);
            }
            SchemaModel model;
            try (Connection c = db.connect()) {
                model = new ClickHouseCodegen().read(c);
            }

            assertThat(model.tables()).extracting(Table::name)
                    .as("the materialized view and the dictionary are no models")
                    .containsExactly("daily_event_counts", "events", "users");
            Table events = model.find(null, "events");
            assertThat(events.view()).isFalse();
            assertThat(events.comment()).isEqualTo("raw product events, one row per client event");
            assertThat(events.primaryKey()).containsExactly("event_name", "user_id");

            Column eventId = events.column("event_id");
            assertThat(eventId.type().name()).isEqualTo("uuid");
            assertThat(eventId.nullable()).isFalse();
            assertThat(eventId.serverDefault()).isEqualTo("generateUUIDv4()");
            Column occurred = events.column("occurred_at");
            assertThat(occurred.type().name()).isEqualTo("datetime64");
            assertThat(occurred.type().precision()).isEqualTo(3);
            assertThat(occurred.type().declared()).isEqualTo("DateTime64(3, 'UTC')");
            Column session = events.column("session_id");
            assertThat(session.type().name()).isEqualTo("uuid");
            assertThat(session.nullable()).isTrue();
            Column name = events.column("event_name");
            assertThat(name.type().name()).isEqualTo("string");
            assertThat(name.type().declared()).isEqualTo("LowCardinality(String)");
            assertThat(events.column("kind").type().labels()).containsExactly("view", "click", "purchase");
            Column tags = events.column("tags");
            assertThat(tags.type().name()).isEqualTo("array");
            assertThat(tags.type().element().name()).isEqualTo("string");
            assertThat(events.column("properties").type().name()).isEqualTo("map");
            assertThat(events.column("location").type().name()).isEqualTo("tuple");
            assertThat(events.column("client_ip").type().name()).isEqualTo("ipv4");
            assertThat(events.column("client_ip6").nullable()).isTrue();
            Column revenue = events.column("revenue");
            assertThat(revenue.type().name()).isEqualTo("decimal");
            assertThat(revenue.type().precision()).isEqualTo(18);
            assertThat(revenue.type().scale()).isEqualTo(4);
            assertThat(events.column("user_id").type().unsigned()).isTrue();
            assertThat(events.column("note").comment()).isEqualTo("free text from the client");

            Table users = model.find(null, "users");
            assertThat(users.primaryKey()).containsExactly("user_id");
            Column country = users.column("country");
            assertThat(country.nullable()).as("LowCardinality(Nullable(String))").isTrue();
            assertThat(country.type().name()).isEqualTo("string");
            assertThat(model.find(null, "daily_event_counts").primaryKey()).containsExactly("day", "event_name");
        }
    }

    @Test
    void leavesOutMaterializedViewInnerTablesAndBookkeepingTables() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            db.execute("CREATE TABLE events (kind String, user_id UInt64) ENGINE = MergeTree ORDER BY kind");
            db.execute("CREATE MATERIALIZED VIEW kinds_mv ENGINE = AggregatingMergeTree ORDER BY kind "
                    + "AS SELECT kind, uniqState(user_id) AS users FROM events GROUP BY kind");
            db.execute("CREATE TABLE " + ClickHouseMigrationLock.TABLE + " (token String) ENGINE = Memory");
            SchemaModel model;
            try (Connection c = db.connect()) {
                model = new ClickHouseCodegen().read(c);
            }

            assertThat(model.tables()).extracting(Table::name)
                    .as("the view's inner table (.inner_id.<uuid>, new at every replay) and the lock are no models")
                    .containsExactly("events");
        }
    }

    /**
     * A key list as {@code system.tables.primary_key} prints it: quoted names unquoted with ClickHouse's escapes, the
     * expressions that are no plain column left out.
     */
    @Test
    void keyListsNameTheirPlainColumnsUnquoted() {
        assertThat(ClickHouseKeyList.columns("`a.b`, `select`, `größe`, `it\\`s`, `a\\nb`, cityHash64(id), "
                + "tuple(x, y), name")).containsExactly("a.b", "select", "größe", "it`s", "a\nb", "name");
        assertThat(ClickHouseKeyList.columns("")).isEmpty();
    }

    @Test
    void parsesNestedNamedAndAggregateTypes() {
        ClickHouseDataType map = ClickHouseDataType.parse("Map(LowCardinality(String), Array(Nullable(UInt32)))");
        assertThat(map.name()).isEqualTo("Map");
        assertThat(map.type(0).value().name()).isEqualTo("String");
        assertThat(map.type(1).type(0).isNullable()).isTrue();

        ClickHouseDataType tuple = ClickHouseDataType.parse("Tuple(lat Float64, `long name` Nullable(Float64))");
        assertThat(tuple.arguments()).extracting(ClickHouseDataType.Argument::field).containsExactly("lat", "long name");
        assertThat(tuple.types()).extracting(ClickHouseDataType::text).containsExactly("Float64", "Nullable(Float64)");
        assertThat(ClickHouseDataType.parse("Tuple(String, UInt8)").arguments())
                .extracting(ClickHouseDataType.Argument::field).containsOnlyNulls();

        ClickHouseDataType aggregate = ClickHouseDataType.parse("AggregateFunction(quantile(0.95), UInt32)");
        assertThat(aggregate.type(0).name()).isEqualTo("quantile");
        assertThat(aggregate.type(1).isInteger()).isTrue();

        ClickHouseDataType labels = ClickHouseDataType.parse("Enum8('it\\'s' = 1, 'a = b' = 2, 'c' = -3)");
        assertThat(labels.labels()).containsExactly("it's", "a = b", "c");
        assertThat(ClickHouseDataType.parse("Decimal32(3)").decimalPrecision()).isEqualTo(9);
        assertThat(ClickHouseDataType.parse("Decimal(10, 2)").decimalScale()).isEqualTo(2);
        assertThat(ClickHouseDataType.parse("UInt256").integerBits()).isEqualTo(256);
        assertThat(ClickHouseDataType.parse("DateTime64(6, 'Europe/Berlin')").string(1)).isEqualTo("Europe/Berlin");
        assertThat(ClickHouseDataType.parse("LowCardinality(Nullable(String))").holdsNull()).isTrue();

        ClickHouseDataType opaque = ClickHouseDataType.lenient("Foo(x = 1)");
        assertThat(opaque.name()).isEqualTo("Foo(x = 1)");
        assertThat(opaque.arguments()).isEmpty();
        ClickHouseDataType json = ClickHouseDataType.parse("JSON(max_dynamic_paths = 16, a.b UInt32, SKIP c.d)");
        assertThat(json.name()).isEqualTo("JSON");
        assertThat(json.arguments()).isEmpty();
        assertThat(json.text()).isEqualTo("JSON(max_dynamic_paths = 16, a.b UInt32, SKIP c.d)");
        assertThat(ClickHouseDataType.parse("Dynamic(max_types = 8)").name()).isEqualTo("Dynamic");
        ClickHouseDataType simple = ClickHouseDataType.parse("SimpleAggregateFunction(anyLast, Nullable(String))");
        assertThat(simple.value().name()).isEqualTo("String");
        assertThat(simple.holdsNull()).isTrue();
        assertThat(ClickHouseDataType.parse("Array(Nested(z String, n UInt8))").type(0).arguments())
                .extracting(ClickHouseDataType.Argument::field).containsExactly("z", "n");
        assertThatThrownBy(() -> ClickHouseDataType.parse("Array(String"))
                .hasMessageContaining("Expected ')'").hasMessageContaining("Array(String");
    }

    /** The up sections of the rich-schema fixture, in version order. */
    static List<String> richSchemaUps() throws Exception {
        try (Stream<Path> files = Files.list(fixture("rich-schema"))) {
            return files.sorted().map(f -> {
                try {
                    return MigrationParser.parse(f.getFileName().toString(), Files.readString(f)).up().sql();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ClickHouseCodegenReaderTest.class.getResource("/clickhouse/" + name + "/migrations").toURI());
    }
}
