package io.matey.artifact;

import static io.matey.artifact.LockFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.LockNotices;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ArtifactJournalTest {

    /** Thrown by the probe to stop a commit dead after a step, as a crash would. */
    private static final class Crash extends RuntimeException {
        Crash(String step) {
            super("crash after " + step);
        }
    }

    private static final Map<String, String> OLD = Map.of(
            "config.toml", "engine = \"sqlite\"\n",
            "schema.sql", "old schema\n",
            "schema.lock.toml", "old lock\n",
            "checkpoints/001_a.sql", "old checkpoint\n",
            "checkpoints/stale.sql", "orphan\n");

    private static final Map<String, byte[]> WRITES = Map.of(
            "schema.sql", utf8("new schema\n"),
            "schema.lock.toml", utf8("new lock\n"),
            "checkpoints/001_a.sql", utf8("new checkpoint\n"),
            "checkpoints/nested/002_b.sql", utf8("brand new\n"));

    private static final Set<String> DELETES = Set.of("checkpoints/stale.sql", "checkpoints/never-existed.sql");

    private static final Map<String, String> NEW = Map.of(
            "config.toml", "engine = \"sqlite\"\n",
            "schema.sql", "new schema\n",
            "schema.lock.toml", "new lock\n",
            "checkpoints/001_a.sql", "new checkpoint\n",
            "checkpoints/nested/002_b.sql", "brand new\n");

    @TempDir
    Path root;

    @Test
    void commitReplacesTheFileSetAndLeavesNoJournal() throws IOException {
        Path target = oldTarget("t");

        new ArtifactJournal(target, LockNotices.NONE).commit(WRITES, DELETES);

        assertThat(files(target)).isEqualTo(NEW);
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    @Test
    void deletingTheLastFileOfNestedDirectoriesRemovesThemUpToTheTarget() throws IOException {
        Path target = root.resolve("codegen");
        ArtifactJournal journal = new ArtifactJournal(target, LockNotices.NONE);
        journal.commit(Map.of("models/java/com/example/A.java", utf8("record A() {}\n"),
                "models/models.py", utf8("# models\n")), Set.of());

        assertThat(journal.commit(Map.of(), Set.of("models/java/com/example/A.java")))
                .as("the outermost directory removed").containsExactly("models/java/");

        assertThat(target.resolve("models/java")).doesNotExist();
        assertThat(target.resolve("models/models.py")).exists();
        assertThat(journal.commit(Map.of(), Set.of("models/models.py"))).containsExactly("models/");
        assertThat(target.resolve("models")).doesNotExist();
        assertThat(target).isDirectory();

        journal.commit(Map.of("checkpoints/nested/001_a.sql", utf8("a\n")), Set.of());
        assertThat(journal.commit(Map.of(), Set.of("checkpoints/nested/001_a.sql"))).containsExactly("checkpoints/nested/");
        assertThat(target.resolve("checkpoints")).as("init's directory stays").isDirectory();
    }

    @Test
    void filesStagedOneByOneAreCommittedWithTheRest() throws IOException {
        Path target = oldTarget("staged");

        try (ArtifactJournal.Staging staging = new ArtifactJournal(target, LockNotices.NONE).stage()) {
            staging.write("checkpoints/nested/002_b.sql", utf8("brand new\n"));
            staging.write("checkpoints/001_a.sql", utf8("new checkpoint\n"));
            assertThat(files(target)).isEqualTo(OLD); // staged, not yet in place
            staging.commit(Map.of("schema.sql", utf8("new schema\n"), "schema.lock.toml", utf8("new lock\n")),
                    DELETES);
        }

        assertThat(files(target)).isEqualTo(NEW);
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    @Test
    void stagingClosedWithoutACommitChangesNothingAndLeavesNoJournal() throws IOException {
        Path target = oldTarget("discarded");

        try (ArtifactJournal.Staging staging = new ArtifactJournal(target, LockNotices.NONE).stage()) {
            staging.write("checkpoints/001_a.sql", utf8("new checkpoint\n"));
        }

        assertThat(files(target)).isEqualTo(OLD);
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    @Test
    void stagingRefusesAPathOutsideTheTarget() throws IOException {
        Path target = oldTarget("outside");

        try (ArtifactJournal.Staging staging = new ArtifactJournal(target, LockNotices.NONE).stage()) {
            assertThatThrownBy(() -> staging.write("../elsewhere.sql", utf8("x")))
                    .isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Artifact path must be relative");
        }
        assertThat(files(target)).isEqualTo(OLD);
    }

    @TestFactory
    Stream<DynamicTest> aCrashAfterAnyStepRecoversToTheOldOrTheNewSet() throws IOException {
        List<String> steps = stepsOfACommit();
        assertThat(steps).containsExactly(
                "stage checkpoints/001_a.sql", "stage checkpoints/nested/002_b.sql", "stage schema.lock.toml",
                "stage schema.sql", "backup checkpoints/001_a.sql", "backup checkpoints/stale.sql",
                "backup schema.lock.toml", "backup schema.sql", "manifest", "prepared", "applying",
                "write checkpoints/001_a.sql", "write checkpoints/nested/002_b.sql", "write schema.lock.toml",
                "write schema.sql", "delete checkpoints/never-existed.sql", "delete checkpoints/stale.sql",
                "committed", "forgotten");
        int committed = steps.indexOf("committed");
        int prepared = steps.indexOf("prepared");
        return steps.stream().map(step -> DynamicTest.dynamicTest("crash after " + step, () -> {
            Path target = oldTarget("crash-" + steps.indexOf(step));
            crashAfter(step, target);
            // The probe's exception closes the staging, which discards a transaction without a state at once;
            // from prepared on, the journal stays for recovery, as after a real crash.
            if (steps.indexOf(step) >= prepared) {
                assertThat(target.resolve(".matey/tx")).isNotEmptyDirectory();
            }

            new ArtifactJournal(target, LockNotices.NONE).recover();

            assertThat(files(target)).isEqualTo(steps.indexOf(step) < committed ? OLD : NEW);
            assertThat(target.resolve(".matey")).doesNotExist();
        }));
    }

    @TestFactory
    Stream<DynamicTest> aCrashDuringRollbackIsRepairedByTheNextRecovery() throws IOException {
        List<String> restores = List.of("restore checkpoints/001_a.sql", "restore checkpoints/nested/002_b.sql",
                "restore checkpoints/stale.sql", "restore schema.lock.toml");
        return restores.stream().map(restore -> DynamicTest.dynamicTest("crash after " + restore, () -> {
            Path target = oldTarget("rollback-" + restores.indexOf(restore));
            crashAfter("write schema.lock.toml", target);
            assertThatThrownBy(() -> new ArtifactJournal(target, LockNotices.NONE, crashingAfter(restore)).recover())
                    .isInstanceOf(Crash.class);

            new ArtifactJournal(target, LockNotices.NONE).recover();

            assertThat(files(target)).isEqualTo(OLD);
        }));
    }

    @Test
    void theNextCommitRecoversFirst() throws IOException {
        Path target = oldTarget("t");
        crashAfter("write checkpoints/nested/002_b.sql", target);

        new ArtifactJournal(target, LockNotices.NONE).commit(Map.of("schema.sql", utf8("third\n")), Set.of());

        Map<String, String> expected = new TreeMap<>(OLD);
        expected.put("schema.sql", "third\n");
        assertThat(files(target)).isEqualTo(expected);
    }

    @Test
    void journalFilesHaveThePythonLayout() throws IOException {
        Path target = oldTarget("t");
        crashAfter("applying", target);
        Path transaction = onlyTransaction(target);

        String manifest = Files.readString(transaction.resolve("manifest.json"));
        String createdNs = transaction.getFileName().toString().split("-")[0];
        assertThat(transaction.getFileName().toString()).matches("[0-9]+-[0-9a-f]{32}");
        assertThat(manifest).isEqualTo("""
                {
                  "created_ns": %s,
                  "deletes": [
                    "checkpoints/never-existed.sql",
                    "checkpoints/stale.sql"
                  ],
                  "version": 1,
                  "writes": [
                    "checkpoints/001_a.sql",
                    "checkpoints/nested/002_b.sql",
                    "schema.lock.toml",
                    "schema.sql"
                  ]
                }""".formatted(createdNs));
        assertThat(Files.readString(transaction.resolve("state"))).isEqualTo("applying\n");
        assertThat(transaction.resolve("staged/checkpoints/nested/002_b.sql")).hasContent("brand new");
        assertThat(transaction.resolve("backup/checkpoints/stale.sql")).hasContent("orphan");
        assertThat(transaction.resolve("backup/checkpoints/nested/002_b.sql")).doesNotExist();
        assertThat(new String(new JournalManifest(7, List.of(), List.of()).toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"created_ns\": 7,\n  \"deletes\": [],\n  \"version\": 1,\n  \"writes\": []\n}");
    }

    @Test
    void anIoErrorWhileApplyingRollsBackAtOnce() throws IOException {
        Path target = oldTarget("t");
        // schema.sql is a file, so the last rename cannot create schema.sql/ as a directory.
        Map<String, byte[]> writes = new TreeMap<>(WRITES);
        writes.put("schema.sql/impossible.sql", utf8("x"));
        writes.remove("schema.sql");

        assertThatThrownBy(() -> new ArtifactJournal(target, LockNotices.NONE).commit(writes, DELETES))
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("changes rolled back");
        assertThat(files(target)).isEqualTo(OLD);
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    @Test
    void anEmptyCommitChangesNothing() throws IOException {
        Path target = oldTarget("t");

        new ArtifactJournal(target, LockNotices.NONE).commit(Map.of(), Set.of());

        assertThat(files(target)).isEqualTo(OLD);
        assertThat(target.resolve(".matey")).doesNotExist();
    }

    @Test
    void refusesAPathInBothSets() throws IOException {
        Path target = oldTarget("t");

        assertThatThrownBy(() -> new ArtifactJournal(target, LockNotices.NONE).commit(
                Map.of("schema.sql", utf8("x"), "b.sql", utf8("y")), Set.of("schema.sql", "b.sql", "c.sql")))
                .isInstanceOf(MateyException.class)
                .hasMessage("Paths cannot be in both writes and deletes in one transaction: b.sql, schema.sql");
        assertThat(files(target)).isEqualTo(OLD);
    }

    @Test
    void refusesPathsOutsideTheTargetOrInTheJournal() throws IOException {
        Path target = oldTarget("t");
        ArtifactJournal journal = new ArtifactJournal(target, LockNotices.NONE);

        for (String bad : List.of("../escape.sql", "/etc/passwd", "a/../b.sql", "a/./b.sql", "a//b.sql", "")) {
            assertThatThrownBy(() -> journal.commit(Map.of(bad, utf8("x")), Set.of()))
                    .as(bad)
                    .isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("Artifact path must be relative, inside the target");
        }
        assertThatThrownBy(() -> journal.commit(Map.of(), Set.of(".matey/tx/x")))
                .hasMessage("Artifact path is inside the reserved .matey directory: .matey/tx/x");
        assertThatThrownBy(() -> journal.commit(Map.of("checkpoints", utf8("x")), Set.of()))
                .hasMessage("Artifact path is a directory: " + target.resolve("checkpoints"));
        assertThat(files(target)).isEqualTo(OLD);
    }

    @Test
    void refusesToWriteThroughSymlinks() throws IOException {
        Path target = oldTarget("t");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(target.resolve("linked"), outside);
        Files.createSymbolicLink(target.resolve("link.sql"), target.resolve("schema.sql"));
        ArtifactJournal journal = new ArtifactJournal(target, LockNotices.NONE);

        assertThatThrownBy(() -> journal.commit(Map.of("linked/x.sql", utf8("x")), Set.of()))
                .hasMessage("Refusing to write through symlink: " + target.resolve("linked"));
        assertThatThrownBy(() -> journal.commit(Map.of(), Set.of("link.sql")))
                .hasMessage("Refusing to write through symlink: " + target.resolve("link.sql"));
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void recoveryReportsEveryInvalidEntryAtOnceAndTouchesNothing() throws IOException {
        Path target = oldTarget("t");
        Path tx = Files.createDirectories(target.resolve(".matey/tx"));
        Files.writeString(tx.resolve("1-file"), "x");
        Files.createSymbolicLink(tx.resolve("2-link"), target);
        Files.writeString(Files.createDirectories(tx.resolve("3-badstate")).resolve("state"), "maybe\n");
        Files.writeString(Files.createDirectories(tx.resolve("4-nomanifest")).resolve("state"), "applying\n");
        Path reserved = Files.createDirectories(tx.resolve("5-reserved"));
        Files.writeString(reserved.resolve("state"), "prepared\n");
        Files.writeString(reserved.resolve("manifest.json"),
                "{\"created_ns\": 1, \"deletes\": [], \"version\": 1, \"writes\": [\".matey/tx/x\"]}");
        Path badJson = Files.createDirectories(tx.resolve("6-badjson"));
        Files.writeString(badJson.resolve("state"), "committed\n");
        Files.writeString(badJson.resolve("manifest.json"), "{\"version\": 2}");

        assertThatThrownBy(() -> new ArtifactJournal(target, LockNotices.NONE).recover())
                .isInstanceOf(MateyException.class)
                .hasMessage("Transaction recovery encountered invalid journal entries: 1-file: not a directory; "
                        + "2-link: symbolic link; 3-badstate: invalid state 'maybe'; "
                        + "4-nomanifest: manifest.json is missing; "
                        + "5-reserved: path in the reserved namespace: .matey/tx/x; "
                        + "6-badjson: unsupported manifest version 2");
        assertThat(Files.list(tx)).hasSize(6);
        assertThat(files(target)).isEqualTo(OLD);
    }

    @Test
    void refusesToGuessBetweenTwoApplyingTransactions() throws IOException {
        Path target = oldTarget("t");
        crashAfter("applying", target);
        Path first = onlyTransaction(target);
        Path second = target.resolve(".matey/tx/9-second");
        Files.createDirectories(second);
        Files.copy(first.resolve("manifest.json"), second.resolve("manifest.json"));
        Files.copy(first.resolve("state"), second.resolve("state"));

        assertThatThrownBy(() -> new ArtifactJournal(target, LockNotices.NONE).recover())
                .isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Cannot recover: several interrupted transactions were applying");
    }

    @Test
    void discardsATransactionThatNeverReachedPrepared() throws IOException {
        Path target = oldTarget("t");
        Files.createDirectories(target.resolve(".matey/tx/5-partial/staged"));

        new ArtifactJournal(target, LockNotices.NONE).recover();

        assertThat(target.resolve(".matey")).doesNotExist();
        assertThat(files(target)).isEqualTo(OLD);
    }

    @Test
    void recoveringATargetWithoutJournalDoesNothing() throws IOException {
        Path target = oldTarget("t");

        new ArtifactJournal(target, LockNotices.NONE).recover();

        assertThat(files(target)).isEqualTo(OLD);
    }

    private List<String> stepsOfACommit() throws IOException {
        List<String> steps = new ArrayList<>();
        new ArtifactJournal(oldTarget("probe"), LockNotices.NONE, steps::add).commit(WRITES, DELETES);
        return steps;
    }

    private static void crashAfter(String step, Path target) {
        assertThatThrownBy(() -> new ArtifactJournal(target, LockNotices.NONE, crashingAfter(step)).commit(WRITES, DELETES))
                .isInstanceOf(Crash.class);
    }

    private static java.util.function.Consumer<String> crashingAfter(String crashStep) {
        return step -> {
            if (step.equals(crashStep)) {
                throw new Crash(step);
            }
        };
    }

    private Path oldTarget(String name) throws IOException {
        Path target = Files.createDirectories(root.resolve(name));
        for (var file : OLD.entrySet()) {
            Path path = target.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return target;
    }

    private static Path onlyTransaction(Path target) throws IOException {
        try (Stream<Path> entries = Files.list(target.resolve(".matey/tx"))) {
            return entries.reduce((a, b) -> {
                throw new AssertionError("more than one transaction");
            }).orElseThrow();
        }
    }

    /** Every regular file outside the journal, as target-relative path → content. */
    private static Map<String, String> files(Path target) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = target.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(".matey/")) {
                    files.put(relative, Files.readString(file));
                }
            }
        }
        return files;
    }
}
