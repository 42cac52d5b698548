package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresEngineTest {

    private final Engine engine = Engines.byId("postgres");

    @Test
    void servesBothSchemes() {
        assertThat(engine).isInstanceOf(PostgresEngine.class);
        assertThat(Engines.forUrl(MateyUrl.parse("postgresql://h/db"))).isSameAs(engine);
        assertThat(Engines.forUrl(MateyUrl.parse("postgres://h/db"))).isSameAs(engine);
    }

    @Test
    void credentialsTravelAsPropertiesNotInTheJdbcUrlWhereTheSearchPathIs() {
        PostgresConnector connector = new PostgresConnector(MateyUrl.parse(
                "postgres://app:s%40cret@db.example:6543/shop?sslmode=require&application_name=api&search_path=app"));

        assertThat(connector.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop?currentSchema=app");
        Properties properties = connector.properties();
        assertThat(properties.getProperty("user")).isEqualTo("app");
        assertThat(properties.getProperty("password")).isEqualTo("s@cret");
        assertThat(properties.getProperty("sslmode")).isEqualTo("require");
        assertThat(properties.getProperty("ApplicationName")).isEqualTo("api");
        assertThat(properties).doesNotContainKeys("currentSchema", "search_path");
    }

    @Test
    void portDefaultsTo5432() {
        assertThat(new PostgresConnector(MateyUrl.parse("postgres://u@db.example/shop")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example:5432/shop");
    }

    @Test
    void siblingIsAnotherDatabaseOnTheSameServerWithTheSameOptions() {
        MateyUrl sibling = engine.siblingUrl(MateyUrl.parse("postgres://u:p@h:5433/app?sslmode=disable"), "scratch_1");

        assertThat(sibling.raw()).isEqualTo("postgres://u:p@h:5433/scratch_1?sslmode=disable");
    }

    @Test
    void createsFindsAndDropsDatabases() throws SQLException {
        TestDatabase db = TestDatabase.unborn("postgres");
        try {
            assertThat(engine.databaseExists(db.url())).isFalse();
            engine.createDatabase(db.url());
            engine.createDatabase(db.url());
            assertThat(engine.databaseExists(db.url())).isTrue();
            try (Connection open = engine.connect(db.url())) {
                // a session left open must not keep the database from being dropped
                engine.dropDatabase(db.url());
            }
            assertThat(engine.databaseExists(db.url())).isFalse();
        } finally {
            db.close();
        }
    }

    @Test
    void connectingToAMissingDatabaseSaysSo() {
        TestDatabase db = TestDatabase.unborn("postgres");

        assertThatThrownBy(() -> engine.connect(db.url()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("database \"" + db.url().path() + "\" does not exist")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3D000"));
    }

    @Test
    void loadingChecksFunctionBodiesAgainAfterwards() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            engine.load(c, "CREATE FUNCTION early() RETURNS integer LANGUAGE sql AS 'SELECT public.later()';\n"
                    + "CREATE FUNCTION later() RETURNS integer LANGUAGE sql AS 'SELECT 1';\n");

            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("CREATE FUNCTION broken() RETURNS integer LANGUAGE sql"
                        + " AS 'SELECT public.missing()'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("public.missing() does not exist");
            }
        }
    }

    @Test
    void errorsNeverShowThePassword() {
        MateyUrl url = MateyUrl.parse("postgres://postgres:topsecret@127.0.0.1:1/db?connect_timeout=2");

        assertThatThrownBy(() -> engine.connect(url).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
    }
}
