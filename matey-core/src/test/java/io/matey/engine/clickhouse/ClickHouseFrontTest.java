package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the ClickHouse test server ({@code MATEY_TEST_CLICKHOUSE_URL}: the real engine from chdb behind
 * {@code scripts/clickhouse-front.mjs}, docs/architecture.md §10) with the official {@code clickhouse-jdbc}
 * driver, the way the ClickHouse engine will use it: over HTTP with {@code compress=false}.
 */
class ClickHouseFrontTest {

    private static final String COLUMNS = """
            id UInt64,
            kind LowCardinality(String),
            note Nullable(String),
            tags Array(String),
            attributes Map(String, UInt32),
            happened_at DateTime64(3, 'UTC'),
            amount Decimal(18, 4),
            trace_id UUID,
            client_ip IPv4,
            level Enum8('debug' = 1, 'info' = 2, 'error' = 3)""";

    private MateyUrl server;
    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        server = TestDatabase.serverBase("clickhouse");
        database = "matey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect("default"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection c = connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            try (ResultSet rs = s.executeQuery("SELECT count() FROM system.databases WHERE name = '" + database + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("database dropped").isZero();
            }
        }
    }

    @Test
    void everyColumnKindRoundTripsThroughAPreparedBatch() throws Exception {
        UUID trace = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b4c3a21");
        Instant happened = Instant.parse("2026-03-14T15:09:26.535Z");
        try (Connection c = connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events (" + COLUMNS + ") ENGINE = MergeTree ORDER BY id");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, 1);
                insert.setString(2, "signup");
                insert.setString(3, "it's \"quoted\"; with a semicolon");
                insert.setObject(4, List.of("a", "b,c"));
                insert.setObject(5, Map.of("clicks", 3));
                insert.setObject(6, happened.atOffset(ZoneOffset.UTC));
                insert.setBigDecimal(7, new BigDecimal("1234.5678"));
                insert.setObject(8, trace);
                insert.setObject(9, InetAddress.getByName("10.1.2.3"));
                insert.setString(10, "info");
                insert.addBatch();
                insert.setLong(1, 2);
                insert.setString(2, "login");
                insert.setNull(3, java.sql.Types.VARCHAR);
                insert.setObject(4, List.of());
                insert.setObject(5, Map.of());
                insert.setObject(6, happened.plusSeconds(60).atOffset(ZoneOffset.UTC));
                insert.setBigDecimal(7, new BigDecimal("-0.0001"));
                insert.setObject(8, new UUID(0, 0));
                insert.setObject(9, InetAddress.getByName("255.255.255.255"));
                insert.setString(10, "error");
                insert.addBatch();
                assertThat(insert.executeBatch()).containsExactly(1, 1);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM events ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("id")).isEqualTo(1);
                assertThat(rs.getString("kind")).isEqualTo("signup");
                assertThat(rs.getString("note")).isEqualTo("it's \"quoted\"; with a semicolon");
                assertThat((Object[]) rs.getArray("tags").getArray()).containsExactly("a", "b,c");
                assertThat(rs.getObject("attributes", Map.class)).isEqualTo(Map.of("clicks", 3L));
                assertThat(rs.getObject("happened_at", OffsetDateTime.class).toInstant()).isEqualTo(happened);
                assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("1234.5678");
                assertThat(rs.getObject("trace_id", UUID.class)).isEqualTo(trace);
                assertThat(rs.getObject("client_ip", InetAddress.class)).isEqualTo(InetAddress.getByName("10.1.2.3"));
                assertThat(rs.getString("level")).isEqualTo("info");

                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("id")).isEqualTo(2);
                assertThat(rs.getString("note")).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat((Object[]) rs.getArray("tags").getArray()).isEmpty();
                assertThat(rs.getObject("attributes", Map.class)).isEmpty();
                assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("-0.0001");
                assertThat(rs.getObject("trace_id", UUID.class)).isEqualTo(new UUID(0, 0));
                assertThat(rs.getString("client_ip")).isEqualTo("255.255.255.255");
                assertThat(rs.getString("level")).isEqualTo("error");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void theCatalogDescribesWhatWasCreated() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (" + COLUMNS + ")"
                    + " ENGINE = MergeTree PARTITION BY toYYYYMM(happened_at) ORDER BY (kind, id)");
            try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1))
                        .startsWith("CREATE TABLE " + database + ".events\n(")
                        .contains("`kind` LowCardinality(String)", "`attributes` Map(String, UInt32)",
                                "`level` Enum8('debug' = 1, 'info' = 2, 'error' = 3)")
                        .contains("ENGINE = MergeTree\nPARTITION BY toYYYYMM(happened_at)\nORDER BY (kind, id)");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name, engine, sorting_key FROM system.tables WHERE database = '"
                    + database + "' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            assertThat(tables).containsExactly("events MergeTree kind, id");
        }
    }

    @Test
    void serverErrorsArriveAsSqlExceptionsWithClickHouseCodes() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(60))
                    .hasMessageContaining("UNKNOWN_TABLE");
            assertThatThrownBy(() -> s.execute("CREATE TABLE broken (id UInt64) ENGINE = NoSuchEngine"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(56))
                    .hasMessageContaining("NoSuchEngine");
        }
    }

    @Test
    void aMultiStatementBodyIsRefusedBeforeAnyOfItRuns() throws Exception {
        // The driver refuses several statements itself, so this goes over plain HTTP, as curl would.
        HttpResponse<String> response = post("CREATE TABLE two (id UInt64) ENGINE = Memory; DROP DATABASE " + database);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("62");
        assertThat(response.body()).startsWith("Code: 62. DB::Exception: Syntax error (Multi-statements are not allowed)");
        assertThat(post("SELECT count() FROM system.tables WHERE database = '" + database + "'").body()).isEqualTo("0\n");
    }

    @Test
    void urlParametersCarrySettingsQueryParametersAndTheDatabase() throws Exception {
        byte[] none = new byte[0];
        assertThat(http("GET", query("SELECT getSetting('max_threads')") + "&max_threads=3", none).body()).isEqualTo("3\n");

        HttpResponse<String> unknownSetting = http("GET", query("SELECT 1") + "&no_such_setting=1", none);
        assertThat(unknownSetting.statusCode()).isEqualTo(404);
        assertThat(unknownSetting.headers().firstValue("X-ClickHouse-Exception-Code")).contains("115");

        HttpResponse<String> writeOverGet =
                http("GET", query("CREATE TABLE t (id UInt8) ENGINE = Memory") + "&database=" + database, none);
        assertThat(writeOverGet.headers().firstValue("X-ClickHouse-Exception-Code")).as("GET is read-only").contains("164");

        HttpResponse<String> doubled = http("POST",
                query("SELECT {n:UInt8} * 2 AS doubled, currentDatabase() AS db") + "&param_n=21", none,
                "X-ClickHouse-Format", "JSONEachRow", "X-ClickHouse-Database", database);
        assertThat(doubled.body()).isEqualTo("{\"doubled\":42,\"db\":\"" + database + "\"}\n");
        assertThat(doubled.headers().firstValue("X-ClickHouse-Format")).contains("JSONEachRow");
        assertThat(doubled.headers().firstValue("X-ClickHouse-Summary"))
                .hasValueSatisfying(summary -> assertThat(summary).contains("\"result_rows\":\"1\""));
    }

    @Test
    void binaryInsertDataFollowsItsStatementIntact() throws Exception {
        post("CREATE TABLE " + database + ".blobs (id UInt64, payload String) ENGINE = MergeTree ORDER BY id");
        ByteBuffer rows = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        rows.putLong(1).put((byte) 3).put(new byte[] {'a', 0, (byte) 0xff});
        rows.putLong(2).put((byte) 0);
        byte[] rowBinary = Arrays.copyOf(rows.array(), rows.position());

        HttpResponse<String> insert =
                http("POST", query("INSERT INTO blobs FORMAT RowBinary") + "&database=" + database, rowBinary);

        assertThat(insert.statusCode()).isEqualTo(200);
        assertThat(insert.headers().firstValue("X-ClickHouse-Summary"))
                .hasValueSatisfying(summary -> assertThat(summary).contains("\"written_rows\":\"2\""));
        assertThat(post("SELECT id, hex(payload) FROM " + database + ".blobs ORDER BY id").body()).isEqualTo("1\t6100FF\n2\t\n");
    }

    @Test
    void writtenRowCountsComeFromTheEngine() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE numbers_copy (n UInt64) ENGINE = MergeTree ORDER BY n");

            assertThat(s.executeUpdate("INSERT INTO numbers_copy SELECT number FROM numbers(7)")).isEqualTo(7);
            try (ResultSet rs = s.executeQuery("SELECT sum(n) FROM numbers_copy")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(21);
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        String wrong = (server.password() == null ? "" : server.password()) + "-wrong";
        assertThatThrownBy(() -> {
            try (Connection c = connect(database, wrong); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1");
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(516))
                .hasMessageContaining("Authentication failed");
    }

    /** A plain HTTP request, as curl would send it; {@code parameters} is the URL's query string. */
    private HttpResponse<String> http(String method, String parameters, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + server.host() + ":" + port() + "/?" + parameters))
                .header("X-ClickHouse-User", server.user() == null ? "default" : server.user())
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (server.password() != null) {
            request.header("X-ClickHouse-Key", server.password());
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String sql) throws Exception {
        return http("POST", "", sql.getBytes(StandardCharsets.UTF_8));
    }

    private static String query(String sql) {
        return "query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    private int port() {
        return server.port() < 0 ? 8123 : server.port();
    }

    private Connection connect(String databaseName) throws SQLException {
        return connect(databaseName, server.password() == null ? "" : server.password());
    }

    private Connection connect(String databaseName, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user() == null ? "default" : server.user());
        properties.setProperty("password", password);
        properties.setProperty("compress", "false");
        return DriverManager.getConnection("jdbc:clickhouse://" + server.host() + ":" + port() + "/" + databaseName, properties);
    }
}
