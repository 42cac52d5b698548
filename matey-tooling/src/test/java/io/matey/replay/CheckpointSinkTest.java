package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.Digests;
import io.matey.artifact.Snapshot;
import io.matey.engine.LockNotices;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSinkTest {

    @TempDir
    Path target;

    @Test
    void stagesOnlyCheckpointsThatDifferFromTheWorktreeAndKeepsEveryDigest() throws IOException {
        write("checkpoints/001_a.sql", "A;\n");
        write("checkpoints/003_c.sql", "C;\n");
        Snapshot head = Snapshot.ofWorktree(target, ".");

        try (ArtifactJournal.Staging staging = new ArtifactJournal(target, LockNotices.NONE).stage()) {
            CheckpointSink sink = new CheckpointSink(head, staging, true);
            sink.accept("checkpoints/001_a.sql", "A;\n");
            sink.accept("checkpoints/002_b.sql", "B;\n");
            sink.accept("checkpoints/003_c.sql", "C;"); // same digest as the worktree's, other bytes

            assertThat(sink.changed()).containsExactly("checkpoints/002_b.sql", "checkpoints/003_c.sql");
            assertThat(sink.digests()).isEqualTo(Map.of(
                    "checkpoints/001_a.sql", Digests.sqlDigest("A;\n"),
                    "checkpoints/002_b.sql", Digests.sqlDigest("B;\n"),
                    "checkpoints/003_c.sql", Digests.sqlDigest("C;\n")));
            assertThat(sink.text("checkpoints/001_a.sql")).isEqualTo("A;\n");
            assertThat(sink.text("checkpoints/002_b.sql")).isEqualTo("B;\n");
            assertThat(sink.text("checkpoints/003_c.sql")).isEqualTo("C;");
            staging.commit(Map.of(), Set.of());
        }

        assertThat(target.resolve("checkpoints/002_b.sql")).hasContent("B;\n");
        assertThat(Files.readString(target.resolve("checkpoints/003_c.sql"))).isEqualTo("C;");
    }

    @Test
    void aPlanOnlyNotesTheChanges() throws IOException {
        write("checkpoints/001_a.sql", "A;\n");
        CheckpointSink sink = new CheckpointSink(Snapshot.ofWorktree(target, "."), null, false);

        sink.accept("checkpoints/001_a.sql", "A2;\n");

        assertThat(sink.changed()).containsExactly("checkpoints/001_a.sql");
        assertThat(target.resolve("checkpoints/001_a.sql")).hasContent("A;\n");
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    /** A plan that may bisect keeps its changed checkpoints in a temporary directory, gone once the sink closes. */
    @Test
    void aPlanKeepsItsChangedCheckpointsUntilClosed() throws IOException {
        write("checkpoints/001_a.sql", "A;\n");
        CheckpointSink sink = new CheckpointSink(Snapshot.ofWorktree(target, "."), null, true);
        try (sink) {
            sink.accept("checkpoints/001_a.sql", "A;\n");
            sink.accept("checkpoints/002_b.sql", "B;\n");

            assertThat(sink.text("checkpoints/001_a.sql")).isEqualTo("A;\n");
            assertThat(sink.text("checkpoints/002_b.sql")).isEqualTo("B;\n");
        }

        assertThatThrownBy(() -> sink.text("checkpoints/002_b.sql")).isInstanceOf(MateyException.class);
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    private void write(String relative, String text) throws IOException {
        Path file = target.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
