package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The reliability suite (issue 12, acceptance): real {@code matey} processes killed with SIGKILL or SIGTERM at
 * random moments of {@code schema apply}, {@code db up} and {@code data apply}. After each kill the artifacts are
 * the old or the new set, no migration is half-recorded (the live schema equals the committed state at the applied
 * index, or, on MariaDB, {@code db status} reports the interruption and {@code db up --resume} converges), a table
 * holds the old or the new data set, and the next replay leaves no scratch database of the killed process. The
 * moments come from a seeded random source: the seed is printed, and {@code -Dmatey.reliability.seed=N} (or
 * {@code MATEY_RELIABILITY_SEED}) repeats a run. A few rounds per engine keep the suite to a few minutes.
 */
class KillRecoveryTest {

    private static final int ROUNDS = 2;
    private static long seed;

    @TempDir
    Path dir;

    private Random random;
    private long startup;

    @BeforeAll
    static void seed() {
        String given = System.getProperty("matey.reliability.seed", System.getenv("MATEY_RELIABILITY_SEED"));
        seed = given == null ? System.nanoTime() : Long.parseLong(given);
        System.out.println("KillRecoveryTest seed: " + seed + " (repeat with -Dmatey.reliability.seed=" + seed + ")");
    }

    private Random random(String test, String engine) {
        return new Random(seed ^ (test + "/" + engine).hashCode());
    }

    @ParameterizedTest
    @EngineMatrix
    void schemaApplyKilledAnywhereLeavesTheOldOrTheNewArtifacts(String engine) throws Exception {
        random = random("schema apply", engine);
        Server server = Server.of(engine, dir);
        Path ws = workspace(engine);
        Map<String, String> env = server.env(null);
        migration(ws, 1, engine);
        long duration = timed(() -> ok(ws, env, "schema", "apply"));
        for (int round = 2; round < 2 + ROUNDS; round++) {
            Map<String, String> old = artifacts(ws);
            migration(ws, round, engine);
            Killed killed = kill(ws, env, duration, "schema", "apply");

            ok(ws, env, "schema", "status"); // recovers an interrupted write
            Map<String, String> recovered = artifacts(ws);
            assertThat(ws.resolve(".matey/tx")).as(killed.toString()).doesNotExist();
            ok(ws, env, "schema", "apply");
            Map<String, String> fresh = artifacts(ws);
            assertThat(recovered).as(killed + ": old or new artifact set").isIn(old, fresh);
            assertThat(server.scratchOf(killed.pid())).as(killed + ": scratch left after the next replay").isEmpty();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void dbUpKilledAnywhereLeavesNoHalfRecordedMigration(String engine) throws Exception {
        random = random("db up", engine);
        Server server = Server.of(engine, dir);
        Path ws = workspace(engine);
        int migrations = 4;
        for (int i = 1; i <= migrations; i++) {
            migration(ws, i, engine);
        }
        ok(ws, server.env(null), "schema", "apply");
        long duration;
        try (TestDatabase reference = server.live()) {
            duration = timed(() -> ok(ws, server.env(reference.url()), "db", "up"));
        }
        for (int round = 0; round < ROUNDS; round++) {
            try (TestDatabase live = server.live()) {
                Map<String, String> env = server.env(live.url());
                Killed killed = kill(ws, env, duration, "db", "up");

                MateyProcess.Result status = server.exists(live) ? run(ws, env, "db", "status") : null;
                if (status == null) {
                    System.out.println(killed + ": before the database was created");
                    ok(ws, env, "db", "up");
                } else if (status.stdout().contains("Interrupted:")) {
                    System.out.println(killed + ": interrupted inside a migration");
                    // Only where DDL commits itself (MySQL/MariaDB); elsewhere a killed migration rolls back whole.
                    assertThat(TestEngines.named(engine).transactionalDdl()).as(killed + "\n" + status.stdout()).isFalse();
                    assertThat(status.stdout()).contains("the database holds a partial state", "db up --resume");
                    // drift reports the partial state as status does: for db up --resume to finish, not to keep
                    MateyProcess.Result drift = run(ws, env, "db", "drift", "--exit-code");
                    assertThat(drift.exitCode()).as(killed + "\n" + drift.stderr()).isEqualTo(1);
                    assertThat(drift.stdout()).contains("Status: interrupted",
                            status.stdout().substring(status.stdout().indexOf("Interrupted:"))).doesNotContain("--draft");
                    assertThat(ok(ws, env, "db", "drift", "--format", "json")).contains("\"draft\": null")
                            .doesNotContain("\"interrupted\": null");
                    MateyProcess.Result refused = run(ws, env, "db", "up");
                    assertThat(refused.exitCode()).as(killed + "\n" + refused.stderr()).isEqualTo(2);
                    assertThat(refused.stderr()).contains("db up refused: migration", "was interrupted");
                    ok(ws, env, "db", "up", "--resume");
                } else {
                    assertThat(status.exitCode()).as(killed + "\n" + status.stderr()).isZero();
                    // What is recorded is exactly what took effect: the live schema is the committed state there.
                    if (!status.stdout().contains("Applied: 0")) {
                        assertThat(ok(ws, env, "db", "drift", "--exit-code")).as(killed.toString()).contains("clean");
                    }
                    ok(ws, env, "db", "up");
                }
                assertThat(ok(ws, env, "db", "status")).as(killed.toString()).contains("Applied: " + migrations)
                        .doesNotContain("Interrupted");
                assertThat(ok(ws, env, "db", "drift", "--exit-code")).as(killed.toString()).contains("clean");
            }
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void dataApplyKilledAnywhereLeavesTheOldOrTheNewSet(String engine) throws Exception {
        random = random("data apply", engine);
        Server server = Server.of(engine, dir);
        Path ws = workspace(engine);
        Files.writeString(ws.resolve("migrations/001_items.sql"), "-- migrate:up\nCREATE TABLE items (id BIGINT NOT "
                + "NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);\n\n-- migrate:down\nDROP TABLE items;\n");
        Files.createDirectories(ws.resolve("data"));
        Files.writeString(ws.resolve("data/data.toml"), "[core]\nfiles = [{ name = \"items\", table = \"items\", "
                + "mode = \"replace\", order_by = [\"id\"] }]\n");
        try (TestDatabase live = server.live()) {
            Map<String, String> env = server.env(live.url());
            ok(ws, env, "schema", "apply");
            ok(ws, env, "db", "up");
            List<String> current = items(ws, 0);
            long duration = timed(() -> ok(ws, env, "data", "apply"));
            for (int round = 1; round <= ROUNDS; round++) {
                List<String> next = items(ws, round);
                Killed killed = kill(ws, env, duration, "data", "apply");
                assertThat(rows(live)).as(killed + ": old or new data set").isIn(current, next);
                ok(ws, env, "data", "apply");
                assertThat(rows(live)).isEqualTo(next);
                current = next;
            }
        }
    }

    /** A process of the app stopped by a signal after {@code delayMillis}, or finished before it. */
    private record Killed(String command, String signal, long delayMillis, long pid, int exitCode) {
        @Override
        public String toString() {
            return command + " sent " + signal + " after " + delayMillis + " ms (pid " + pid + ", exit " + exitCode
                    + ", seed " + seed + ")";
        }
    }

    /**
     * Starts the command and sends SIGKILL or SIGTERM (at random) at a random moment of its expected run, mostly
     * after the JVM's start-up (which {@code schema status} measures).
     */
    private Killed kill(Path ws, Map<String, String> env, long duration, String... args) throws Exception {
        if (startup == 0) {
            startup = timed(() -> ok(ws, env, "schema", "status"));
        }
        boolean sigkill = random.nextBoolean();
        long from = Math.min(startup, duration * 3 / 4);
        long delay = from + (long) (random.nextDouble() * (duration - from));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = MateyProcess.start(ws, env, out, err, args);
        Thread.sleep(delay);
        if (sigkill) {
            process.destroyForcibly();
        } else {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Killed killed = new Killed(String.join(" ", args), sigkill ? "SIGKILL" : "SIGTERM", delay, process.pid(),
                process.exitValue());
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (sigkill) {
            assertThat(killed.exitCode()).as(killed + "\n" + stderr).isIn(0, 137);
        } else {
            // SIGTERM ends a command like Ctrl-C: scratch databases dropped, a message, exit 143.
            assertThat(killed.exitCode()).as(killed + "\n" + stderr).isIn(0, 143);
            if (killed.exitCode() == 143) {
                // after the signal's line, a run of migrations says where it stopped, and nothing else follows
                String said = "error: Terminated.\n";
                assertThat(stderr).as(killed.toString()).contains(said);
                assertThat(stderr.substring(stderr.indexOf(said) + said.length())).as(killed + "\n" + stderr)
                        .matches("(Stopped (before|during) [^\n]*\n)?");
            }
        }
        return killed;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static MateyProcess.Result run(Path ws, Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(ws, env, args);
    }

    private static String ok(Path ws, Map<String, String> env, String... args) throws Exception {
        MateyProcess.Result result = run(ws, env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.stdout() + result.stderr()).isZero();
        return result.stdout();
    }

    private Path workspace(String engine) throws IOException {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(ws.resolve("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n");
        Files.createDirectories(ws.resolve("migrations"));
        return ws;
    }

    /**
     * Migration {@code n}: four tables, four statements (so a kill can land between two of them); on MySQL a pause
     * after each, so that most kills land inside a migration, whose DDL commits statement by statement.
     */
    private static void migration(Path ws, int n, String engine) throws IOException {
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int t = 1; t <= 4; t++) {
            String table = "t" + n + "_" + t;
            up.append("CREATE TABLE ").append(table).append(" (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40));\n");
            up.append(engine.equals("mysql") ? "DO SLEEP(0.1);\n" : "");
            down.append("DROP TABLE ").append(table).append(";\n");
        }
        Files.writeString(ws.resolve(String.format("migrations/%03d_m%d.sql", n, n)),
                "-- migrate:up\n" + up + "\n-- migrate:down\n" + down, StandardCharsets.UTF_8);
    }

    /** schema.sql, the lock and the checkpoints: the set an artifact write replaces. */
    private static Map<String, String> artifacts(Path ws) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : List.of("schema.sql", "schema.lock.toml")) {
            Path file = ws.resolve(name);
            if (Files.exists(file)) {
                files.put(name, Files.readString(file));
            }
        }
        Path checkpoints = ws.resolve("checkpoints");
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> walk = Files.walk(checkpoints)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(ws.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    /** Writes data set {@code round} (2,000 rows; ids shift by round, so rows are updated, deleted and added). */
    private static List<String> items(Path ws, int round) throws IOException {
        List<String> rows = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            long id = round * 100L + i;
            String name = "r" + round + "-" + i;
            rows.add(id + "|" + name);
            jsonl.append("{\"id\": ").append(id).append(", \"name\": \"").append(name).append("\"}\n");
        }
        Files.writeString(ws.resolve("data/items.jsonl"), jsonl);
        return rows;
    }

    private static List<String> rows(TestDatabase live) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = live.connect(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name FROM items ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }

    /** The scratch server of an engine (a directory for SQLite) and where live databases are made. */
    private record Server(String engineId, Engine engine, MateyUrl base) {

        static Server of(String engine, Path dir) throws Exception {
            MateyUrl base = TestEngines.named(engine).baseIn(Files.createDirectories(dir.resolve("scratch")));
            return new Server(engine, Engines.byId(engine), base);
        }

        Map<String, String> env(MateyUrl live) {
            Map<String, String> env = new HashMap<>(Map.of("TEST_DATABASE_URL", base.raw()));
            if (live != null) {
                env.put("DATABASE_URL", live.raw());
            }
            return env;
        }

        /** A live database that does not exist yet (db up creates it). */
        TestDatabase live() {
            return TestDatabase.unborn(engineId);
        }

        boolean exists(TestDatabase live) throws SQLException {
            return engine.databaseExists(live.url());
        }

        /** Scratch databases whose name says the given process leased them. */
        List<String> scratchOf(long pid) throws Exception {
            String owner = "_" + Long.toString(pid, 36) + "_";
            return engine.databasesNamed(base, "matey_").stream().filter(name -> name.contains(owner)).toList();
        }
    }
}
