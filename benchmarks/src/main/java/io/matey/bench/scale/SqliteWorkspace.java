package io.matey.bench.scale;

import io.matey.bench.GeneratedMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A temporary one-target SQLite workspace as {@code matey init --engine sqlite} lays it out, live database beside it. */
final class SqliteWorkspace implements AutoCloseable {

    private final Path root;

    SqliteWorkspace(String name, List<GeneratedMigration> migrations) throws IOException {
        root = Files.createTempDirectory("matey-bench-" + name + "-");
        Files.writeString(root.resolve("matey.toml"), "targets = [\".\"]\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("config.toml"), "engine = \"sqlite\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n", StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(root.resolve("migrations"));
        for (GeneratedMigration migration : migrations) {
            Files.writeString(dir.resolve(migration.fileName()), migration.text(), StandardCharsets.UTF_8);
        }
    }

    Path root() {
        return root;
    }

    /** The live database a fresh {@code db up} creates. */
    Map<String, String> env() {
        return Map.of("DATABASE_URL", "sqlite3:" + root.resolve("live.sqlite3"));
    }

    void dropLive() throws IOException {
        Files.deleteIfExists(root.resolve("live.sqlite3"));
    }

    /** The generated artifacts' size on disk, in MiB. */
    double checkpointsMib() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("checkpoints"))) {
            return files.filter(Files::isRegularFile).mapToLong(ScaleBenchmark::size).sum() / (1024.0 * 1024.0);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
