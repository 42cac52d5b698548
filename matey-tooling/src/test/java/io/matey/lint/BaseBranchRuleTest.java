package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --base REF} (L109): a branch that edits, deletes or renames a migration the base branch has fails,
 * although its artifacts were re-applied and lint without {@code --base} passes.
 */
class BaseBranchRuleTest {

    private static final Linter.Options BASE_MAIN = new Linter.Options(Optional.empty(), true, true,
            Optional.of("main"));
    private static final String FIRST = "migrations/20260101000000_create_users.sql";
    private static final String SECOND = "migrations/20260102000000_add_name.sql";

    @TempDir
    Path workspace;

    private LintFixture fixture;
    private Git git;

    @BeforeEach
    void committedOnMain() throws Exception {
        fixture = LintFixture.load("clean", workspace).withArtifacts();
        git = Git.init().setInitialBranch("main").setDirectory(workspace.toFile()).call();
        commit("main");
        git.checkout().setCreateBranch(true).setName("change").call();
    }

    @Test
    void anEditedMigrationOfTheBaseBranchIsAnErrorNamingTheFirstChangedLine() throws Exception {
        edit(FIRST, "email text NOT NULL", "email text NOT NULL, age int");
        fixture.withArtifacts();
        commit("edit");

        assertThat(fixture.lint()).isEmpty();
        assertThat(LintOutput.text(List.of(new LintReport(LintFixture.TARGET, fixture.lint(BASE_MAIN))))).isEqualTo("""
                target: db/core
                ERROR   L109 migrations/20260101000000_create_users.sql Migration \
                migrations/20260101000000_create_users.sql is on main with other content (line 2 was 'CREATE TABLE \
                users (id bigint PRIMARY KEY, email text NOT NULL);' there, is 'CREATE TABLE users (id bigint PRIMARY \
                KEY, email text NOT NULL, age int);' here); databases that applied it keep the old version and report \
                drift at deploy.
                        hint: restore it as it is on main and put the change in a new migration (`matey db new NAME`), \
                then run `matey schema apply`; or add "-- matey:nolint L109" above -- migrate:up to accept this for the \
                whole file
                """);
    }

    @Test
    void anEditFarIntoALongLineIsShownWhereItIs() throws Exception {
        String columns = "email text NOT NULL, name text NOT NULL, city text NOT NULL, country text NOT NULL";
        git.checkout().setName("main").call();
        edit(FIRST, "email text NOT NULL", columns);
        fixture.withArtifacts();
        commit("long line");
        git.checkout().setCreateBranch(true).setName("later").call();
        edit(FIRST, "country text NOT NULL", "country varchar(2) NOT NULL");
        fixture.withArtifacts();
        commit("edit");

        assertThat(fixture.lint(BASE_MAIN)).singleElement().extracting(Finding::message).asString()
                .contains("(line 2 was '..., city text NOT NULL, country text NOT NULL);' there, is "
                        + "'..., city text NOT NULL, country varchar(2) NOT NULL);' here)");
    }

    @Test
    void anEditMadeOnPurposeIsAcceptedWithAFileLevelNolint() throws Exception {
        edit(FIRST, "-- migrate:up", "-- matey:nolint L109 no database ran it yet\n-- migrate:up");
        edit(FIRST, "email text NOT NULL", "email text NOT NULL, age int");
        fixture.withArtifacts();

        assertThat(fixture.lint(BASE_MAIN)).isEmpty();
    }

    @Test
    void aDeletedOrRenamedMigrationOfTheBaseBranchIsAnErrorNoCommentAccepts() throws Exception {
        Files.move(fixture.dir().resolve(SECOND), fixture.dir().resolve("migrations/20260103000000_add_name.sql"));
        Files.delete(fixture.dir().resolve("checkpoints/20260102000000_add_name.sql"));
        Files.delete(fixture.dir().resolve(FIRST));
        Files.delete(fixture.dir().resolve("checkpoints/20260101000000_create_users.sql"));
        fixture.withArtifacts();

        assertThat(fixture.lint(BASE_MAIN)).extracting(Finding::code, Finding::path, Finding::message, Finding::hint)
                .containsExactly(
                        tuple("L109", FIRST, "Migration " + FIRST + " is on main but not"
                                + " on this branch; databases that applied it still record its version.",
                                "restore it as it is on main and reverse what it did in a new migration"
                                + " (`matey db new NAME`), then run `matey schema apply`"),
                        tuple("L109", SECOND, "Migration " + SECOND + " is on main but not"
                                + " on this branch (renamed to migrations/20260103000000_add_name.sql); databases that"
                                + " applied it still record its version.",
                                "rename migrations/20260103000000_add_name.sql back to " + SECOND + ": databases know"
                                + " by its version that they applied it"));
    }

    /** Migrations the base branch gained after the branch point are not this branch's deletions: the merge base counts. */
    @Test
    void migrationsAddedToTheBaseBranchLaterAreNotReported() throws Exception {
        git.checkout().setName("main").call();
        Files.writeString(fixture.dir().resolve("migrations/20260105000000_later.sql"),
                "-- migrate:up\nCREATE TABLE later (id int);\n\n-- migrate:down\nDROP TABLE later;\n");
        fixture.withArtifacts();
        commit("later");
        git.checkout().setName("change").call();

        assertThat(fixture.lint(BASE_MAIN)).isEmpty();
    }

    @Test
    void anUnknownRefIsRefused() {
        Linter.Options unknown = new Linter.Options(Optional.empty(), true, true, Optional.of("origin/nope"));
        assertThatThrownBy(() -> fixture.lint(unknown)).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Unknown git ref 'origin/nope'. Name a branch, tag or commit this clone has;");
    }

    private void edit(String path, String from, String to) throws Exception {
        Path file = fixture.dir().resolve(path);
        Files.writeString(file, Files.readString(file).replace(from, to));
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor("t", "t@t").setCommitter("t", "t@t").call();
    }
}
