package io.matey.lint;

import io.matey.artifact.Digests;
import io.matey.artifact.LockFactory;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.Snapshot;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Target {@code db/core} built from {@code src/test/resources/lint/<name>/}: its {@code config.toml} and
 * migrations, coherent artifacts on request (as {@code schema apply} would leave them, with stand-in dumps), and
 * the expected {@code expected.txt} / {@code expected.json} output.
 */
final class LintFixture {

    static final String TARGET = "db/core";

    private final String name;
    private final Path dir;

    private LintFixture(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    static LintFixture load(String name, Path workspace) {
        Path source = resource(name);
        Path dir = workspace.resolve(TARGET);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = source.relativize(file).toString();
                if (!relative.startsWith("expected.")) {
                    Path copy = dir.resolve(relative);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LintFixture(name, dir);
    }

    /** schema.sql, one checkpoint per migration and a lock that agrees with them. */
    LintFixture withArtifacts() {
        Snapshot snapshot = Snapshot.ofWorktree(dir, TARGET);
        List<LockFactory.StepSource> steps = new ArrayList<>();
        String schema = "\n";
        String engine = Engines.normalizeId(config().engine());
        for (Map.Entry<String, byte[]> migration : snapshot.migrations().entrySet()) {
            String checkpoint = Snapshot.checkpointPathFor(migration.getKey());
            schema = "-- schema after " + migration.getKey() + "\n";
            write(checkpoint, schema);
            String version = Snapshot.versionOf(migration.getKey());
            List<String> roles = roles(engine, new Migration(migration.getKey(), version, migration.getValue()));
            steps.add(new LockFactory.StepSource(version, migration.getKey(), migration.getValue(), checkpoint,
                    Digests.sqlDigest(schema), config().inexactDowns().reason(migration.getKey()).orElse(null), roles));
        }
        write("schema.sql", schema);
        write("schema.lock.toml", LockFileCodec.render(LockFactory.build(engine, TARGET, steps, schema)));
        return this;
    }

    /** The roles the lock records for {@code migration}, as a replay would: none where it cannot be read. */
    private static List<String> roles(String engine, Migration migration) {
        try {
            return Engines.find(engine).map(e -> e.serverRoles().namedByDumps(migration.script().up()))
                    .orElse(List.of());
        } catch (MateyException e) {
            return List.of();
        }
    }

    LintFixture write(String path, String text) {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    LintFixture write(String path, byte[] bytes) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LintFixture delete(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path dir() {
        return dir;
    }

    TargetConfig config() {
        return TargetConfigReader.read(TARGET, dir);
    }

    List<Finding> lint() {
        return Linter.lint(config());
    }

    List<Finding> lint(Linter.Options options) {
        return Linter.lint(config(), options);
    }

    String text() {
        return LintOutput.text(List.of(new LintReport(TARGET, lint())));
    }

    String json() {
        return LintOutput.json(List.of(new LintReport(TARGET, lint())));
    }

    /** The expected output; {@code {engines}} stands for this build's engine ids, which grow with plug-ins. */
    String expected(String file) {
        try {
            return Files.readString(resource(name).resolve(file), StandardCharsets.UTF_8)
                    .replace("{engines}", String.join(", ", Engines.ids()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = LintFixture.class.getResource("/lint/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture src/test/resources/lint/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
