package io.matey;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.ArtifactNames;
import io.matey.artifact.LockFactory;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.TargetLock;
import io.matey.artifact.WorkspaceGitIgnore;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.LockNotices;
import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import io.matey.workspace.EnvNames;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetConfigReader;
import io.matey.workspace.TargetConfigWriter;
import io.matey.workspace.TargetPaths;
import io.matey.workspace.Workspace;
import io.matey.workspace.WorkspaceConfigWriter;
import io.matey.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code matey init}: registers a target in the workspace config, writes its {@code config.toml} and the
 * zero-state artifacts (an empty {@code schema.sql} and a lock without steps), and git-ignores the journal
 * directories. {@code --force} resets the generated artifacts but never deletes a migration.
 */
final class TargetInitializer {

    /** Options of {@code init}; null values take defaults. */
    record Options(String path, String engine, String urlEnv, String testUrlEnv, boolean force) {
    }

    private TargetInitializer() {
    }

    /** @param notices where a wait for the target lock is told */
    static InitResult init(Path workspaceRoot, Path cwd, Options options, LockNotices notices) {
        Workspace workspace = WorkspaceLoader.loadForInit(workspaceRoot, cwd);
        Path root = workspace.root();
        String name = options.path() != null ? TargetPaths.normalize(root, options.path()) : relativeTarget(root, cwd);
        Path dir = TargetPaths.resolve(root, name);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new MateyException("Target path " + dir + " exists and is not a directory.");
        }
        TargetConfig existing = Files.isRegularFile(dir.resolve(TargetConfig.CONFIG_FILE))
                ? TargetConfigReader.read(name, dir) : null;
        String engineName = options.engine() != null ? options.engine() : existing != null ? existing.engine() : null;
        if (engineName == null) {
            throw new MateyException("--engine is required when creating a new target config.");
        }
        Engine engine = Engines.byId(engineName);
        // the names config.toml's reader takes, checked before anything is written: a quote would end the TOML string
        String urlEnvOption = options.urlEnv() == null ? null : EnvNames.requireName(options.urlEnv(), "", "--url-env");
        String testUrlEnvOption = options.testUrlEnv() == null ? null
                : EnvNames.requireName(options.testUrlEnv(), "", "--test-url-env");
        String urlEnv = firstNonNull(urlEnvOption, existing == null ? null : existing.urlEnv(),
                EnvNames.defaultUrlEnv(name));
        String testUrlEnv = firstNonNull(testUrlEnvOption, existing == null ? null : existing.testUrlEnv(),
                EnvNames.defaultTestUrlEnv(name));
        List<String> artifacts = existingArtifacts(dir);
        if (!artifacts.isEmpty() && !options.force()) {
            throw new MateyException(artifacts.size() == 1 && artifacts.get(0).endsWith(ArtifactNames.SCHEMA_FILE)
                    ? foreignSchemaFile(artifacts.get(0))
                    : "init target refused to overwrite existing target artifacts: " + String.join(", ", artifacts)
                            + ". Pass --force to reset the generated artifacts (migrations are never deleted).");
        }
        List<Path> wrote = new ArrayList<>();
        String workspaceText = WorkspaceConfigWriter.withTarget(root, workspace.configFile(), name);
        Path workspaceFile = workspace.configFile() != null ? workspace.configFile() : root.resolve(WorkspaceLoader.CONFIG_FILE);
        if (workspaceText != null) {
            write(workspaceFile, workspaceText);
            wrote.add(workspaceFile);
        }
        Path gitIgnore = WorkspaceGitIgnore.ensure(root);
        if (gitIgnore != null) {
            wrote.add(gitIgnore);
        }
        Path repositoryIgnore = workspace.gitRoot().map(git -> WorkspaceGitIgnore.ensureRepository(git, root))
                .orElse(null);
        if (repositoryIgnore != null) {
            wrote.add(repositoryIgnore);
        }
        Path configFile = dir.resolve(TargetConfig.CONFIG_FILE);
        String configText = existing == null ? TargetConfigWriter.render(engine.id(), urlEnv, testUrlEnv)
                : TargetConfigWriter.update(readOrNull(configFile), engine.id(), urlEnv, testUrlEnv);
        if (!configText.equals(readOrNull(configFile))) {
            write(configFile, configText);
            wrote.add(configFile);
        }
        List<String> changed = new ArrayList<>(createDirectories(dir));
        changed.addAll(writeZeroState(dir, engine, name, notices));
        changed.sort(null);
        return new InitResult(name, engine.id(), wrote, changed, urlEnv, testUrlEnv);
    }

    /** The current directory's path in the workspace; the root itself when standing outside it (--workspace). */
    private static String relativeTarget(Path root, Path cwd) {
        Path here = cwd.toAbsolutePath().normalize();
        if (!here.startsWith(root) || here.equals(root)) {
            return ".";
        }
        return root.relativize(here).toString().replace('\\', '/');
    }

    /**
     * A schema.sql without Matey's lock beside it is another tool's: dbmate writes its schema dump to
     * {@code db/schema.sql} by default, which is where a target {@code db} keeps Matey's.
     */
    private static String foreignSchemaFile(String schemaFile) {
        return "init target refused to overwrite " + schemaFile + ": it has no " + ArtifactNames.LOCK_FILE
                + " beside it, so another tool wrote it (dbmate writes its schema dump there by default). Matey keeps "
                + "its own schema.sql in the target: pass --force to replace it (migrations are never deleted), and "
                + "run dbmate with --no-dump-schema (DBMATE_NO_DUMP_SCHEMA=true) or another --schema-file from then "
                + "on, or it overwrites Matey's schema.sql (README: dbmate commands).";
    }

    private static List<String> existingArtifacts(Path dir) {
        List<String> found = new ArrayList<>();
        for (String name : List.of(ArtifactNames.SCHEMA_FILE, ArtifactNames.LOCK_FILE, ArtifactNames.CHECKPOINTS_DIR)) {
            if (Files.exists(dir.resolve(name))) {
                found.add(dir.resolve(name).toString());
            }
        }
        return found;
    }

    private static List<String> createDirectories(Path dir) {
        List<String> created = new ArrayList<>();
        for (String name : List.of(ArtifactNames.MIGRATIONS_DIR, ArtifactNames.CHECKPOINTS_DIR, "data")) {
            Path sub = dir.resolve(name);
            if (!Files.isDirectory(sub)) {
                try {
                    Files.createDirectories(sub);
                } catch (IOException e) {
                    throw new MateyException("Cannot create " + sub + ": " + FileFailure.detail(sub, e));
                }
                created.add(name);
            }
        }
        return created;
    }

    /** Zero state through the journal: empty schema.sql, a lock without steps, no checkpoints. */
    private static Set<String> writeZeroState(Path dir, Engine engine, String name, LockNotices notices) {
        try (TargetLock lock = TargetLock.acquire(dir, notices)) {
            ArtifactJournal journal = new ArtifactJournal(dir, notices);
            journal.recover();
            String zero = engine.zeroBaseline();
            Map<String, byte[]> writes = new TreeMap<>();
            putIfDifferent(writes, dir, ArtifactNames.SCHEMA_FILE, zero);
            putIfDifferent(writes, dir, ArtifactNames.LOCK_FILE,
                    LockFileCodec.render(LockFactory.build(engine.id(), name, List.of(), zero)));
            Set<String> deletes = checkpoints(dir);
            if (!writes.isEmpty() || !deletes.isEmpty()) {
                journal.commit(writes, deletes);
            }
            Set<String> changed = new TreeSet<>(writes.keySet());
            changed.addAll(deletes);
            return changed;
        }
    }

    private static void putIfDifferent(Map<String, byte[]> writes, Path dir, String path, String text) {
        if (!text.equals(readOrNull(dir.resolve(path)))) {
            writes.put(path, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Set<String> checkpoints(Path dir) {
        Set<String> out = new TreeSet<>();
        Path checkpoints = dir.resolve(ArtifactNames.CHECKPOINTS_DIR);
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> files = Files.walk(checkpoints)) {
                files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".sql"))
                        .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new MateyException("Cannot list " + checkpoints + ": " + FileFailure.detail(checkpoints, e));
            }
        }
        return out;
    }

    private static String readOrNull(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new MateyException("Cannot read " + file + ": " + FileFailure.detail(file, e));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MateyException("Cannot write " + file + ": " + FileFailure.detail(file, e));
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
