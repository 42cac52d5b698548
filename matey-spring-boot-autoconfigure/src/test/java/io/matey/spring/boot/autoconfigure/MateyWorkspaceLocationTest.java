package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code matey.workspace} as a classpath location (a directory or a jar on the classpath) or a directory. */
class MateyWorkspaceLocationTest {

    @TempDir
    Path dir;

    SqliteWorkspace workspace;

    ApplicationContextRunner runner;

    @BeforeEach
    void workspace() throws Exception {
        workspace = new SqliteWorkspace(dir);
        runner = new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + workspace.jdbcUrl(), "matey.migrate-on-startup=true");
    }

    @Test
    void theDefaultLocationIsClasspathDbMatey() {
        runner.withClassLoader(workspace.inJar(dir.resolve("app.jar"), "db/matey")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MateyWorkspace.class).location()).isEqualTo("classpath:db/matey");
            assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().healthy()).isTrue();
        });
    }

    @Test
    void aClasspathWorkspaceInAJarIsCopiedAndRemovedWithTheContext() {
        Path[] copy = new Path[1];
        runner.withClassLoader(workspace.inJar(dir.resolve("app.jar"), "deploy/schema"))
                .withPropertyValues("matey.workspace=classpath:deploy/schema/").run(context -> {
                    assertThat(context).hasNotFailed();
                    copy[0] = context.getBean(MateyWorkspace.class).root();
                    assertThat(copy[0]).isNotEqualTo(workspace.root());
                    assertThat(copy[0].resolve("db/core/schema.lock.toml")).hasSameTextualContentAs(
                            workspace.root().resolve("db/core/schema.lock.toml"));
                    assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().applied()).isEqualTo(2);
                });
        assertThat(copy[0]).doesNotExist();
    }

    @Test
    void aClasspathWorkspaceInADirectoryIsReadToo() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("db"));
        Files.move(workspace.root(), classes.resolve("db/matey"));
        runner.withClassLoader(SqliteWorkspace.loader(classes)).withPropertyValues("matey.workspace=classpath*:db/matey")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().healthy()).isTrue();
                });
    }

    /**
     * The copy of a classpath workspace is removed when the failed context closes, before anyone reads the error:
     * errors name the workspace by its classpath location, and the root target is quoted among the others.
     */
    @Test
    void errorsAboutAClasspathWorkspaceNameItAsTheUserKnowsIt() {
        runner.withClassLoader(workspace.inJar(dir.resolve("app.jar"), "db/matey"))
                .withPropertyValues("matey.targets.[db/nope].url=sqlite3:" + dir.resolve("nope.sqlite3"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("Matey target 'db/nope' is not in the workspace classpath:db/matey. Available "
                                + "targets: 'db/core'."));
        workspace.ws.write("db/core/config.toml", workspace.ws.read("db/core/config.toml") + "privileges = false\n");
        runner.withClassLoader(workspace.inJar(dir.resolve("privileges.jar"), "db/matey"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("classpath:db/matey/db/core/config.toml:")
                        .hasMessageContaining("privileges applies to PostgreSQL targets only")
                        .hasMessageNotContaining("matey-workspace-"));
    }

    /** An error while checking a target (here its engine) names the workspace's files by their classpath too. */
    @Test
    void checkErrorsAboutAClasspathWorkspaceNameItAsTheUserKnowsIt() {
        workspace.ws.write("db/core/config.toml", workspace.ws.read("db/core/config.toml").replace("sqlite", "mysql"));
        runner.withClassLoader(workspace.inJar(dir.resolve("app.jar"), "db/matey"))
                .withPropertyValues("matey.targets.[db/core].url=sqlite3:" + workspace.database)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("classpath:db/matey/db/core/config.toml says engine 'mysql'")
                        .hasMessageNotContaining("matey-workspace-"));
    }

    /**
     * A missing database at a start-up migration: core words the error in the application's terms (ApplicationTerms),
     * not the CLI's: the command that creates it runs pasted where the packaged workspace's source is, and the
     * migration that never creates one is the property's.
     */
    @Test
    void aMissingDatabaseAtStartUpNamesTheCommandThatCreatesItWhereItRuns() {
        Path missing = dir.resolve("missing.sqlite3");
        runner.withClassLoader(workspace.inJar(dir.resolve("app.jar"), "db/matey"))
                .withPropertyValues("matey.targets.[db/core].url=sqlite3:" + missing)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageEndingWith("live database sqlite3:" + missing + " does not exist. `matey db up "
                                + "--path db/core --url 'sqlite3:" + missing + "'` (or `db bootstrap`) creates it; "
                                + "matey.migrate-on-startup never does. Run these commands from the workspace directory "
                                + "(the source of classpath:db/matey).")
                        .hasMessageNotContaining("`db migrate`"));
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDirectoryWorkspaceIsUsedInPlaceWithOrWithoutFilePrefix() {
        for (String location : new String[] {workspace.root().toString(), "file:" + workspace.root()}) {
            runner.withPropertyValues("matey.workspace=" + location).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MateyWorkspace.class).root()).isEqualTo(workspace.root());
            });
        }
        assertThat(workspace.root()).isDirectory();
    }

    @Test
    void aMissingClasspathWorkspaceIsExplained() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(
                    "No Matey workspace at classpath:db/matey: there is no db/matey/matey.toml on the classpath.");
            assertThat(analysis.getAction()).contains("src/main/resources/db/matey", "matey.workspace",
                    "matey.enabled=false");
        });
    }

    @Test
    void aJarWithoutDirectoryEntriesIsExplained() {
        runner.withClassLoader(workspace.inJar(dir.resolve("flat.jar"), "db/matey", false)).run(context -> {
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("No Matey workspace at classpath:db/matey: found jar:file:")
                    .endsWith("(a jar built without directory entries?).");
        });
    }

    @Test
    void aMissingDirectoryWorkspaceIsExplained() {
        runner.withPropertyValues("matey.workspace=" + dir.resolve("nowhere")).run(context -> {
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("No Matey workspace at " + dir.resolve("nowhere") + ": "
                    + dir.resolve("nowhere") + " is not a directory.");
            assertThat(analysis.getAction()).startsWith("Create the Matey workspace (matey init) in "
                    + dir.resolve("nowhere") + ",").doesNotContain("src/main/resources");
        });
        runner.withPropertyValues("matey.workspace=classpath:db/nope").run(context -> {
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).startsWith("Package the Matey workspace (matey.toml and its targets) "
                    + "under src/main/resources/db/nope,");
        });
        runner.withPropertyValues("matey.workspace=" + dir).run(context -> {
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).endsWith("there is no matey.toml in " + dir + ".");
        });
    }

    @Test
    void aTargetDirectoryNamesItsWorkspace() throws Exception {
        Path target = Files.createDirectories(dir.resolve("db/matey/pg"));
        Files.writeString(dir.resolve("db/matey/matey.toml"), "targets = [\"pg\"]\n");
        runner.withPropertyValues("matey.workspace=file:" + target).run(context -> {
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("No Matey workspace at file:" + target + ": there is no "
                    + "matey.toml in " + target + "; " + dir.resolve("db/matey") + " holds one.");
            assertThat(analysis.getAction()).startsWith("Point matey.workspace at " + dir.resolve("db/matey")
                    + ", the workspace holding " + target + " (matey.primary-target=pg chooses").doesNotContain("file:");
        });
        runner.withPropertyValues("matey.workspace=file:" + dir.resolve("nowhere")).run(context -> {
            FailureAnalysis analysis = new MateyWorkspaceNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).startsWith("Create the Matey workspace (matey init) in "
                    + dir.resolve("nowhere") + ",");
        });
    }
}
