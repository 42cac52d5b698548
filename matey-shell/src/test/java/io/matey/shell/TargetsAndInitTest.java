package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --all} with a failing target or a missing config.toml, {@code lint --exit-code}, {@code init} on existing workspaces and its
 * {@code .gitignore}, {@code --base}.
 */
class TargetsAndInitTest {

    @TempDir
    Path dir;

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(dir, env, args);
    }

    private MateyProcess.Result matey(String... args) throws Exception {
        return matey(Map.of(), args);
    }

    private void twoTargets() throws Exception {
        MateyProcess.Result a = matey("init", "--path", "db/a", "--engine", "sqlite");
        assertThat(a.exitCode()).isZero();
        assertThat(a.stdout()).as("changed files relative to the workspace root")
                .contains("Changed Files\ndb/a/checkpoints\n", "db/a/migrations\n", "db/a/schema.sql\n");
        assertThat(matey("init", "--path", "db/b", "--engine", "sqlite").exitCode()).isZero();
    }

    @Test
    void initSaysWhichVariablesTheTargetReads() throws Exception {
        MateyProcess.Result pg = matey("init", "--path", "pg", "--engine", "postgresql");
        assertThat(pg.exitCode()).as(pg.stderr()).isZero();
        assertThat(pg.stdout()).contains("Environment: PG_DATABASE_URL (the live database's URL), "
                + "PG_TEST_DATABASE_URL (the test server's, for replays)\n");
        MateyProcess.Result named = matey("init", "--path", "db/a", "--engine", "sqlite", "--url-env", "A_URL");
        assertThat(named.stdout()).contains("Environment: A_URL (the live database's URL), DB_A_TEST_DATABASE_URL ");
    }

    @Test
    void initOverADbmateProjectNamesItsSchemaFileAsAnotherToolsAndForceReplacesIt() throws Exception {
        Path migration = dir.resolve("db/migrations/20240101000000_t.sql");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, "-- migrate:up\nCREATE TABLE t (id INTEGER);\n-- migrate:down\nDROP TABLE t;\n");
        Files.writeString(dir.resolve("db/schema.sql"), "CREATE TABLE t (id INTEGER);\n");

        MateyProcess.Result refused = matey("init", "--path", "db", "--engine", "sqlite");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("db/schema.sql: it has no schema.lock.toml beside it, so another tool "
                + "wrote it (dbmate writes its schema dump there by default)", "--no-dump-schema", "--force");
        assertThat(Files.readString(dir.resolve("db/schema.sql"))).isEqualTo("CREATE TABLE t (id INTEGER);\n");

        assertThat(matey("init", "--path", "db", "--engine", "sqlite", "--force").exitCode()).isZero();
        assertThat(Files.exists(dir.resolve("db/schema.lock.toml"))).isTrue();
        assertThat(Files.exists(migration)).as("migrations are never touched").isTrue();
    }

    @Test
    void allReportsEveryTargetAndExitsWithTheWorst() throws Exception {
        twoTargets();
        Map<String, String> onlyA = Map.of("DB_A_DATABASE_URL", "sqlite3:" + dir.resolve("a.sqlite3"));
        Files.writeString(dir.resolve("db/a/migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        MateyProcess.Result apply = matey("schema", "apply", "--path", "db/a");
        assertThat(apply.exitCode()).isZero();
        assertThat(apply.stdout()).contains("Changed Files\n", "db/a/schema.sql\n");
        assertThat(matey(onlyA, "db", "up", "--path", "db/a").exitCode()).isZero();

        MateyProcess.Result text = matey(onlyA, "db", "status", "--all");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.stdout()).isEqualTo("db/a\n[X] migrations/001_a.sql\n\nApplied: 1\nPending: 0\n\ndb/b\n");
        assertThat(text.stderr()).contains("error: db/b: Live database URL is missing. Pass --url or set "
                + "DB_B_DATABASE_URL (the target's url_env) in the environment; live commands read no .env file.");

        MateyProcess.Result json = matey(onlyA, "db", "status", "--all", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.stdout()).contains("\"target\": \"db/a\",\n    \"url\":", "\"target\": \"db/b\",\n    \"error\": "
                + "\"Live database URL is missing. Pass --url or set DB_B_DATABASE_URL (the target's url_env) in the "
                + "environment; live commands read no .env file.\"");
    }

    @Test
    void schemaApplyAllWritesEveryTarget() throws Exception {
        twoTargets();
        for (String target : List.of("a", "b")) {
            Files.writeString(dir.resolve("db/" + target + "/migrations/001_" + target + ".sql"), "-- migrate:up\n"
                    + "CREATE TABLE " + target + " (id INTEGER);\n-- migrate:down\nDROP TABLE " + target + ";\n");
        }
        MateyProcess.Result apply = matey("schema", "apply", "--all");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).startsWith("db/a\nApply: changed\n").contains("\ndb/b\nApply: changed\n",
                "db/a/schema.sql\n", "db/b/schema.sql\n");
        assertThat(Files.readString(dir.resolve("db/b/schema.sql"))).contains("CREATE TABLE b");

        MateyProcess.Result json = matey("schema", "apply", "--all", "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.stdout()).startsWith("[\n  {\n    \"target\": \"db/a\",\n    \"status\": \"no-op\",")
                .contains("\"target\": \"db/b\",\n    \"status\": \"no-op\",");
    }

    @Test
    void allWithOneTargetKeepsTheJsonShapeOfAFailedTarget() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        MateyProcess.Result json = matey("db", "status", "--all", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.stdout()).startsWith("[\n  {\n    \"target\": \".\",\n    \"error\": ");
        assertThat(json.stderr()).isEmpty();
    }

    @Test
    void everyAllCommandReportsTheOtherTargetsWhenOneConfigIsMissing() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("matey.toml"), "targets = [\".\", \"missing\"]\n");
        String missing = "error: missing: Target config not found: " + dir.resolve("missing/config.toml");
        Map<String, String> url = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));

        MateyProcess.Result status = matey("schema", "status", "--all");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.stdout()).isEqualTo(".\nStatus  Steps  Diagnostics\nclean   0      0\n\nmissing\n");
        assertThat(status.stderr()).contains(missing);

        MateyProcess.Result plan = matey("schema", "plan", "--all");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stdout()).startsWith(".\nDivergence  Anchor  Tail  Status\n").contains("match\n").endsWith("\nmissing\n");
        assertThat(plan.stderr()).contains(missing);

        MateyProcess.Result live = matey(url, "db", "status", "--all");
        assertThat(live.exitCode()).isEqualTo(2);
        assertThat(live.stdout()).startsWith(".\n\nApplied: 0\nPending: 0\n").endsWith("\nmissing\n");
        assertThat(live.stderr()).contains(missing);

        MateyProcess.Result apply = matey("schema", "apply", "--all");
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.stdout()).startsWith(".\nApply: no-op\nReplay scratch: ").endsWith("\nmissing\n");
        assertThat(apply.stderr()).contains(missing);

        for (String[] command : new String[][] {{"schema", "status"}, {"schema", "plan"}, {"schema", "apply"},
                {"db", "status"}}) {
            MateyProcess.Result json = matey(url, command[0], command[1], "--all", "--format", "json");
            assertThat(json.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(json.stdout()).as(String.join(" ", command)).startsWith("[\n  {\n    \"target\": \".\",\n")
                    .contains("\"target\": \"missing\",\n    \"error\": \"Target config not found: ");
        }
    }

    /** One target's bad or missing config.toml fails the commands on that target only (docs/architecture.md §8). */
    @Test
    void aCommandOnOneTargetReadsOnlyThatTargetsConfig() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        twoTargets();
        Path bad = dir.resolve("db/b/config.toml");
        Files.writeString(bad, "engine = \"sqlite\"\n");
        Map<String, String> urls = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"),
                "DB_A_DATABASE_URL", "sqlite3:" + dir.resolve("a.sqlite3"));
        for (String[] command : new String[][] {{"schema", "status"}, {"schema", "status", "--path", "db/a"},
                {"db", "status", "--path", "db/a"}, {"lint"}, {"lint", "--path", "db/a"}}) {
            MateyProcess.Result result = matey(urls, command);
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.stderr()).isZero();
        }
        assertThat(matey(urls, "db", "up").stderr()).as("refused for its own target").startsWith("error: db up needs "
                + "a migration, and target '.' has none yet");
        String noUrl = "error: " + bad + ": 'url_env' is missing. Add url_env = \"DB_B_DATABASE_URL\"";
        MateyProcess.Result onBad = matey("schema", "status", "--path", "db/b");
        assertThat(onBad.exitCode()).isEqualTo(2);
        assertThat(onBad.stderr()).startsWith(noUrl);
        MateyProcess.Result all = matey("schema", "status", "--all");
        assertThat(all.exitCode()).isEqualTo(2);
        assertThat(all.stdout()).contains("db/a\nStatus  Steps  Diagnostics\nclean   0      0\n");
        assertThat(all.stderr()).contains("error: db/b: " + bad + ": 'url_env' is missing.");

        Files.delete(bad);
        assertThat(matey("schema", "status", "--path", "db/a").exitCode()).isZero();
        assertThat(matey("schema", "status", "--path", "db/b").stderr()).startsWith("error: Target config not found: "
                + bad);
    }

    @Test
    void lintExitCodeAlsoFailsOnWarnings() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\n", StandardCharsets.UTF_8);
        assertThat(matey("schema", "apply").exitCode()).isZero();
        MateyProcess.Result plain = matey("lint");
        assertThat(plain.exitCode()).as(plain.stdout()).isZero();
        assertThat(plain.stdout()).contains("WARNING L101");
        assertThat(matey("lint", "--exit-code").exitCode()).isEqualTo(1);
    }

    @Test
    void initCiFromAWorkspaceRootThatIsNoTarget() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        twoTargets();
        MateyProcess.Result ci = matey("init", "--ci", "github");
        assertThat(ci.exitCode()).as(ci.stderr()).isZero();
        assertThat(ci.stdout()).startsWith("Wrote " + dir.resolve(".github/workflows/matey-schema.yml"));
    }

    @Test
    void initCiForceOnAnInitialisedWorkspaceReplacesOnlyThePipeline() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        twoTargets();
        Files.writeString(dir.resolve("db/a/migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        assertThat(matey("schema", "apply", "--path", "db/a").exitCode()).isZero();
        String schema = Files.readString(dir.resolve("db/a/schema.sql"));
        String lock = Files.readString(dir.resolve("db/a/schema.lock.toml"));
        Path pipeline = dir.resolve(".github/workflows/matey-schema.yml");
        assertThat(matey("init", "--ci", "github").exitCode()).isZero();
        Files.writeString(pipeline, "mine");

        MateyProcess.Result again = matey("init", "--ci", "github");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.stderr()).contains("`matey init --ci github --force` replaces only this file");
        for (String[] force : new String[][] {{"init", "--ci", "github", "--force"},
                {"init", "--ci", "github", "--force", "--path", "db/a"}}) {
            Files.writeString(pipeline, "mine");
            MateyProcess.Result replaced = matey(force);
            assertThat(replaced.exitCode()).as(replaced.stderr()).isZero();
            assertThat(replaced.stdout()).isEqualTo("Wrote " + pipeline + "\n");
            assertThat(Files.readString(pipeline)).contains("schema plan --all --exit-code");
        }
        assertThat(Files.readString(dir.resolve("db/a/schema.sql"))).as("target untouched").isEqualTo(schema);
        assertThat(Files.readString(dir.resolve("db/a/schema.lock.toml"))).isEqualTo(lock);
        try (var checkpoints = Files.list(dir.resolve("db/a/checkpoints"))) {
            assertThat(checkpoints).isNotEmpty();
        }
    }

    @Test
    void aDirectoryWithoutMateyTomlNamesWhereItLookedAndTheWorkspaceThatHoldsIt() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path api = dir.resolve("services/api");
        Files.createDirectories(api);
        assertThat(MateyProcess.run(api, Map.of(), "init", "--workspace", ".", "--path", "db", "--engine", "sqlite").exitCode()).isZero();

        MateyProcess.Result inTarget = MateyProcess.run(api.resolve("db"), Map.of(), "schema", "status");
        assertThat(inTarget.exitCode()).isEqualTo(2);
        assertThat(inTarget.stderr()).contains("error: No matey.toml in " + api.resolve("db") + " or at the git root "
                + dir + "; " + api + " holds one: pass --workspace ..");
        MateyProcess.Result all = MateyProcess.run(api.resolve("db"), Map.of(), "schema", "status", "--all");
        assertThat(all.stderr()).contains("error: No matey.toml in " + api.resolve("db") + " or at the git root");

        MateyProcess.Result explicit = matey("schema", "status", "--workspace", "services/api/db");
        assertThat(explicit.exitCode()).isEqualTo(2);
        assertThat(explicit.stderr()).contains("error: No matey.toml in " + api.resolve("db") + "; " + api
                + " holds one: pass --workspace services/api.");
        MateyProcess.Result nowhere = matey("schema", "status");
        assertThat(nowhere.stderr()).contains("error: No matey.toml in " + dir + "; pass --workspace DIR (the "
                + "directory holding matey.toml), or run `matey init` to create one.");
        assertThat(MateyProcess.run(api.resolve("db"), Map.of(), "schema", "status", "--workspace", "..").exitCode())
                .isZero();
    }

    @Test
    void aTargetsDirectoryOutsideGitNamesTheWorkspaceAboveIt() throws Exception {
        assertThat(matey("init", "--path", "pg", "--engine", "sqlite").exitCode()).isZero();

        MateyProcess.Result inTarget = MateyProcess.run(dir.resolve("pg"), Map.of(), "schema", "status");
        assertThat(inTarget.exitCode()).isEqualTo(2);
        assertThat(inTarget.stderr()).contains("error: No matey.toml in " + dir.resolve("pg") + "; " + dir
                + " holds one: pass --workspace ..");
        assertThat(MateyProcess.run(dir.resolve("pg"), Map.of(), "schema", "status", "--workspace", "..").exitCode())
                .isZero();
    }

    @Test
    void aSpringBootApplicationsDirectoryPointsAtItsPackagedWorkspace() throws Exception {
        Path app = dir.resolve("shop");
        Path packaged = app.resolve("src/main/resources/db/matey");
        Files.createDirectories(packaged);
        assertThat(MateyProcess.run(packaged, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();

        MateyProcess.Result outsideGit = MateyProcess.run(app, Map.of(), "db", "status");
        assertThat(outsideGit.exitCode()).isEqualTo(2);
        assertThat(outsideGit.stderr()).contains("error: No matey.toml in " + app + ", which is not inside a git repository. " + packaged + " holds the application's workspace: pass --workspace "
                + "src/main/resources/db/matey.");

        Files.createDirectories(app.resolve(".git"));
        MateyProcess.Result atGitRoot = MateyProcess.run(app, Map.of(), "schema", "status");
        assertThat(atGitRoot.exitCode()).isEqualTo(2);
        assertThat(atGitRoot.stderr()).contains("error: No matey.toml in " + app + "; " + packaged
                + " holds the application's workspace: pass --workspace src/main/resources/db/matey.");
        assertThat(MateyProcess.run(app, Map.of(), "schema", "status", "--workspace", "src/main/resources/db/matey")
                .exitCode()).isZero();
    }

    @Test
    void initWithACiItCannotWriteWritesNothing() throws Exception {
        MateyProcess.Result noGit = matey("init", "--engine", "sqlite", "--ci", "github");
        assertThat(noGit.exitCode()).isEqualTo(2);
        assertThat(noGit.stderr()).contains("error: --ci requires a git repository");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing written").isEmpty();
        }

        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/matey-schema.yml"), "mine");
        MateyProcess.Result existing = matey("init", "--engine", "sqlite", "--ci", "github");
        assertThat(existing.exitCode()).isEqualTo(2);
        assertThat(existing.stderr()).contains("Refusing to overwrite existing file");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(".git", ".github");
        }
    }

    /**
     * A target inside another's migrations/, checkpoints/ or data/ (either one added second) would have its files
     * taken for the outer target's; an env var name config.toml's reader would refuse (a quote would even end its
     * TOML string) is refused too. Each names both targets or the option, and nothing is written.
     */
    @Test
    void initRefusesATargetInsideAnotherTargetsDirectoriesAndAnInvalidEnvNameWritingNothing() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        assertThat(matey("init", "--path", "db/a/migrations/old", "--engine", "sqlite").exitCode()).isZero();
        String workspace = Files.readString(dir.resolve("matey.toml"));
        String[][] refused = {{"checkpoints", "checkpoints", "checkpoints/ directory of target '.'"},
                {"db/a", "db/a/migrations/old", "migrations/ directory of target 'db/a'"},
                {"migrations/inner", "migrations/inner", "migrations/ directory of target '.'"},
                {"data", "data", "data/ directory of target '.'"}};
        for (String[] init : refused) {
            MateyProcess.Result result = matey("init", "--path", init[0], "--engine", "sqlite");
            assertThat(result.exitCode()).as(init[0]).isEqualTo(2);
            assertThat(result.stderr()).as(init[0]).startsWith("error: " + dir.resolve("matey.toml").toRealPath()
                    + ":1: target '" + init[1] + "' lies inside the " + init[2] + ", whose commands take every file "
                    + "there as their own");
            assertThat(dir.resolve(init[0]).resolve("config.toml")).as(init[0]).doesNotExist();
        }
        assertThat(Files.readString(dir.resolve("matey.toml"))).isEqualTo(workspace);

        for (String[] option : new String[][] {{"--url-env", "lower case"}, {"--test-url-env", "X\"\nengine = \"pg"}}) {
            MateyProcess.Result result = matey("init", "--path", "app", "--engine", "sqlite", option[0], option[1]);
            assertThat(result.exitCode()).as(option[0]).isEqualTo(2);
            assertThat(result.stderr()).as(option[0]).isEqualTo("error: " + option[0] + ": invalid environment variable "
                    + "name '" + option[1] + "'; expected [A-Z_][A-Z0-9_]*.\n");
            assertThat(dir.resolve("app")).as(option[0]).doesNotExist();
        }
        assertThat(Files.readString(dir.resolve("matey.toml"))).isEqualTo(workspace);
    }

    @Test
    void initKeepsTheCommentsOfAnExistingConfig() throws Exception {
        Files.writeString(dir.resolve("matey.toml"), "targets = [\".\"]\n");
        Files.writeString(dir.resolve("config.toml"), "# the billing database\nengine = \"sqlite\"  # local only\n"
                + "url_env = \"BILLING_URL\"\ntest_url_env = \"OLD\" # scratch\n\n[codegen]\nenabled = false # later\n");
        MateyProcess.Result init = matey("init", "--test-url-env", "BILLING_TEST_URL");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("config.toml"))).isEqualTo("# the billing database\n"
                + "engine = \"sqlite\"  # local only\nurl_env = \"BILLING_URL\"\ntest_url_env = \"BILLING_TEST_URL\" # scratch\n\n"
                + "[codegen]\nenabled = false # later\n");
    }

    @Test
    void initCreatesAMissingWorkspaceDirectoryAndOnlyInit() throws Exception {
        Path ws = dir.resolve("src/main/resources/db/matey");
        MateyProcess.Result init = matey("--workspace", "src/main/resources/db/matey", "init", "--engine", "postgres");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        assertThat(Files.readString(ws.resolve("matey.toml"))).contains("\".\"");
        assertThat(ws.resolve("config.toml")).content().contains("engine = \"postgres\"");
        assertThat(ws.resolve("schema.lock.toml")).isRegularFile();
        assertThat(matey("--workspace", ws.toString(), "schema", "status").exitCode()).isZero();

        MateyProcess.Result missing = matey("--workspace", "db/other", "schema", "status");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).isEqualTo("error: --workspace must point to a directory: " + dir.resolve("db/other")
                + ". To create a workspace there, run `matey --workspace db/other init --engine <engine>`.\n");
        assertThat(dir.resolve("db/other")).doesNotExist();
        Files.writeString(dir.resolve("a-file"), "");
        MateyProcess.Result file = matey("--workspace", "a-file", "init", "--engine", "postgres");
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.stderr()).isEqualTo("error: --workspace must point to a directory: " + dir.resolve("a-file") + ".\n");
    }

    /** A hand-written config.toml that lacks a key gets the line to add, with the name init would have written. */
    @Test
    void aMissingConfigKeyIsNamedWithTheLineToAdd() throws Exception {
        twoTargets();
        Path config = dir.resolve("db/a/config.toml");
        Files.writeString(config, "engine = \"sqlite\"\n");
        MateyProcess.Result noUrl = matey("schema", "status", "--path", "db/a");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.stderr()).isEqualTo("error: " + config + ": 'url_env' is missing. Add url_env = "
                + "\"DB_A_DATABASE_URL\" (the variable holding the live database URL).\n");
        Files.writeString(config, "url_env = \"U\"\ntest_url_env = \"T\"\n");
        assertThat(matey("schema", "status", "--path", "db/a").stderr()).startsWith("error: " + config
                + ": 'engine' is missing. Add engine = \"<engine>\" (one of sqlite, ");
    }

    @Test
    void initGitIgnoresTheJournalDirectoriesAndSqliteLockFilesOnce() throws Exception {
        MateyProcess.Result first = matey("init", "--engine", "sqlite");
        assertThat(first.stdout()).contains("Wrote " + dir.resolve(".gitignore") + "\n");
        assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo(".matey/\n*.matey-lock\n");
        MateyProcess.Result second = matey("init", "--path", "db/b", "--engine", "sqlite");
        assertThat(second.stdout()).doesNotContain(".gitignore");
        assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo(".matey/\n*.matey-lock\n");
    }

    /**
     * A Spring Boot application's workspace under src/main/resources: the SQLite lock file lies beside the database
     * in the application's working directory, which only the repository root's .gitignore covers.
     */
    @Test
    void initInsideARepositoryAlsoIgnoresSqliteLockFilesAtItsRoot() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("src/main/resources/db/matey"));
        Files.writeString(dir.resolve(".gitignore"), "target/\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            MateyProcess.Result first = matey("init", "--workspace", workspace.toString(), "--engine", "sqlite");
            assertThat(first.stdout()).contains("Wrote " + workspace.resolve(".gitignore") + "\n",
                    "Wrote " + dir.resolve(".gitignore") + "\n");
            assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo("target/\n*.matey-lock\n");
            Files.writeString(dir.resolve("app.sqlite3.matey-lock"), "");
            assertThat(git.status().call().getUntracked()).as("git status").doesNotContain("app.sqlite3.matey-lock");
            MateyProcess.Result second = matey("init", "--workspace", workspace.toString(), "--path", "db/b",
                    "--engine", "sqlite");
            assertThat(second.stdout()).doesNotContain(".gitignore");
            assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo("target/\n*.matey-lock\n");
        }
    }

    @Test
    void initAppendsTheLinesAnExistingGitIgnoreLacks() throws Exception {
        Files.writeString(dir.resolve(".gitignore"), "target/");
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve(".gitignore"))).isEqualTo("target/\n.matey/\n*.matey-lock\n");
        Files.writeString(dir.resolve(".gitignore"), ".matey/\n");
        assertThat(matey("init", "--path", "b", "--engine", "sqlite").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve(".gitignore"))).as("a workspace initialised before the lock line")
                .isEqualTo(".matey/\n*.matey-lock\n");
    }

    @Test
    void baseOutsideGitSaysSo() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        MateyProcess.Result plan = matey("schema", "plan", "--base", "main");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).contains("error: --base main compares with git history, but " + dir
                + " is not inside a git repository.").doesNotContain("setGitDir");
    }
}
