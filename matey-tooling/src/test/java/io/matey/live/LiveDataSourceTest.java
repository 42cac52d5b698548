package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.testing.DbmateBinary;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The live commands through an application's DataSource (each driver's own DataSource class): the engine comes
 * from the connection, the description is the masked JDBC URL, and no database is ever created.
 */
class LiveDataSourceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void commandsRunThroughADataSourceAndDetectItsEngine(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            LiveEndpoint endpoint = LiveEndpoint.of(dataSource(h.db), h.db.engine());
            assertThat(endpoint.engine()).isSameAs(h.db.engine());
            assertThat(endpoint.kind()).isEqualTo("DataSource");
            MateyUrl described = MateyUrl.parse(endpoint.toString());
            assertThat(described.scheme()).as("a Matey URL, which `matey db --url` takes")
                    .isIn("sqlite3", "postgres", "mysql");
            assertThat(described.path()).isEqualTo(h.db.url().path());

            assertThat(h.live.status(h.target(), endpoint).pending()).isEqualTo(2);
            LiveChange up = h.live.up(h.target(), endpoint);
            assertThat(up.created()).as("a DataSource cannot create its database: up is migrate").isFalse();
            assertThat(up.url()).isSameAs(endpoint);
            assertThat(up.after()).isEqualTo(2);
            assertThat(h.live.migrate(h.target(), endpoint).migrations()).isEmpty();
            assertThat(h.live.drift(h.target(), endpoint).drifted()).isFalse();
            assertThat(h.live.plan(h.target(), endpoint).match()).isTrue();
            assertThat(h.live.down(h.target(), endpoint, 1).after()).isEqualTo(1);
            assertThat(h.live.migrate(h.target(), endpoint).after()).isEqualTo(2);

            h.db.execute("CREATE TABLE it_ds_extra (id INT);");
            LiveDrift drift = h.live.drift(h.target(), endpoint);
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.diff()).containsPattern("\\+.*it_ds_extra");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aCheckReadsStatusAndDriftAtOnceAndNoDatabaseWhenArtifactsAreStale(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            LiveEndpoint endpoint = LiveEndpoint.of(dataSource(h.db), h.db.engine());
            h.live.migrate(h.target(), endpoint);
            h.db.execute("CREATE TABLE it_ds_extra (id INT);");
            LiveCheck drifted = h.live.check(h.target(), endpoint);
            assertThat(drifted.clean()).isTrue();
            assertThat(drifted.target()).isEqualTo("db/core");
            assertThat(drifted.status().applied()).isEqualTo(2);
            assertThat(drifted.status().pending()).isZero();
            assertThat(drifted.drift().drifted()).isTrue();
            assertThat(drifted.drift().diff()).contains("it_ds_extra");

            h.ws.write("db/core/migrations/002_two.sql", h.ws.read("db/core/migrations/002_two.sql") + "-- edited\n");
            LiveCheck stale = h.live.check(h.target(), endpoint);
            assertThat(stale.clean()).isFalse();
            assertThat(stale.diagnostics()).extracting(d -> d.code().id()).contains("coherence-migration-digest-mismatch");
            assertThat(stale.status()).isNull();
            assertThat(stale.drift()).isNull();
        }
    }

    @Test
    void theDataSourceEngineMustMatchTheTargetEngine() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("other.sqlite3"));
        LiveEndpoint endpoint = LiveEndpoint.of(sqlite, Engines.byId("sqlite"));
        assertThatThrownBy(() -> new LiveDatabase(ws.env(), line -> { }).status(ws.matey().target(TestWorkspace.TARGET),
                endpoint)).isInstanceOf(MateyException.class)
                .hasMessage("Live DataSource sqlite3:" + dir.resolve("other.sqlite3") + " is a sqlite DataSource, but "
                        + ws.target().resolve("config.toml") + " says engine 'postgres'.");
    }

    @Test
    void anUnsupportedDatabaseIsNamed() {
        assertThatThrownBy(() -> DataSourceEndpoint.engineOf("H2", "jdbc:h2:mem:x")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("The DataSource jdbc:h2:mem:x is a H2 database, which Matey does not support.");
    }

    @Test
    void anUnreachableDataSourceFailsWithoutItsPassword() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:1/live?user=matey&password=s3cret-pw&connectTimeout=2");
        assertThatThrownBy(() -> LiveEndpoint.of(unreachable, Engines.byId("postgres"))).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Cannot connect to the application's DataSource: ")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aPasswordInTheJdbcUrlIsMaskedInTheDescription() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            PGSimpleDataSource ds = (PGSimpleDataSource) dataSource(db);
            ds.setURL(ds.getURL() + "&password=s3cret-pw");
            assertThat(LiveEndpoint.of(ds, db.engine()).toString()).doesNotContain("s3cret-pw");
        }
    }

    /**
     * A JDBC URL's driver options ({@code createDatabaseIfNotExist} is a MySQL Connector/J one) are left out of the
     * description, or kept under their libpq name, so that the URL works pasted into Matey and into dbmate, whose
     * drivers would send them to the server as variables.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "postgres"})
    void theDescriptionWorksPastedIntoMateyAndDbmate(String engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            DataSource ds = dataSource(db, engine.equals("mysql")
                    ? "&createDatabaseIfNotExist=true&useSSL=false&serverTimezone=UTC&characterEncoding=utf8"
                    : "&prepareThreshold=0&currentSchema=public&ApplicationName=walk&sslmode=disable&tcpKeepAlive=true");
            MateyUrl described = MateyUrl.parse(LiveEndpoint.of(ds, db.engine()).toString());
            assertThat(described.path()).isEqualTo(db.url().path());
            if (engine.equals("mysql")) {
                assertThat(described.query()).isEmpty();
            } else {
                assertThat(described.query()).containsEntry("search_path", "public")
                        .containsEntry("application_name", "walk").containsEntry("sslmode", "disable")
                        .doesNotContainKeys("prepareThreshold", "currentSchema", "ApplicationName", "tcpKeepAlive");
            }
            try (Connection connection = Engines.forUrl(described).connect(described)) {
                assertThat(connection.isValid(5)).isTrue();
            }
            DbmateBinary.Result status = DbmateBinary.installed().run(described,
                    Files.createDirectories(dir.resolve("migrations")), "status");
            assertThat(status.exitCode()).as(status.output()).isZero();
        }
    }

    /** The driver's own DataSource for a test database, configured from its Matey URL. */
    static DataSource dataSource(TestDatabase db) throws SQLException {
        return dataSource(db, "");
    }

    /** {@code options}: {@code &name=value...} for the JDBC URL. */
    private static DataSource dataSource(TestDatabase db, String options) throws SQLException {
        MateyUrl url = db.url();
        String user = url.user() == null ? "" : url.user();
        switch (db.engine().id()) {
            case "sqlite" -> {
                SQLiteDataSource ds = new SQLiteDataSource();
                ds.setUrl("jdbc:sqlite:" + url.path());
                return ds;
            }
            case "postgres" -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL("jdbc:postgresql://" + url.host() + ":" + url.port() + "/" + url.path() + "?user=" + user + options);
                return ds;
            }
            default -> {
                return new MariaDbDataSource("jdbc:mariadb://" + url.host() + ":" + url.port() + "/" + url.path()
                        + "?user=" + user + options);
            }
        }
    }
}
