package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.workspace.GitCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePrefixTest {

    private static final List<Migration> WORKTREE = List.of(migration("001_one.sql"), migration("002_two.sql"),
            migration("003_three.sql"));

    /** A workspace outside any git repository, its root target and matey run at its root. */
    private static final Path WORKSPACE = Path.of("/matey-workspace");
    private static final GitCommands ROOT = new GitCommands(WORKSPACE, WORKSPACE);

    private static Migration migration(String name) {
        return new Migration("migrations/" + name, name.substring(0, name.indexOf('_')),
                "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLeadingRunOfAppliedVersionsIsConsistent() {
        assertThat(LivePrefix.check(".", ROOT, WORKTREE, List.of())).isEqualTo(new LivePrefix(0, 0, LivePrefix.Relation.BEHIND, "", ""));
        assertThat(LivePrefix.check(".", ROOT, WORKTREE, List.of("001", "002")))
                .isEqualTo(new LivePrefix(2, 2, LivePrefix.Relation.BEHIND, "", ""));
        LivePrefix head = LivePrefix.check(".", ROOT, WORKTREE, List.of("003", "001", "002"));
        assertThat(head).isEqualTo(new LivePrefix(3, 3, LivePrefix.Relation.EQUAL, "", ""));
        head.requireConsistent("db up");
    }

    @Test
    void anUnknownVersionBeyondTheWorktreeIsAhead() {
        LivePrefix ahead = LivePrefix.check(".", ROOT, WORKTREE, List.of("001", "002", "003", "004"));
        assertThat(ahead.relation()).isEqualTo(LivePrefix.Relation.AHEAD);
        assertThat(ahead.index()).isEqualTo(3);
        assertThat(ahead.applied()).isEqualTo(4);
        assertThat(ahead.consistent()).isFalse();
        assertThatThrownBy(() -> ahead.requireConsistent("db up")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("db up refused: live database is ahead of the worktree")
                .hasMessageContaining("applied version(s) 004 have no migration file in the worktree")
                .hasMessageContaining("index 4, version 004");
        assertThat(ahead.fix()).startsWith("Check out the migrations this database was migrated with");
    }

    @Test
    void anOlderMigrationNotAppliedIsOutOfOrderNamingItsRename() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:16:14Z"), ZoneOffset.UTC);
        LivePrefix skipped = LivePrefix.check(".", ROOT, WORKTREE, List.of("001", "003"), clock);
        assertThat(skipped.relation()).isEqualTo(LivePrefix.Relation.OUT_OF_ORDER);
        assertThat(skipped.index()).isEqualTo(1);
        assertThat(skipped.consistent()).isFalse();
        assertThat(skipped.problem()).as("the cause alone, for reports that show the fix apart").isEqualTo("migration "
                + "migrations/002_two.sql is older than the last applied one (version 003) and not applied: it was "
                + "probably merged from another branch");
        assertThat(skipped.line()).isEqualTo(skipped.problem() + ". Give it a later "
                + "timestamp, then replay the artifacts: `mv migrations/002_two.sql "
                + "migrations/20261203121614_two.sql`, then `matey schema apply`");
        assertThat(skipped.fix()).isEqualTo("Give it a later "
                + "timestamp, then replay the artifacts: `mv migrations/002_two.sql "
                + "migrations/20261203121614_two.sql`, then `matey schema apply`");
        assertThatThrownBy(() -> skipped.requireConsistent("db up")).isInstanceOf(MateyException.class)
                .hasMessageEndingWith("then `matey schema apply`.")
                .hasMessageNotContaining("Check out the migrations");
    }

    @Test
    void outOfOrderRenamesOfANonRootTargetRunFromTheWorkspaceRoot() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:16:14Z"), ZoneOffset.UTC);
        LivePrefix skipped = LivePrefix.check("maria", new GitCommands(WORKSPACE, WORKSPACE.resolve("maria")), WORKTREE,
                List.of("001", "003"), clock);
        assertThat(skipped.fix()).as("paths as Changed Files lists them, and the target's --path")
                .contains("`mv maria/migrations/002_two.sql maria/migrations/20261203121614_two.sql`")
                .endsWith("then `matey schema apply --path maria`");
    }

    @Test
    void outOfOrderRenamesNameTheFilesFromWhereMateyRunsAndTheReplayByWorkspacePath() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:16:14Z"), ZoneOffset.UTC);
        Path target = WORKSPACE.resolve("db/maria");
        assertThat(LivePrefix.check("db/maria", new GitCommands(target, target), WORKTREE, List.of("001", "003"), clock)
                .fix()).as("run inside the target").contains("`mv migrations/002_two.sql "
                        + "migrations/20261203121614_two.sql`").endsWith("then `matey schema apply --path db/maria`");
        assertThat(LivePrefix.check("db/maria", new GitCommands(WORKSPACE.resolve("app"), target), WORKTREE,
                List.of("001", "003"), clock).fix()).as("--workspace from a directory beside the target")
                .contains("`mv ../db/maria/migrations/002_two.sql ../db/maria/migrations/20261203121614_two.sql`")
                .endsWith("then `matey schema apply --path db/maria`");
    }

    @Test
    void outOfOrderRenamesSortAfterEveryWorktreeFileEvenOneDatedLater() {
        List<Migration> worktree = List.of(migration("20260101000000_a.sql"), migration("20260102000000_b.sql"),
                migration("20260103000000_c.sql"), migration("20270101000000_d.sql"));
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:16:14Z"), ZoneOffset.UTC);
        LivePrefix prefix = LivePrefix.check(".", ROOT, worktree, List.of("20260101000000", "20260103000000"), clock);
        assertThat(prefix.line()).contains("migration migrations/20260102000000_b.sql is older than the last "
                + "applied one (version 20260103000000)", "`mv migrations/20260102000000_b.sql "
                + "migrations/20270101000001_b.sql`").doesNotContain("_d.sql");
    }

    @Test
    void outOfOrderRenamesWithinTheNewestMigrationsSecondSortAfterIt() {
        List<Migration> worktree = List.of(migration("20261203121612_a.sql"), migration("20261203121613_b.sql"),
                migration("20261203121614_c.sql"));
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:16:14.500Z"), ZoneOffset.UTC);
        LivePrefix prefix = LivePrefix.check(".", ROOT, worktree, List.of("20261203121614"), clock);
        assertThat(prefix.line()).contains("`mv migrations/20261203121612_a.sql migrations/20261203121615_a.sql`, "
                + "`mv migrations/20261203121613_b.sql migrations/20261203121616_b.sql`");
    }

    @Test
    void anAppliedVersionNotInTheWorktreeKeepsTheDivergenceAdvice() {
        LivePrefix mixed = LivePrefix.check(".", ROOT, WORKTREE, List.of("001", "003", "900"));
        assertThat(mixed.relation()).isEqualTo(LivePrefix.Relation.DIVERGED);
        assertThat(mixed.problem()).isEqualTo("live database has diverged from the worktree at migration 2 "
                + "(migrations/002_two.sql, version 002): it is not applied, but later version(s) 003 are");
        assertThatThrownBy(() -> mixed.requireConsistent("db up")).hasMessageEndingWith("repair its schema_migrations table.");
    }

    @Test
    void anUnknownVersionInsideTheWorktreeIsADivergence() {
        LivePrefix replaced = LivePrefix.check(".", ROOT, WORKTREE, List.of("001", "002b"));
        assertThat(replaced.relation()).isEqualTo(LivePrefix.Relation.DIVERGED);
        assertThat(replaced.problem()).contains("at migration 2 (migrations/002_two.sql, version 002)",
                "version(s) not in the worktree 002b are");
        assertThatThrownBy(() -> replaced.requireConsistent("db down")).hasMessageStartingWith("db down refused: ");
    }

    @Test
    void statusMarksEachWorktreeFileAndCountsUnknownVersions() {
        List<String> applied = List.of("001", "003", "900");
        LiveStatus status = LiveStatus.of("db/core", LiveEndpoint.of(MateyUrl.parse("sqlite3:x.sqlite3")), WORKTREE,
                applied, LivePrefix.check("db/core", ROOT, WORKTREE, applied), null, null, null);
        assertThat(status.migrations()).extracting(LiveStatus.Entry::applied).containsExactly(true, false, true);
        assertThat(status.unknownVersions()).containsExactly("900");
        assertThat(status.applied()).isEqualTo(3);
        assertThat(status.pending()).isEqualTo(1);
        assertThat(status.prefix().relation()).isEqualTo(LivePrefix.Relation.DIVERGED);
    }
}
