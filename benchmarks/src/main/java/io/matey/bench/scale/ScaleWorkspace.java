package io.matey.bench.scale;

import io.matey.bench.GeneratedMigration;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary one-target workspace as {@code matey init} lays it out, and its live database: a SQLite file beside
 * it, or a database on a server (replays use the server's scratch databases, from its base URL).
 */
final class ScaleWorkspace implements AutoCloseable {

    private final Path root;
    private final String engine;
    private final Map<String, String> env;

    private ScaleWorkspace(String engine, List<GeneratedMigration> migrations, Map<String, String> env,
            Path root) throws IOException {
        this.root = root;
        this.engine = engine;
        this.env = env;
        Files.writeString(root.resolve("matey.toml"), "targets = [\".\"]\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("config.toml"), "engine = \"" + engine + "\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n", StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(root.resolve("migrations"));
        for (GeneratedMigration migration : migrations) {
            Files.writeString(dir.resolve(migration.fileName()), migration.text(), StandardCharsets.UTF_8);
        }
    }

    /** A SQLite workspace whose live database is {@code live.sqlite3} beside it. */
    static ScaleWorkspace sqlite(String name, List<GeneratedMigration> migrations) throws IOException {
        Path root = Files.createTempDirectory("matey-bench-" + name + "-");
        return new ScaleWorkspace("sqlite", migrations,
                Map.of("DATABASE_URL", "sqlite3:" + root.resolve("live.sqlite3")), root);
    }

    /** A workspace of a server engine: live database {@code live}, scratch databases on {@code base}'s server. */
    static ScaleWorkspace server(String name, String engine, MateyUrl base, String live,
            List<GeneratedMigration> migrations) throws IOException {
        Path root = Files.createTempDirectory("matey-bench-" + name + "-");
        return new ScaleWorkspace(engine, migrations,
                Map.of("DATABASE_URL", base.withPath(live).raw(), "TEST_DATABASE_URL", base.raw()), root);
    }

    Path root() {
        return root;
    }

    /** The live database's URL and the replays' test URL. */
    Map<String, String> env() {
        return env;
    }

    /** Removes the live database, so that {@code db up} creates it. */
    void dropLive() throws IOException, SQLException {
        if (engine.equals("sqlite")) {
            Files.deleteIfExists(root.resolve("live.sqlite3"));
        } else {
            Engines.byId(engine).dropDatabase(MateyUrl.parse(env.get("DATABASE_URL")));
        }
    }

    /** The generated artifacts' size on disk, in MiB. */
    double checkpointsMib() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("checkpoints"))) {
            return files.filter(Files::isRegularFile).mapToLong(ScaleBenchmark::size).sum() / (1024.0 * 1024.0);
        }
    }

    @Override
    public void close() throws IOException, SQLException {
        if (!engine.equals("sqlite")) {
            dropLive();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
