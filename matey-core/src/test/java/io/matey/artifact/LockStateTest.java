package io.matey.artifact;

import static io.matey.artifact.DiagnosticCode.*;
import static io.matey.artifact.LockFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LockStateTest {

    private static final byte[] NOT_UTF8 = {'-', '-', ' ', (byte) 0xc3, (byte) 0x28};

    private static TargetFixture twoMigrations() {
        return TargetFixture.coherent("sqlite", "db/core", "001_a.sql", "002_b.sql");
    }

    private static List<DiagnosticCode> codes(LockState state) {
        return state.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Nested
    class Clean {

        @Test
        void thePythonExampleIsClean() {
            Snapshot snapshot = Snapshot.of("db/core", Map.of("migrations/001_init.sql", utf8(LockFixtures.MIGRATION)),
                    Map.of("checkpoints/001_init.sql", utf8(LockFixtures.SCHEMA)), utf8(LockFixtures.SCHEMA),
                    utf8(LockFixtures.LOCK));

            LockState state = LockState.of(snapshot);

            assertThat(state.diagnostics()).isEmpty();
            assertThat(state.isClean()).isTrue();
            assertThat(state.lock()).isPresent();
            assertThat(state.steps()).containsExactly(new WorktreeStep(1, "001", "migrations/001_init.sql",
                    "1092f30b6d53075f945b08662b7c976393f22a2bf5eec87a6d6bac3bab5caac1", "checkpoints/001_init.sql",
                    "d05bb35743227c1d06e1521ef43f071cd417ff67f48d1771d92681c20ad6b6b8",
                    "06a62e66019ce0e3187da698e65f4dd489219e964f5a3c644b974e2fd69a6b51"));
        }

        @Test
        void theZeroStateOfInitIsClean() {
            Snapshot snapshot = Snapshot.of(".", Map.of(), Map.of(), utf8("\n"), utf8(LockFixtures.ZERO_POSTGRES_LOCK));

            assertThat(LockState.of(snapshot).isClean()).isTrue();
        }

        @Test
        void nestedMigrationsInCodePointOrderAreClean() {
            LockState state = TargetFixture.coherent("postgres", ".", "001_a.sql", "a/002_b.sql", "b/000_c.sql").state();

            assertThat(state.diagnostics()).isEmpty();
            assertThat(state.steps()).extracting(WorktreeStep::migrationFile)
                    .containsExactly("migrations/001_a.sql", "migrations/a/002_b.sql", "migrations/b/000_c.sql");
        }

        @Test
        void anEmptyTargetIsClean() {
            assertThat(LockState.of(Snapshot.of(".", Map.of(), Map.of(), null, null)).isClean()).isTrue();
        }

        @Test
        void aMissingFinalNewlineInGeneratedSqlDoesNotMatter() {
            TargetFixture fixture = twoMigrations();
            fixture.checkpoints.put("checkpoints/002_b.sql", utf8("-- schema after 002_b.sql"));
            fixture.schema = utf8("-- schema after 002_b.sql");

            assertThat(fixture.state().diagnostics()).isEmpty();
        }
    }

    /** What {@code git merge} leaves in a file both branches changed. */
    private static String conflicted(String ours, String theirs) {
        return "<<<<<<< HEAD\n" + ours + "=======\n" + theirs + ">>>>>>> feature\n";
    }

    @Nested
    class MergeConflicts {

        @Test
        void aConflictedLockIsReportedAsSuchNotParsed() {
            TargetFixture fixture = twoMigrations().editLock(text -> text.replace("head_index = 2\n",
                    conflicted("head_index = 2\n", "head_index = 3\n")));

            LockState state = fixture.state();

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(INPUT_CONFLICT_MARKERS, "schema.lock.toml",
                    "Git merge conflict markers at line 9."));
            assertThat(state.lock()).isEmpty();
            assertThat(state.fatalDiagnostics()).as("schema apply regenerates it").isEmpty();
            assertThat(state.conflictedFiles()).containsExactly("schema.lock.toml");
        }

        @Test
        void everyConflictedArtifactIsNamedWithTheWayOut() {
            TargetFixture fixture = twoMigrations().editLock(text -> conflicted(text, text));
            fixture.schema = utf8("-- a\r\n" + conflicted("CREATE TABLE a (x int);\r\n", "CREATE TABLE b (x int);\r\n")
                    .replace("\n", "\r\n"));
            fixture.checkpoints.put("checkpoints/002_b.sql", utf8(conflicted("", "-- theirs\n")));

            LockState state = fixture.state();

            assertThat(state.conflictedFiles()).containsExactly("schema.lock.toml", "schema.sql", "checkpoints/002_b.sql");
            assertThat(state.diagnostics().get(1).detail()).isEqualTo("Git merge conflict markers at line 2.");
            assertThat(state.conflictAdvice()).hasValue("Git merge conflict markers in schema.lock.toml, schema.sql, "
                    + "checkpoints/002_b.sql of target 'db/core': generated artifacts are regenerated, not merged by "
                    + "hand. Run `matey schema apply --path db/core`, which replays the merged migrations and rewrites "
                    + "schema.sql, the checkpoints, schema.lock.toml and any generated models; then `git add` them and "
                    + "commit the merge.");
        }

        @Test
        void markerLikeLinesAloneAreNoConflict() {
            TargetFixture fixture = twoMigrations();
            fixture.schema = utf8("-- <<<<<<< not at the start\n=======\n-- >>>>>>> x\n<<<<<<<< eight\n=======\n"
                    + ">>>>>>>> eight\n");

            assertThat(codes(fixture.state())).containsExactly(COHERENCE_SCHEMA_DIGEST_MISMATCH);
            assertThat(fixture.state().conflictAdvice()).isEmpty();
        }
    }

    @Nested
    class Lockfile {

        @Test
        void parseError() {
            TargetFixture fixture = twoMigrations();
            fixture.lock = utf8("this is = not toml = at all");

            LockState state = fixture.state();

            assertThat(state.diagnostics()).hasSize(1);
            Diagnostic diagnostic = state.diagnostics().get(0);
            assertThat(diagnostic.code()).isEqualTo(LOCKFILE_PARSE_ERROR);
            assertThat(diagnostic.path()).isEqualTo("schema.lock.toml");
            assertThat(diagnostic.detail()).startsWith("Unable to parse lockfile: ");
            assertThat(state.lock()).isEmpty();
            // Without a usable lock the chain is bound to no engine.
            assertThat(state.steps().get(0).chainHash()).isEqualTo(Digests.chainStep(
                    Digests.chainSeed("", "db/core"), "001", "migrations/001_a.sql",
                    state.steps().get(0).migrationDigest()));
        }

        @Test
        void parseErrorForAMissingKeyAndForBadEncoding() {
            assertThat(twoMigrations().editLock(text -> text.replace("engine = \"sqlite\"\n", ""))
                    .state().diagnostics())
                    .containsExactly(new Diagnostic(LOCKFILE_PARSE_ERROR, "schema.lock.toml",
                            "Unable to parse lockfile: missing key 'engine'"));
            TargetFixture fixture = twoMigrations();
            fixture.lock = NOT_UTF8;
            assertThat(fixture.state().diagnostics()).containsExactly(new Diagnostic(LOCKFILE_PARSE_ERROR,
                    "schema.lock.toml", "Unable to parse lockfile: lockfile is not valid UTF-8: byte 0xC3 at byte offset 3 of the file (line 1)"));
        }

        @Test
        void artifactsOfPythonMateyAreForeignWithTheCommandThatRegeneratesThem() {
            TargetFixture pgDump = twoMigrations().editLock(text -> text.replace("matey-catalog-v1", "matey-sql-v0"));
            pgDump.schema = utf8("--\n-- PostgreSQL database dump\n--\n\n\\restrict abc123\n\nSET lock_timeout = 0;\n");
            TargetFixture unlabelled = twoMigrations().editLock(text -> text.replace("canonicalizer = \"matey-catalog-v1\"\n", ""));

            assertThat(pgDump.state().foreignReason()).hasValue("Artifacts written by another tool: the lock names "
                    + "canonicalizer 'matey-sql-v0' (Python matey's pg_dump/mysqldump/sqlite3 text), not Matey's "
                    + "'matey-catalog-v1'. Regenerate them from the migrations with `matey schema apply --path db/core --clean`.");
            assertThat(unlabelled.state().diagnostics()).extracting(Diagnostic::code)
                    .containsExactly(LOCKFILE_CANONICALIZER_MISMATCH);
            assertThat(unlabelled.state().foreignReason().orElseThrow()).contains("the lock names no canonicalizer");
            assertThat(unlabelled.state().fatalDiagnostics()).isEmpty();
        }

        @Test
        void theLabelEarlierMateyReleasesWroteStaysMateysOverMateysOwnDumps() {
            LockState state = twoMigrations().editLock(text -> text.replace("matey-catalog-v1", "matey-sql-v0")).state();

            assertThat(state.diagnostics()).isEmpty();
            assertThat(state.foreignReason()).isEmpty();
        }

        @Test
        void headerMismatches() {
            LockState state = twoMigrations().editLock(text -> text
                    .replace("lock_version = 0", "lock_version = 1")
                    .replace("\"blake2b-256\"", "\"sha256\"")
                    .replace("\"matey-catalog-v1\"", "\"other\"")
                    .replace("schema_file = \"schema.sql\"", "schema_file = \"db.sql\"")
                    .replace("migrations_dir = \"migrations\"", "migrations_dir = \"m\"")
                    .replace("checkpoints_dir = \"checkpoints\"", "checkpoints_dir = \"c\"")).state();

            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(LOCKFILE_VERSION_MISMATCH, "schema.lock.toml", "lock_version is 1; expected 0."),
                    new Diagnostic(LOCKFILE_HASH_ALGORITHM_MISMATCH, "schema.lock.toml",
                            "hash_algorithm is 'sha256'; expected 'blake2b-256'."),
                    new Diagnostic(LOCKFILE_SCHEMA_PATH_MISMATCH, "schema.lock.toml",
                            "schema_file is 'db.sql'; expected 'schema.sql'."),
                    new Diagnostic(LOCKFILE_MIGRATIONS_PATH_MISMATCH, "schema.lock.toml",
                            "migrations_dir is 'm'; expected 'migrations'."),
                    new Diagnostic(LOCKFILE_CHECKPOINTS_PATH_MISMATCH, "schema.lock.toml",
                            "checkpoints_dir is 'c'; expected 'checkpoints'."),
                    new Diagnostic(LOCKFILE_CANONICALIZER_MISMATCH, "schema.lock.toml", "Artifacts written by another "
                            + "tool: the lock names canonicalizer 'other' (another tool's), not Matey's 'matey-catalog-v1'. "
                            + "Regenerate them from the migrations with `matey schema apply --path db/core --clean`."));
            assertThat(state.fatalDiagnostics()).isEqualTo(state.diagnostics().subList(0, 5));
        }

        @Test
        void stepPathInvalidIgnoresTheStep() {
            for (String bad : List.of("migrations/../002_b.sql", "/migrations/002_b.sql", "", "migrations/./002_b.sql",
                    "migrations//002_b.sql")) {
                LockState state = twoMigrations()
                        .editLock(text -> text.replace("migration_file = \"migrations/002_b.sql\"",
                                "migration_file = \"" + bad + "\""))
                        .state();

                assertThat(codes(state)).as(bad).startsWith(LOCKFILE_STEP_PATH_INVALID);
                // The ignored step leaves the worktree migration unaccounted for.
                assertThat(state.diagnostics()).as(bad)
                        .contains(new Diagnostic(COHERENCE_NEW_IN_INPUT, "migrations/002_b.sql",
                                "Migration is not in the lockfile."));
            }
            LockState badCheckpoint = twoMigrations()
                    .editLock(text -> text.replace("\"checkpoints/001_a.sql\"", "\"checkpoints/../001_a.sql\""))
                    .state();
            assertThat(codes(badCheckpoint)).startsWith(LOCKFILE_STEP_PATH_INVALID);
        }

        @Test
        void stepPathMismatchIgnoresTheStep() {
            LockState state = twoMigrations()
                    .editLock(text -> text.replace("\"checkpoints/002_b.sql\"", "\"migrations/002_b.sql\""))
                    .state();

            assertThat(state.diagnostics().get(0)).isEqualTo(new Diagnostic(LOCKFILE_STEP_PATH_MISMATCH,
                    "schema.lock.toml", "Step 2 paths ('migrations/002_b.sql', 'migrations/002_b.sql') are not "
                            + "under migrations/ and checkpoints/; step ignored."));
            assertThat(codes(twoMigrations().editLock(text -> text.replace("\"migrations/001_a.sql\"",
                    "\"elsewhere/001_a.sql\"")).state())).startsWith(LOCKFILE_STEP_PATH_MISMATCH);
        }

        @Test
        void duplicateMigration() {
            LockState state = twoMigrations().editLock(text -> text.replace("\"migrations/002_b.sql\"",
                    "\"migrations/001_a.sql\"")).state();

            assertThat(state.diagnostics().get(0)).isEqualTo(new Diagnostic(LOCKFILE_DUPLICATE_MIGRATION,
                    "schema.lock.toml", "Step 2 repeats migration 'migrations/001_a.sql'; step ignored."));
            assertThat(codes(state)).doesNotContain(LOCKFILE_STEP_INDEX_INVALID);
        }

        @Test
        void duplicateStepIndex() {
            LockState state = twoMigrations().editLock(text -> text.replace("index = 2", "index = 1")).state();

            assertThat(state.diagnostics().get(0)).isEqualTo(new Diagnostic(LOCKFILE_DUPLICATE_STEP_INDEX,
                    "schema.lock.toml", "Step index 1 appears more than once; later step ignored."));
        }

        @Test
        void stepIndexInvalid() {
            LockState gap = twoMigrations().editLock(text -> text.replace("index = 2", "index = 3")).state();
            assertThat(gap.diagnostics().get(0)).isEqualTo(new Diagnostic(LOCKFILE_STEP_INDEX_INVALID,
                    "schema.lock.toml", "Step indexes are [1, 3]; expected 1..2 in order."));

            LockState swapped = twoMigrations().editLock(text -> text
                    .replace("index = 1", "index = X").replace("index = 2", "index = 1").replace("index = X", "index = 2"))
                    .state();
            assertThat(codes(swapped)).containsOnlyOnce(LOCKFILE_STEP_INDEX_INVALID);
            assertThat(swapped.fatalDiagnostics()).extracting(Diagnostic::code).containsExactly(LOCKFILE_STEP_INDEX_INVALID);
        }
    }

    @Nested
    class Inputs {

        @Test
        void invalidMigrationAndCheckpointPaths() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/../escape.sql", utf8("x"));
            fixture.migrations.put("migrations/notes.txt", utf8("x"));
            fixture.migrations.put("/migrations/abs.sql", utf8("x"));
            fixture.checkpoints.put("migrations/003_c.sql", utf8("x"));

            LockState state = fixture.state();

            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(INPUT_PATH_INVALID, "/migrations/abs.sql",
                            "Expected a relative path under migrations/ ending in .sql."),
                    new Diagnostic(INPUT_PATH_INVALID, "migrations/../escape.sql",
                            "Expected a relative path under migrations/ ending in .sql."),
                    new Diagnostic(INPUT_PATH_INVALID, "migrations/notes.txt",
                            "Expected a relative path under migrations/ ending in .sql."),
                    new Diagnostic(INPUT_PATH_INVALID, "migrations/003_c.sql",
                            "Expected a relative path under checkpoints/ ending in .sql."));
            assertThat(state.steps()).hasSize(2);
            assertThat(state.fatalDiagnostics()).hasSize(4);
        }

        @Test
        void nonUtf8SchemaAndCheckpointAreInvalidInputs() {
            TargetFixture fixture = twoMigrations();
            fixture.schema = NOT_UTF8;
            fixture.checkpoints.put("checkpoints/001_a.sql", NOT_UTF8);

            LockState state = fixture.state();

            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(INPUT_PATH_INVALID, "checkpoints/001_a.sql", "Checkpoint is not valid UTF-8."),
                    new Diagnostic(INPUT_PATH_INVALID, "schema.sql", "schema.sql is not valid UTF-8."));
            assertThat(state.steps().get(0).checkpointDigest()).isNull();
        }

        @Test
        void duplicatePathsAfterNormalisation() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations//001_a.sql", utf8("other"));
            fixture.migrations.put("./migrations/002_b.sql", utf8("other"));

            LockState state = fixture.state();

            // Keys are read in code point order, so the first spelling of a path wins.
            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(INPUT_PATH_DUPLICATE, "migrations/001_a.sql",
                            "Same path as 'migrations//001_a.sql' after normalisation; ignored."),
                    new Diagnostic(INPUT_PATH_DUPLICATE, "migrations/002_b.sql",
                            "Same path as './migrations/002_b.sql' after normalisation; ignored."),
                    new Diagnostic(COHERENCE_HEAD_CHAIN_MISMATCH, "schema.lock.toml",
                            "head_chain_hash does not match the chain recomputed from the worktree migrations."),
                    new Diagnostic(COHERENCE_MIGRATION_DIGEST_MISMATCH, "migrations/001_a.sql",
                            "Migration changed since the lockfile was written."),
                    new Diagnostic(COHERENCE_CHAIN_HASH_MISMATCH, "migrations/001_a.sql",
                            "chain_hash does not match the recomputed chain, and 1 later entry chains from it."),
                    new Diagnostic(COHERENCE_MIGRATION_DIGEST_MISMATCH, "migrations/002_b.sql",
                            "Migration changed since the lockfile was written."));
        }

        @Test
        void schemaMissing() {
            TargetFixture fixture = twoMigrations();
            fixture.schema = null;

            assertThat(fixture.state().diagnostics()).containsExactly(new Diagnostic(INPUT_SCHEMA_MISSING,
                    "schema.sql", "schema.lock.toml exists but schema.sql is missing."));
        }

        @Test
        void lockMissingWhenMigrationsExist() {
            TargetFixture fixture = twoMigrations();
            fixture.lock = null;

            LockState state = fixture.state();

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(INPUT_LOCK_MISSING, "schema.lock.toml",
                    "Migrations exist but schema.lock.toml is missing; run `matey schema apply --path db/core`."));
            assertThat(state.isClean()).isFalse();
            assertThat(state.fatalDiagnostics()).isEmpty();
            assertThat(state.steps().get(1).chainHash()).isEqualTo(Digests.chainStep(state.steps().get(0).chainHash(),
                    "002", "migrations/002_b.sql", state.steps().get(1).migrationDigest()));
        }

        @Test
        void lockAndSchemaMissingWhenMigrationsExist() {
            TargetFixture fixture = twoMigrations();
            fixture.lock = null;
            fixture.schema = null;
            fixture.checkpoints.clear();

            assertThat(codes(fixture.state())).containsExactly(INPUT_LOCK_MISSING);
        }

        @Test
        void orphanCheckpointWithAndWithoutLock() {
            TargetFixture fixture = twoMigrations();
            fixture.checkpoints.put("checkpoints/000_gone.sql", utf8("x"));
            Diagnostic orphan = new Diagnostic(INPUT_ORPHAN_CHECKPOINT, "checkpoints/000_gone.sql",
                    "Checkpoint has no matching migration.");

            assertThat(fixture.state().diagnostics()).containsExactly(orphan);

            Snapshot noLock = Snapshot.of(".", Map.of(), Map.of("checkpoints/000_gone.sql", utf8("x")), null, null);
            assertThat(LockState.of(noLock).diagnostics()).containsExactly(orphan);
        }
    }

    @Nested
    class Coherence {

        @Test
        void targetMismatch() {
            TargetFixture moved = TargetFixture.coherent("sqlite", "core", "001_a.sql");
            Snapshot snapshot = Snapshot.of("db/core", moved.migrations, moved.checkpoints, moved.schema, moved.lock);

            LockState state = LockState.of(snapshot);

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(COHERENCE_TARGET_MISMATCH,
                    "schema.lock.toml", "Lockfile target 'core' does not match target 'db/core'."));
            assertThat(state.fatalDiagnostics()).isEqualTo(state.diagnostics());
        }

        @Test
        void headIndexMismatchAgainstLockAndWorktreeSeparately() {
            LockState state = twoMigrations().editLock(text -> text.replace("head_index = 2", "head_index = 3"))
                    .state();

            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(COHERENCE_HEAD_INDEX_MISMATCH, "schema.lock.toml",
                            "head_index is 3 but the lockfile has 2 steps."),
                    new Diagnostic(COHERENCE_HEAD_INDEX_MISMATCH, "schema.lock.toml",
                            "head_index is 3 but the worktree has 2 migrations."));
        }

        @Test
        void headIndexMismatchCountsOneInTheSingular() {
            TargetFixture fixture = TargetFixture.coherent("sqlite", "db/core", "001_a.sql");
            LockState state = fixture.editLock(text -> text.replace("head_index = 1", "head_index = 2")).state();

            assertThat(state.diagnostics()).extracting(Diagnostic::detail).contains(
                    "head_index is 2 but the lockfile has 1 step.", "head_index is 2 but the worktree has 1 migration.");
        }

        @Test
        void headChainMismatch() {
            TargetFixture fixture = twoMigrations();
            String head = LockState.of(fixture.snapshot()).steps().get(1).chainHash();

            LockState state = fixture.editLock(text -> text.replace("head_chain_hash = \"" + head,
                    "head_chain_hash = \"" + "0".repeat(64))).state();

            assertThat(codes(state)).containsExactly(COHERENCE_HEAD_CHAIN_MISMATCH);
        }

        @Test
        void headChainOfAnEmptyHistoryIsTheSeed() {
            TargetFixture fixture = TargetFixture.coherent("sqlite", "db/core");
            assertThat(fixture.state().isClean()).isTrue();

            LockState state = fixture.editLock(text -> text.replace(Digests.chainSeed("sqlite", "db/core"),
                    Digests.chainSeed("postgres", "db/core"))).state();

            assertThat(codes(state)).containsExactly(COHERENCE_HEAD_CHAIN_MISMATCH);
        }

        @Test
        void schemaDigestMismatch() {
            TargetFixture fixture = twoMigrations();
            fixture.schema = utf8("-- edited by hand\n");

            assertThat(fixture.state().diagnostics()).containsExactly(new Diagnostic(COHERENCE_SCHEMA_DIGEST_MISMATCH,
                    "schema.sql", "schema.sql does not match head_schema_digest."));
        }

        @Test
        void newInInput() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/003_c.sql", utf8("-- migrate:up\n"));

            LockState state = fixture.state();

            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(COHERENCE_HEAD_INDEX_MISMATCH, "schema.lock.toml",
                            "head_index is 2 but the worktree has 3 migrations."),
                    new Diagnostic(COHERENCE_HEAD_CHAIN_MISMATCH, "schema.lock.toml",
                            "head_chain_hash does not match the chain recomputed from the worktree migrations."),
                    new Diagnostic(COHERENCE_NEW_IN_INPUT, "migrations/003_c.sql", "Migration is not in the lockfile."));
            assertThat(state.fatalDiagnostics()).isEmpty();
        }

        @Test
        void missingFromInput() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.remove("migrations/002_b.sql");
            fixture.checkpoints.remove("checkpoints/002_b.sql");

            LockState state = fixture.state();

            assertThat(codes(state)).containsExactly(COHERENCE_HEAD_INDEX_MISMATCH, COHERENCE_HEAD_CHAIN_MISMATCH,
                    COHERENCE_MISSING_FROM_INPUT);
            assertThat(state.diagnostics().get(2)).isEqualTo(new Diagnostic(COHERENCE_MISSING_FROM_INPUT,
                    "migrations/002_b.sql", "Lockfile step has no migration file in the worktree."));
        }

        @Test
        void stepIndexMismatchWhenAMigrationIsInsertedBefore() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/000_first.sql", utf8("-- migrate:up\n"));

            LockState state = fixture.state();

            assertThat(state.diagnostics()).contains(
                    new Diagnostic(COHERENCE_STEP_INDEX_MISMATCH, "migrations/001_a.sql",
                            "Lockfile index 1 but worktree position 2."),
                    new Diagnostic(COHERENCE_STEP_INDEX_MISMATCH, "migrations/002_b.sql",
                            "Lockfile index 2 but worktree position 3."),
                    new Diagnostic(COHERENCE_NEW_IN_INPUT, "migrations/000_first.sql", "Migration is not in the lockfile."));
        }

        @Test
        void stepVersionMismatch() {
            LockState state = twoMigrations().editLock(text -> text.replace("version = \"002\"", "version = \"2\""))
                    .state();

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(COHERENCE_STEP_VERSION_MISMATCH,
                    "migrations/002_b.sql", "Lockfile version '2' but worktree version '002'."));
        }

        @Test
        void migrationDigestMismatchAlsoBreaksTheChain() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/001_a.sql", utf8("-- migrate:up\nCREATE TABLE edited(id INT);\n"));

            assertThat(codes(fixture.state())).as("the chain break is reported once, at the edited migration")
                    .containsExactly(COHERENCE_HEAD_CHAIN_MISMATCH, COHERENCE_MIGRATION_DIGEST_MISMATCH,
                            COHERENCE_CHAIN_HASH_MISMATCH);
        }

        @Test
        void migrationsAreDigestedAsRawBytes() {
            TargetFixture fixture = twoMigrations();
            String original = new String(fixture.migrations.get("migrations/002_b.sql"), StandardCharsets.UTF_8);
            fixture.migrations.put("migrations/002_b.sql", utf8(original.replace("\n", "\r\n")));

            assertThat(codes(fixture.state())).contains(COHERENCE_MIGRATION_DIGEST_MISMATCH);
        }

        @Test
        void checkpointMismatchWhenEdited() {
            TargetFixture fixture = twoMigrations();
            fixture.checkpoints.put("checkpoints/001_a.sql", utf8("-- edited\n"));

            assertThat(fixture.state().diagnostics()).containsExactly(
                    new Diagnostic(COHERENCE_CHECKPOINT_MISMATCH, "checkpoints/001_a.sql",
                            "Checkpoint does not match checkpoint_digest."),
                    new Diagnostic(COHERENCE_STEP_SCHEMA_MISMATCH, "checkpoints/001_a.sql",
                            "Checkpoint does not match schema_digest."));
        }

        @Test
        void checkpointMismatchWhenTheMappingDiffers() {
            TargetFixture fixture = twoMigrations();
            fixture.checkpoints.put("checkpoints/x/001_a.sql", fixture.checkpoints.get("checkpoints/001_a.sql"));

            LockState state = fixture.editLock(text -> text.replace("\"checkpoints/001_a.sql\"",
                    "\"checkpoints/x/001_a.sql\"")).state();

            assertThat(state.diagnostics()).containsExactly(
                    new Diagnostic(INPUT_ORPHAN_CHECKPOINT, "checkpoints/x/001_a.sql",
                            "Checkpoint has no matching migration."),
                    new Diagnostic(COHERENCE_CHECKPOINT_MISMATCH, "checkpoints/001_a.sql",
                            "Lockfile maps the migration to 'checkpoints/x/001_a.sql'."));
        }

        @Test
        void checkpointMissing() {
            TargetFixture fixture = twoMigrations();
            fixture.checkpoints.remove("checkpoints/002_b.sql");

            LockState state = fixture.state();

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(COHERENCE_CHECKPOINT_MISSING,
                    "checkpoints/002_b.sql", "Checkpoint file is missing."));
            assertThat(state.steps().get(1).checkpointDigest()).isNull();
        }

        @Test
        void stepSchemaMismatch() {
            TargetFixture fixture = twoMigrations();
            String digest = Digests.sqlDigest("-- schema after 001_a.sql\n");

            LockState state = fixture.editLock(text -> text.replace("schema_digest = \"" + digest,
                    "schema_digest = \"" + "f".repeat(64))).state();

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(COHERENCE_STEP_SCHEMA_MISMATCH,
                    "checkpoints/001_a.sql", "Checkpoint does not match schema_digest."));
        }

        @Test
        void anEditedMigrationBreaksTheChainOnceForEveryLaterEntry() {
            TargetFixture fixture = TargetFixture.coherent("sqlite", "db/core", "001_a.sql", "002_b.sql", "003_c.sql",
                    "004_d.sql");
            fixture.migrations.put("migrations/002_b.sql", utf8("-- migrate:up\nedited\n"));

            LockState state = fixture.state();

            assertThat(state.diagnostics()).filteredOn(d -> d.code() == COHERENCE_CHAIN_HASH_MISMATCH)
                    .containsExactly(new Diagnostic(COHERENCE_CHAIN_HASH_MISMATCH, "migrations/002_b.sql",
                            "chain_hash does not match the recomputed chain, and 2 later entries chain from it."));
        }

        @Test
        void chainHashMismatch() {
            TargetFixture fixture = twoMigrations();
            String first = fixture.state().steps().get(0).chainHash();

            LockState state = fixture.editLock(text -> text.replace("chain_hash = \"" + first,
                    "chain_hash = \"" + "e".repeat(64))).state();

            assertThat(state.diagnostics()).containsExactly(new Diagnostic(COHERENCE_CHAIN_HASH_MISMATCH,
                    "migrations/001_a.sql", "chain_hash does not match the recomputed chain."));
        }

        @Test
        void noCoherenceChecksWithoutALock() {
            TargetFixture fixture = twoMigrations();
            fixture.lock = null;
            fixture.checkpoints.clear();
            fixture.schema = utf8("anything");

            assertThat(codes(fixture.state())).containsExactly(INPUT_LOCK_MISSING);
        }
    }

    @Nested
    class DivergenceFromLock {

        @Test
        void noneWhenLockAndWorktreeAgree() {
            assertThat(twoMigrations().state().divergenceFromLock()).isEmpty();
        }

        @Test
        void firstEditedStep() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/002_b.sql", utf8("-- migrate:up\nSELECT 2;\n"));

            assertThat(fixture.state().divergenceFromLock()).hasValue(2);
        }

        @Test
        void afterTheLockWhenMigrationsWereAdded() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/003_c.sql", utf8("-- migrate:up\n"));
            fixture.migrations.put("migrations/004_d.sql", utf8("-- migrate:up\n"));

            assertThat(fixture.state().divergenceFromLock()).hasValue(3);
        }

        @Test
        void afterTheWorktreeWhenMigrationsWereRemoved() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.remove("migrations/002_b.sql");

            assertThat(fixture.state().divergenceFromLock()).hasValue(2);
        }

        @Test
        void renamingAMigrationDiverges() {
            TargetFixture fixture = twoMigrations();
            fixture.migrations.put("migrations/001_renamed.sql", fixture.migrations.remove("migrations/001_a.sql"));

            assertThat(fixture.state().divergenceFromLock()).hasValue(1);
        }

        @Test
        void fromTheStartWithoutALock() {
            TargetFixture fixture = twoMigrations();
            fixture.lock = null;
            assertThat(fixture.state().divergenceFromLock()).hasValue(1);

            assertThat(LockState.of(Snapshot.of(".", Map.of(), Map.of(), null, null)).divergenceFromLock()).isEmpty();
        }

        @Test
        void fromTheStartWhenTheLockBelongsToAnotherTarget() {
            TargetFixture moved = TargetFixture.coherent("sqlite", "core", "001_a.sql");
            Snapshot snapshot = Snapshot.of("db/core", moved.migrations, moved.checkpoints, moved.schema, moved.lock);

            assertThat(LockState.of(snapshot).divergenceFromLock()).hasValue(1);
        }
    }

    @Nested
    class DivergenceFromBase {

        @Test
        void comparesMigrationTriples() {
            LockState base = twoMigrations().state();
            TargetFixture head = twoMigrations();

            assertThat(head.state().divergenceFrom(base)).isEmpty();

            head.migrations.put("migrations/003_c.sql", utf8("-- migrate:up\n"));
            assertThat(head.state().divergenceFrom(base)).hasValue(3);

            head.migrations.put("migrations/001_a.sql", utf8("-- migrate:up\nSELECT 1;\n"));
            assertThat(head.state().divergenceFrom(base)).hasValue(1);
        }

        @Test
        void fromTheStartAgainstAnEmptyBase() {
            LockState empty = LockState.of(Snapshot.of("db/core", Map.of(), Map.of(), null, null));

            assertThat(twoMigrations().state().divergenceFrom(empty)).hasValue(1);
        }
    }

    @Test
    void describesDiagnosticsForErrorMessages() {
        TargetFixture fixture = twoMigrations();
        fixture.schema = null;
        fixture.checkpoints.put("checkpoints/zz.sql", utf8("x"));

        assertThat(Diagnostic.describe(fixture.state().diagnostics())).isEqualTo(
                "\n  input-schema-missing@schema.sql: schema.lock.toml exists but schema.sql is missing."
                        + "\n  input-orphan-checkpoint@checkpoints/zz.sql: Checkpoint has no matching migration.");
    }

    @Test
    void fatalCodesAreExactlyTheDocumentedOnes() {
        assertThat(List.of(DiagnosticCode.values()).stream().filter(DiagnosticCode::isFatal).map(DiagnosticCode::id))
                .containsExactly("lockfile-parse-error", "lockfile-version-mismatch",
                        "lockfile-hash-algorithm-mismatch", "lockfile-schema-path-mismatch", "lockfile-migrations-path-mismatch",
                        "lockfile-checkpoints-path-mismatch", "lockfile-step-path-invalid",
                        "lockfile-step-path-mismatch", "lockfile-duplicate-migration",
                        "lockfile-duplicate-step-index", "lockfile-step-index-invalid", "input-path-invalid",
                        "input-path-duplicate", "coherence-target-mismatch");
    }
}
