package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training of the live commands' cache with {@code TEST_DATABASE_URL} naming a PostgreSQL server:
 * the everyday commands also run there, so what a PostgreSQL dump links comes from the class-data cache, and the
 * training leaves no database.
 */
class TrainingOnServerIT {

    private static final Path HOME = Launcher.SCRIPT.getParent().resolve("matey-shell/target/launcher");

    @TempDir
    Path dir;

    @Test
    void aTestServerAtTrainingTimePutsThePostgresPathInTheCacheAndLeavesNoDatabase() throws Exception {
        MateyUrl server = TestDatabase.serverBase("postgres");
        assertThat(Launcher.run(dir, Map.of(), "--version").exitCode()).isZero(); // installed: only the cache goes
        try (Stream<Path> files = Files.list(HOME)) {
            for (Path cache : files.filter(f -> f.toString().matches(".*\\.(aot|jsa|failed)$")).toList()) {
                Files.delete(cache);
            }
        }
        List<String> before = databases(server);

        // the first command of the db group records that family's cache
        Launcher.Result trained = Launcher.run(dir, Map.of("TEST_DATABASE_URL", server.raw()), "db", "--help");

        assertThat(trained.exitCode()).as(trained.all()).isZero();
        assertThat(databases(server)).as("the training's scratch and migrated databases are dropped")
                .filteredOn(name -> name.startsWith("matey_training_") || name.contains("_server_"))
                .isSubsetOf(before);
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = Map.of("DATABASE_URL", db.url().raw());
            assertThat(Launcher.run(dir, env, "init", "--engine", "postgres").exitCode()).isZero();
            Launcher.Result drift = Launcher.run(dir, Map.of("DATABASE_URL", db.url().raw(), "MATEY_JAVA_OPTS",
                    "-Xlog:class+load=info"), "db", "drift");
            assertThat(drift.exitCode()).as(drift.all()).isZero();
            assertThat(drift.stdout())
                    .containsPattern("io\\.matey\\.engine\\.postgres\\.\\S+\\$\\$Lambda\\S* source: shared objects file")
                    .doesNotContainPattern("io\\.matey\\.engine\\.postgres\\.\\S+\\$\\$Lambda\\S* source: io\\.matey");
        }
    }

    private static List<String> databases(MateyUrl server) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = Engines.forUrl(server).connect(server); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
