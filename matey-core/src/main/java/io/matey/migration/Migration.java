package io.matey.migration;

import io.matey.artifact.ConflictMarkers;
import io.matey.artifact.LargestInput;
import io.matey.workspace.TargetPaths;
import java.util.Objects;

/**
 * One migration file of a target. Its script is parsed once, on first use, and kept: a replay asks for it in many
 * places (planning, the write guard, each section run), and a bulk data migration of many MiB would otherwise be
 * decoded and split again each time (docs/architecture.md §6).
 */
public final class Migration {

    private final String file;
    private final String version;
    private final byte[] bytes;
    private volatile MigrationScript script;

    /**
     * @param file    POSIX path relative to the target, starting with {@code migrations/}
     * @param version the dbmate version: the leading digits of the file name
     * @param bytes   the raw file content (digested as is)
     */
    public Migration(String file, String version, byte[] bytes) {
        LargestInput.migration(file, bytes.length);
        this.file = Objects.requireNonNull(file);
        this.version = Objects.requireNonNull(version);
        this.bytes = Objects.requireNonNull(bytes);
    }

    public String file() {
        return file;
    }

    public String version() {
        return version;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The parsed file, the same instance each time (parsing is deterministic, so a race parses twice at worst). */
    public MigrationScript script() {
        MigrationScript parsed = script;
        if (parsed == null) {
            parsed = MigrationParser.parse(file, bytes);
            script = parsed;
        }
        return parsed;
    }

    /**
     * Refuses a file of target {@code targetName} holding git merge conflict markers or a NUL byte, which no command
     * reads past: commands that run no SQL of theirs (e.g. {@code db status}) still must not call such a file applied
     * or pending. Only a file holding a NUL byte is parsed, for the parser's own refusal (the one replay and lint
     * give). The message names the file as the workspace root does and the {@code schema apply} of that target,
     * which works in a workspace of several targets.
     */
    public Migration requireReadableIn(String targetName) {
        return requireReadable(TargetPaths.file(targetName, file),
                MigrationScript.resolveConflict("run `matey schema apply" + TargetPaths.option(targetName) + "`"));
    }

    /** The same where the way on from a conflict is {@code conflictFix} (e.g. a dbmate command, which has no artifacts). */
    public Migration requireReadable(String conflictFix) {
        return requireReadable(file, conflictFix);
    }

    private Migration requireReadable(String named, String conflictFix) {
        ConflictMarkers.firstLine(bytes).ifPresent(line -> {
            throw MigrationScript.Problem.mergeConflict(line).error(named, conflictFix);
        });
        if (holdsNul()) {
            for (MigrationScript.Problem problem : script().problems()) {
                if (problem.kind() == MigrationScript.Kind.NUL_BYTE) {
                    throw problem.error(named);
                }
            }
        }
        return this;
    }

    /** A byte scan, so that a file without a NUL byte (every one but a broken file) is not decoded here. */
    private boolean holdsNul() {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** As the record this was: the same file, version and byte array. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Migration m && file.equals(m.file) && version.equals(m.version) && bytes == m.bytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, version, System.identityHashCode(bytes));
    }

    @Override
    public String toString() {
        return "Migration[file=" + file + ", version=" + version + "]";
    }
}
