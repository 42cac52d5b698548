package io.matey.artifact;

import io.matey.engine.LockNotices;
import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import io.matey.error.NonUtf8Name;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The artifact files of one target at one point in time (the worktree, or a git tree for {@code --base}).
 * Keys are POSIX paths relative to the target, in code point order. The byte arrays are copies taken at
 * construction; callers must not modify the arrays they get back. Checkpoints are held by digest
 * ({@link CheckpointFile}), the rest by content.
 */
public final class Snapshot {

    private final String targetName;
    private final SortedMap<String, byte[]> migrations;
    private final SortedMap<String, CheckpointFile> checkpoints;
    private final byte[] schema;
    private final byte[] lockFile;

    private Snapshot(String targetName, Map<String, byte[]> migrations, Map<String, CheckpointFile> checkpoints,
            byte[] schema, byte[] lockFile) {
        this.targetName = targetName;
        this.migrations = sorted(migrations, byte[]::clone);
        this.checkpoints = sorted(checkpoints, file -> file);
        this.schema = schema == null ? null : schema.clone();
        this.lockFile = lockFile == null ? null : lockFile.clone();
    }

    /**
     * A snapshot from already collected files. Keys are taken as given ({@code migrations/...},
     * {@code checkpoints/...}); {@link LockState} reports the ones that are not valid. Absent files are null.
     */
    public static Snapshot of(String targetName, Map<String, byte[]> migrations, Map<String, byte[]> checkpoints,
            byte[] schema, byte[] lockFile) {
        Map<String, CheckpointFile> held = new TreeMap<>();
        checkpoints.forEach((path, bytes) -> held.put(path, CheckpointFile.of(bytes)));
        return new Snapshot(targetName, migrations, held, schema, lockFile);
    }

    /** Reads a target directory: every {@code *.sql} under migrations/ and checkpoints/, plus the two artifacts. */
    public static Snapshot ofWorktree(Path targetDir, String targetName) {
        return new Snapshot(targetName,
                collectSql(targetDir, ArtifactNames.MIGRATIONS_DIR, file -> readMigration(targetDir, file)),
                collectSql(targetDir, ArtifactNames.CHECKPOINTS_DIR, CheckpointFile::read),
                readOptional(targetDir.resolve(ArtifactNames.SCHEMA_FILE)),
                readOptional(targetDir.resolve(ArtifactNames.LOCK_FILE)));
    }

    /**
     * Whether the target has a migration file yet, as {@link #ofWorktree} collects them but without reading any:
     * a freshly initialised target has none, and there is nothing to migrate.
     */
    public static boolean hasMigrations(Path targetDir) {
        return !collectSql(targetDir, ArtifactNames.MIGRATIONS_DIR, file -> file).isEmpty();
    }

    /**
     * Reads a target directory after rolling back an interrupted artifact write, under the target lock, so the
     * snapshot is the old or the new set, never a mix (docs/architecture.md §4); a wait for the lock is told to
     * {@code notices}.
     */
    public static Snapshot ofRecoveredWorktree(Path targetDir, String targetName, LockNotices notices) {
        try (TargetLock lock = TargetLock.acquire(targetDir, notices)) {
            new ArtifactJournal(targetDir, notices).recover();
            return ofWorktree(targetDir, targetName);
        }
    }

    /** {@code migrations/a/001_x.sql} → {@code checkpoints/a/001_x.sql}. */
    public static String checkpointPathFor(String migrationFile) {
        String prefix = ArtifactNames.MIGRATIONS_DIR + "/";
        if (!migrationFile.startsWith(prefix)) {
            throw new IllegalArgumentException("Not a migration path: " + migrationFile);
        }
        return ArtifactNames.CHECKPOINTS_DIR + "/" + migrationFile.substring(prefix.length());
    }

    /**
     * The version of a migration file: the leading ASCII digits of its name, as dbmate reads it; for names
     * without leading digits, the name without {@code .sql} cut at the first {@code _} when something
     * precedes it, else the whole stem.
     */
    public static String versionOf(String migrationFile) {
        String name = migrationFile.substring(migrationFile.lastIndexOf('/') + 1);
        int digits = 0;
        while (digits < name.length() && name.charAt(digits) >= '0' && name.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > 0) {
            return name.substring(0, digits);
        }
        String stem = name.endsWith(".sql") ? name.substring(0, name.length() - ".sql".length()) : name;
        int underscore = stem.indexOf('_');
        return underscore > 0 ? stem.substring(0, underscore) : stem;
    }

    public String targetName() {
        return targetName;
    }

    public SortedMap<String, byte[]> migrations() {
        return migrations;
    }

    public SortedMap<String, CheckpointFile> checkpoints() {
        return checkpoints;
    }

    public Optional<byte[]> schema() {
        return Optional.ofNullable(schema);
    }

    public Optional<byte[]> lockFile() {
        return Optional.ofNullable(lockFile);
    }

    private static <T> SortedMap<String, T> sorted(Map<String, T> files, UnaryOperator<T> copy) {
        TreeMap<String, T> out = new TreeMap<>(CodePointOrder.INSTANCE);
        files.forEach((path, content) -> out.put(path, copy.apply(content)));
        return Collections.unmodifiableSortedMap(out);
    }

    /** How a file of the snapshot is read: whole, or digested ({@link CheckpointFile}). */
    /** Notes the file's size before reading it, so that a heap too small even for its bytes names it. */
    private static byte[] readMigration(Path targetDir, Path file) throws IOException {
        LargestInput.migration(targetDir.relativize(file).toString().replace('\\', '/'), Files.size(file));
        return Files.readAllBytes(file);
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> Map<String, T> collectSql(Path targetDir, String dirName, Reader<T> reader) {
        Map<String, T> files = new TreeMap<>();
        Path dir = targetDir.resolve(dirName);
        if (Files.isSymbolicLink(dir)) {
            throw new MateyException("Refusing to traverse symlinked directory: " + dir);
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            walk(dir, dirName, reader, files);
        }
        return files;
    }

    private static <T> void walk(Path dir, String key, Reader<T> reader, Map<String, T> files) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String entryKey = key + "/" + entry.getFileName();
                if (Files.isSymbolicLink(entry)) {
                    throw new MateyException(Files.isDirectory(entry)
                            ? "Refusing to traverse symlinked directory: " + entry
                            : "Refusing to read symlinked file: " + entry);
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    NonUtf8Name.require(entry, key);
                    walk(entry, entryKey, reader, files);
                } else if (entryKey.endsWith(".sql") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    NonUtf8Name.require(entry, key);
                    files.put(entryKey, reader.read(entry));
                }
            }
        } catch (IOException e) {
            throw new MateyException("Cannot read " + dir + ": " + FileFailure.detail(dir, e), e);
        }
    }

    private static byte[] readOptional(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new MateyException("Refusing to read symlinked file: " + file);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MateyException("Cannot read " + file + ": " + FileFailure.detail(file, e), e);
        }
    }
}
