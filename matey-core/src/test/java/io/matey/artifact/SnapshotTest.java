package io.matey.artifact;

import static io.matey.artifact.LockFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path dir;

    @Test
    void collectsSqlFilesAtAnyDepthWithPosixKeys() throws IOException {
        write("migrations/002_b.sql", "b");
        write("migrations/nested/deeper/001_a.sql", "a");
        write("migrations/README.md", "ignored");
        write("migrations/003_c.sql.bak", "ignored");
        write("checkpoints/002_b.sql", "B");
        write("schema.sql", "S");
        write("schema.lock.toml", "L");
        write("config.toml", "ignored");

        Snapshot snapshot = Snapshot.ofWorktree(dir, "db/core");

        assertThat(snapshot.targetName()).isEqualTo("db/core");
        assertThat(snapshot.migrations()).containsOnlyKeys("migrations/002_b.sql", "migrations/nested/deeper/001_a.sql");
        assertThat(snapshot.migrations().firstKey()).isEqualTo("migrations/002_b.sql");
        assertThat(snapshot.migrations().get("migrations/nested/deeper/001_a.sql")).isEqualTo(utf8("a"));
        assertThat(snapshot.checkpoints()).containsOnlyKeys("checkpoints/002_b.sql");
        assertThat(snapshot.schema()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("S")));
        assertThat(snapshot.lockFile()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("L")));
    }

    @Test
    void holdsWorktreeCheckpointsByDigestAndRefusesOneChangedSince() throws IOException {
        write("checkpoints/001_a.sql", "CREATE TABLE a (id int);");
        write("checkpoints/002_b.sql", "");
        Files.write(dir.resolve("checkpoints/002_b.sql"), new byte[] {'x', (byte) 0xC3}); // not UTF-8

        Snapshot snapshot = Snapshot.ofWorktree(dir, ".");
        CheckpointFile checkpoint = snapshot.checkpoints().get("checkpoints/001_a.sql");

        assertThat(checkpoint.digest()).hasValue(Digests.sqlDigest("CREATE TABLE a (id int);\n"));
        assertThat(checkpoint.bytes()).isEqualTo(utf8("CREATE TABLE a (id int);"));
        assertThat(snapshot.checkpoints().get("checkpoints/002_b.sql").digest()).isEmpty();
        // The text is not held: it is read again, and a file another writer replaced is not mixed in.
        write("checkpoints/001_a.sql", "CREATE TABLE b (id int);");
        assertThatThrownBy(checkpoint::bytes)
                .isInstanceOf(MateyException.class)
                .hasMessage(dir.resolve("checkpoints/001_a.sql") + " changed while this command was using it "
                        + "(another matey writing the artifacts?); run the command again.");
    }

    @Test
    void anEmptyTargetHasNothing() {
        Snapshot snapshot = Snapshot.ofWorktree(dir, ".");

        assertThat(snapshot.migrations()).isEmpty();
        assertThat(snapshot.checkpoints()).isEmpty();
        assertThat(snapshot.schema()).isEmpty();
        assertThat(snapshot.lockFile()).isEmpty();
    }

    @Test
    void refusesSymlinkedFiles() throws IOException {
        Path real = write("elsewhere/001_a.sql", "a");
        Files.createDirectories(dir.resolve("migrations"));
        Path link = Files.createSymbolicLink(dir.resolve("migrations/001_a.sql"), real);

        assertThatThrownBy(() -> Snapshot.ofWorktree(dir, "."))
                .isInstanceOf(MateyException.class)
                .hasMessage("Refusing to read symlinked file: " + link);
    }

    @Test
    void refusesSymlinksThatAreNotSqlAndDanglingOnes() throws IOException {
        Files.createDirectories(dir.resolve("checkpoints"));
        Path link = Files.createSymbolicLink(dir.resolve("checkpoints/notes.txt"), dir.resolve("nowhere"));

        assertThatThrownBy(() -> Snapshot.ofWorktree(dir, "."))
                .hasMessage("Refusing to read symlinked file: " + link);
    }

    @Test
    void refusesSymlinkedDirectories() throws IOException {
        write("elsewhere/001_a.sql", "a");
        Files.createDirectories(dir.resolve("migrations"));
        Path link = Files.createSymbolicLink(dir.resolve("migrations/sub"), dir.resolve("elsewhere"));

        assertThatThrownBy(() -> Snapshot.ofWorktree(dir, "."))
                .hasMessage("Refusing to traverse symlinked directory: " + link);
    }

    @Test
    void refusesASymlinkedMigrationsDirectory() throws IOException {
        write("elsewhere/001_a.sql", "a");
        Path link = Files.createSymbolicLink(dir.resolve("migrations"), dir.resolve("elsewhere"));

        assertThatThrownBy(() -> Snapshot.ofWorktree(dir, "."))
                .hasMessage("Refusing to traverse symlinked directory: " + link);
    }

    @Test
    void refusesSymlinkedArtifacts() throws IOException {
        Path real = write("elsewhere/schema.sql", "S");
        Path link = Files.createSymbolicLink(dir.resolve("schema.sql"), real);

        assertThatThrownBy(() -> Snapshot.ofWorktree(dir, "."))
                .hasMessage("Refusing to read symlinked file: " + link);
    }

    @Test
    void sortsByCodePointLikePython() {
        // UTF-16 order would put the emoji (a surrogate pair, 0xD83D...) before U+FFFD.
        Snapshot snapshot = Snapshot.of(".", Map.of(
                "migrations/\uD83D\uDE00.sql", utf8("x"),
                "migrations/\uFFFD.sql", utf8("y"),
                "migrations/a.sql", utf8("z")), Map.of(), null, null);

        assertThat(snapshot.migrations().keySet())
                .containsExactly("migrations/a.sql", "migrations/\uFFFD.sql", "migrations/\uD83D\uDE00.sql");
    }

    @Test
    void isImmutable() {
        byte[] bytes = utf8("x");
        Snapshot snapshot = Snapshot.of(".", Map.of("migrations/a.sql", bytes), Map.of(), bytes, null);
        bytes[0] = 'y';

        assertThat(snapshot.migrations().get("migrations/a.sql")).isEqualTo(utf8("x"));
        assertThat(snapshot.schema().orElseThrow()).isEqualTo(utf8("x"));
        assertThatThrownBy(() -> snapshot.migrations().put("migrations/b.sql", bytes))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapsMigrationsToCheckpoints() {
        assertThat(Snapshot.checkpointPathFor("migrations/001_init.sql")).isEqualTo("checkpoints/001_init.sql");
        assertThat(Snapshot.checkpointPathFor("migrations/a/001_x.sql")).isEqualTo("checkpoints/a/001_x.sql");
    }

    @Test
    void readsVersionsTheWayDbmateDoes() {
        assertThat(Snapshot.versionOf("migrations/20260101120000_create_users.sql")).isEqualTo("20260101120000");
        assertThat(Snapshot.versionOf("migrations/001_init.sql")).isEqualTo("001");
        assertThat(Snapshot.versionOf("migrations/a/002_x.sql")).isEqualTo("002");
        assertThat(Snapshot.versionOf("migrations/20260101-add column.sql")).isEqualTo("20260101");
        assertThat(Snapshot.versionOf("migrations/003.sql.sql")).isEqualTo("003");
        assertThat(Snapshot.versionOf("migrations/init_tables.sql")).isEqualTo("init");
        assertThat(Snapshot.versionOf("migrations/_leading.sql")).isEqualTo("_leading");
        assertThat(Snapshot.versionOf("migrations/plain.sql")).isEqualTo("plain");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, utf8(text));
    }
}
