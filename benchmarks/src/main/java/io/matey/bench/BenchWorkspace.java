package io.matey.bench;

import io.matey.Matey;
import io.matey.workspace.TargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A temporary workspace with one PostgreSQL target {@code db/core}, laid out as {@code matey init} would:
 * {@code matey.toml}, {@code db/core/config.toml} and migrations under {@code db/core/migrations/}.
 */
public final class BenchWorkspace implements AutoCloseable {

    public static final String TARGET = "db/core";
    public static final String URL_ENV = "BENCH_DATABASE_URL";
    public static final String TEST_URL_ENV = "BENCH_TEST_DATABASE_URL";

    /** What {@code schema apply} generates in the target. */
    private static final List<String> ARTIFACTS = List.of("schema.sql", "schema.lock.toml", "checkpoints");
    /** The journal and target lock directory. */
    private static final String RESERVED = ".matey";

    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    public BenchWorkspace(BenchServer server) throws IOException {
        root = Files.createTempDirectory("matey-bench-");
        write(root.resolve("matey.toml"), "targets = [\"" + TARGET + "\"]\n");
        write(target().resolve("config.toml"), "engine = \"postgres\"\nurl_env = \"" + URL_ENV
                + "\"\ntest_url_env = \"" + TEST_URL_ENV + "\"\n");
        env.put(TEST_URL_ENV, server.base().raw());
    }

    public Path target() {
        return root.resolve(TARGET);
    }

    public Path migrationsDir() {
        return target().resolve("migrations");
    }

    public Map<String, String> env() {
        return env;
    }

    /** A new façade each time, as each command invocation of the shell gets one. */
    public Matey matey() {
        return new Matey(root, null, env);
    }

    public TargetConfig targetConfig() {
        return matey().target(TARGET);
    }

    public void add(GeneratedMigration migration) throws IOException {
        write(migrationsDir().resolve(migration.fileName()), migration.text());
    }

    public void remove(GeneratedMigration migration) throws IOException {
        Files.deleteIfExists(migrationsDir().resolve(migration.fileName()));
    }

    /** Removes everything {@code schema apply} wrote, so that the next apply writes it all again. */
    public void deleteArtifacts() throws IOException {
        for (String name : ARTIFACTS) {
            deleteTree(target().resolve(name));
        }
        deleteTree(target().resolve(RESERVED));
    }

    /** The generated files, by path relative to the target. */
    public Map<String, byte[]> artifacts() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : ARTIFACTS) {
            Path start = target().resolve(name);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(target().relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** Puts back exactly the given generated files. */
    public void restoreArtifacts(Map<String, byte[]> files) throws IOException {
        deleteArtifacts();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = target().resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(root);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path start) throws IOException {
        if (!Files.exists(start)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
