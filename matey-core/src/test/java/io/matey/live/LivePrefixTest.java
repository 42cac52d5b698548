package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePrefixTest {

    private static final List<Migration> WORKTREE = List.of(migration("001_one.sql"), migration("002_two.sql"),
            migration("003_three.sql"));

    private static Migration migration(String name) {
        return new Migration("migrations/" + name, name.substring(0, 3),
                "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLeadingRunOfAppliedVersionsIsConsistent() {
        assertThat(LivePrefix.check(WORKTREE, List.of())).isEqualTo(new LivePrefix(0, 0, LivePrefix.Relation.BEHIND, ""));
        assertThat(LivePrefix.check(WORKTREE, List.of("001", "002")))
                .isEqualTo(new LivePrefix(2, 2, LivePrefix.Relation.BEHIND, ""));
        LivePrefix head = LivePrefix.check(WORKTREE, List.of("003", "001", "002"));
        assertThat(head).isEqualTo(new LivePrefix(3, 3, LivePrefix.Relation.EQUAL, ""));
        head.requireConsistent("db up");
    }

    @Test
    void anUnknownVersionBeyondTheWorktreeIsAhead() {
        LivePrefix ahead = LivePrefix.check(WORKTREE, List.of("001", "002", "003", "004"));
        assertThat(ahead.relation()).isEqualTo(LivePrefix.Relation.AHEAD);
        assertThat(ahead.index()).isEqualTo(3);
        assertThat(ahead.applied()).isEqualTo(4);
        assertThat(ahead.consistent()).isFalse();
        assertThatThrownBy(() -> ahead.requireConsistent("db up")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("db up refused: live database is ahead of the worktree")
                .hasMessageContaining("applied version(s) 004 have no migration file in the worktree")
                .hasMessageContaining("index 4, version 004");
    }

    @Test
    void aSkippedMigrationIsADivergenceNamingIt() {
        LivePrefix skipped = LivePrefix.check(WORKTREE, List.of("001", "003"));
        assertThat(skipped.relation()).isEqualTo(LivePrefix.Relation.DIVERGED);
        assertThat(skipped.index()).isEqualTo(1);
        assertThat(skipped.problem()).isEqualTo("live database has diverged from the worktree at migration 2 "
                + "(migrations/002_two.sql, version 002): it is not applied, but later version(s) 003 are");
    }

    @Test
    void anUnknownVersionInsideTheWorktreeIsADivergence() {
        LivePrefix replaced = LivePrefix.check(WORKTREE, List.of("001", "002b"));
        assertThat(replaced.relation()).isEqualTo(LivePrefix.Relation.DIVERGED);
        assertThat(replaced.problem()).contains("at migration 2 (migrations/002_two.sql, version 002)",
                "version(s) not in the worktree 002b are");
        assertThatThrownBy(() -> replaced.requireConsistent("db down")).hasMessageStartingWith("db down refused: ");
    }

    @Test
    void statusMarksEachWorktreeFileAndCountsUnknownVersions() {
        LiveStatus status = LiveStatus.of("db/core", LiveEndpoint.of(MateyUrl.parse("sqlite3:x.sqlite3")), WORKTREE,
                List.of("001", "003", "900"), null);
        assertThat(status.migrations()).extracting(LiveStatus.Entry::applied).containsExactly(true, false, true);
        assertThat(status.unknownVersions()).containsExactly("900");
        assertThat(status.applied()).isEqualTo(3);
        assertThat(status.pending()).isEqualTo(1);
        assertThat(status.prefix().relation()).isEqualTo(LivePrefix.Relation.DIVERGED);
    }
}
