package io.matey.testing;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.engine.MateyUrl;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.replay.SchemaPlanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A temporary workspace with one target {@code db/core} on a real engine, driven through the façade. */
public final class TestWorkspace {

    public static final String TARGET = "db/core";

    private final Path root;
    private final String engine;
    private final MateyUrl scratchBase;
    private final Map<String, String> env = new HashMap<>();

    /** A workspace whose target runs on the {@link TestEngines} entry {@code engine}. */
    public TestWorkspace(Path root, String engine) {
        this.root = root;
        this.engine = engine;
        this.scratchBase = TestDatabase.serverBase(engine);
        write("matey.toml", "targets = [\"" + TARGET + "\"]\n");
        write(TARGET + "/config.toml", "engine = \"" + TestEngines.named(engine).engineId() + "\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n");
        env.put("DB_CORE_TEST_DATABASE_URL", scratchBase.raw());
    }

    public Path root() {
        return root;
    }

    public Path target() {
        return root.resolve(TARGET);
    }

    public String engine() {
        return engine;
    }

    public Map<String, String> env() {
        return env;
    }

    public Matey matey() {
        return new Matey(root, null, env);
    }

    public SchemaPlanResult plan(ReplayOptions options) {
        Matey matey = matey();
        return new MateyTools(matey).schemaPlan(matey.target(TARGET), options, line -> { });
    }

    public SchemaPlanResult plan() {
        return plan(ReplayOptions.defaults());
    }

    public SchemaApplyResult apply(ReplayOptions options) {
        return new MateyTools(matey()).schemaApply(TARGET, options, line -> { });
    }

    public SchemaApplyResult apply() {
        return apply(ReplayOptions.defaults());
    }

    /** Writes {@code migrations/<name>} in the target with the given up and down sections. */
    public void migration(String name, String up, String down) {
        write(TARGET + "/migrations/" + name, "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down + "\n");
    }

    /** A table creation in the engine's dialect. */
    public String createTable(String table) {
        return "CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40));";
    }

    public void write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the lock one written before the {@code replay_*} keys (docs/architecture.md §4), which live commands do not
     * check against the live server: what an earlier Matey's lock meets on a database of other defaults.
     */
    public void lockWithoutReplayServer() {
        String lock = TARGET + "/schema.lock.toml";
        write(lock, read(lock).replaceAll("(?m)^replay_\\w+ = \"[^\"]*\"\n", ""));
    }

    /** Every file under the target with its content, to prove that a failed command changed nothing. */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(target())) {
            walk.filter(Files::isRegularFile).forEach(p -> files.put(target().relativize(p).toString(), read(root.relativize(p).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
