package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets when a command line is not quite right: help for a group, a mistyped or incomplete global
 * option, "did you mean" for every kind of name, one wording per option error (exit code 2 for each error).
 */
class UsageMessagesTest {

    private static final Path README = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");

    @TempDir
    Path dir;

    private MateyProcess.Result matey(String... args) throws Exception {
        return MateyProcess.run(dir, Map.of(), args);
    }

    private String error(String... args) throws Exception {
        MateyProcess.Result result = matey(args);
        assertThat(result.exitCode()).as("matey %s\n%s", String.join(" ", args), result.stderr()).isEqualTo(2);
        return result.stderr();
    }

    private String help(String... args) throws Exception {
        MateyProcess.Result result = matey(args);
        assertThat(result.exitCode()).as("matey %s\n%s", String.join(" ", args), result.stderr()).isZero();
        return result.stdout();
    }

    @Test
    void aGroupsHelpListsItsCommandsHoweverAskedFor() throws Exception {
        String db = help("db", "--help");
        assertThat(db).startsWith("Usage: matey db <command> [options]\n").containsPattern("db up\\s+Create the database")
                .containsPattern("db down\\s+Roll back").doesNotContain("schema apply", "AVAILABLE COMMANDS");
        assertThat(help("help", "db")).isEqualTo(db);
        assertThat(help("--help", "db")).isEqualTo(db);
        assertThat(help("db", "-h")).isEqualTo(db);
        assertThat(help("schema", "--help")).contains("schema apply", "schema status").doesNotContain("db up");
        assertThat(help("data", "--help")).contains("data apply", "data export").doesNotContain("db up");
        assertThat(help("--help", "schema", "status")).startsWith("matey schema status\n");
    }

    /** The README's interactive and scripted use says the same (ScriptedSessionIT runs it). */
    /**
     * The engine lists a user reads, init's help (an annotation's constant) and the README's config.toml line, name
     * every engine of the build, so a new engine's plug-in cannot leave them behind (docs/architecture.md §3).
     */
    @Test
    void initsHelpAndTheReadmeNameEveryEngine() throws Exception {
        String initHelp = help("init", "--help").replaceAll("\\s+", " ");
        Matcher helpList = Pattern.compile("--engine[^\n]*? ([a-z0-9-]+(?:, [a-z0-9-]+)* or [a-z0-9-]+) \\(required")
                .matcher(initHelp);
        assertThat(helpList.find()).as(initHelp).isTrue();
        assertThat(helpList.group(1).split(", | or ")).containsExactlyInAnyOrderElementsOf(Engines.ids());
        String configLine = Files.readString(Path.of("../README.md")).lines()
                .filter(line -> line.startsWith("engine = ")).findFirst().orElseThrow();
        assertThat(configLine.substring(configLine.indexOf('#') + 1).strip().split(" \\| "))
                .containsExactlyInAnyOrderElementsOf(Engines.ids());
    }

    @Test
    void theCommandListSaysHowAScriptOfCommandLinesExits() throws Exception {
        assertThat(help("--help").replaceAll("\\s+", " ")).contains(" matey [--workspace DIR] < FILE (a script, a "
                + "command a line: exits with its lines' worst exit code) ");
        assertThat(Files.readString(README)).contains("exits with the worst exit code of its lines");
    }

    @Test
    void aMistypedOrIncompleteGlobalOptionIsNamed() throws Exception {
        assertThat(error("--worksapce", "/tmp/x", "schema", "status"))
                .startsWith("error: Unrecognised option '--worksapce'. Did you mean '--workspace'?\n");
        assertThat(error("--versoin")).startsWith("error: Unrecognised option '--versoin'. Did you mean '--version'?\n");
        assertThat(error("--workspace")).startsWith("error: --workspace needs a value (a directory)");
        assertThat(error("--workspace=", "schema", "status")).startsWith("error: --workspace needs a value (a directory)");
        assertThat(error("--workspace", "", "schema", "status")).startsWith("error: --workspace needs a value");
        assertThat(error("--path", "db", "lint")).contains("Unrecognised option '--path'", "a command's options go after it");
    }

    @Test
    void theVersionWrittenAsACommandIsNamedAsTheOption() throws Exception {
        assertThat(error("version")).startsWith("error: No command 'version'. Did you mean '--version'?\n");
    }

    /** A shell's {@code NAME=value command}, typed in the session: what to do instead, the password masked. */
    @Test
    void aVariableSetBeforeTheCommandIsExplained() throws Exception {
        assertThat(error("DATABASE_URL=postgres://u:Secr3t@h/db", "db", "status")).startsWith("error: No command "
                + "'DATABASE_URL=postgres://u:****@h/db db'. A variable cannot be set before a command here: give "
                + "the URL with --url, or export the variable before starting matey.\n");
    }

    @Test
    void theReadmeShowsTheVersionAsPrinted() throws Exception {
        String printed = help("--version").strip();
        Matcher shown = Pattern.compile("`matey (\\S+) \\(commit ").matcher(Files.readString(README));
        int examples = 0;
        while (shown.find()) {
            examples++;
            assertThat("matey " + shown.group(1) + " (commit ").as("the README's example").isEqualTo(
                    printed.substring(0, printed.indexOf("(commit ") + "(commit ".length()));
        }
        assertThat(examples).isPositive();
    }

    @Test
    void theShortVersionOptionsPrintTheVersion() throws Exception {
        String version = help("--version");
        assertThat(help("-v")).isEqualTo(version);
        assertThat(help("-V")).isEqualTo(version);
        assertThat(help("help")).contains("--version, -v");
    }

    @Test
    void aMigrationNameTooLongForAFileNameIsRefusedUpFront() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        String refusal = error("db", "new", "x".repeat(300));
        assertThat(refusal).contains("Migration name is 300 characters long as a file name; at most 200 fit",
                "Give a shorter name").doesNotContain("File name too long", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        assertThat(dir.resolve("migrations")).isEmptyDirectory();
        assertThat(help("db", "new", "x".repeat(200))).contains("x".repeat(200) + ".sql");
    }

    @Test
    void theWorkspacesMateyTomlNamesItsDirectory() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        assertThat(help("--workspace", dir.resolve("matey.toml").toString(), "schema", "status")).contains("clean");
        assertThat(help("schema", "status", "--workspace", "matey.toml")).contains("clean");
    }

    @Test
    void mistypedNamesGetADidYouMean() throws Exception {
        assertThat(error("help", "shema")).startsWith("error: No command 'shema'. Did you mean 'schema'?\n");
        assertThat(error("shema", "status")).startsWith("error: No command 'shema status'. Did you mean 'schema status'?\n");
        assertThat(error("db", "stauts")).startsWith("error: No command 'db stauts'. Did you mean 'db status'?\n");
        assertThat(error("init", "--engine", "postgress")).contains("Unsupported engine 'postgress'",
                "Did you mean 'postgres'?");
        assertThat(error("init", "--engine", "pg")).as("'ch' is no typo of 'pg': every letter differs")
                .contains("Unsupported engine 'pg': this build has engine plug-ins for sqlite, postgres")
                .doesNotContain("Did you mean");
        assertThat(error("init", "--engine", "mariadbb")).as("aliases are suggested too")
                .contains("Unsupported engine 'mariadbb'", "Did you mean 'mariadb'?");
        assertThat(error("helpp")).startsWith("error: No command 'helpp'. Did you mean 'help'?\n");
        assertThat(error("hlep")).startsWith("error: No command 'hlep'. Did you mean 'help'?\n");
        assertThat(error("db", "status", "--json")).as("an option's value written as an option")
                .startsWith("error: Unrecognised option '--json' for 'db status'. Did you mean '--format json'?\n");
        assertThat(error("lint", "--formt", "json")).contains("Did you mean '--format'?");
        assertThat(error("db", "down", "3")).as("a count given bare, as other tools take it")
                .startsWith("error: Unexpected argument '3' for 'db down'. Did you mean '--steps 3'?\n");
        MateyProcess.Result dbmateTypo = matey("dbmate", "upp");
        assertThat(dbmateTypo.exitCode()).as("dbmate's exit code for an unknown command").isEqualTo(3);
        assertThat(dbmateTypo.stderr()).contains("dbmate: no command 'upp'. Did you mean 'up'?");
        assertThat(error("dbmate", "--bogus", "up")).contains("flag provided but not defined: --bogus (not a global flag)")
                .doesNotContain("global flags go before the command");
        assertThat(error("dbmate", "--ulr", "x", "up")).contains("Did you mean '--url'?");
    }

    @Test
    void aNearMissPrefersPrefixesAndAliasesAndNeverADestructiveVerb() throws Exception {
        assertThat(matey("dbmate", "dwon").stderr()).as("the alias is a candidate")
                .contains("dbmate: no command 'dwon'. Did you mean 'down'?");
        assertThat(matey("dbmate", "rolback").stderr()).contains("dbmate: no command 'rolback'.")
                .doesNotContain("Did you mean");
        assertThat(matey("dbmate", "dro").stderr()).as("a prefix names it").contains("Did you mean 'drop'?");
        assertThat(error("db", "st")).startsWith("error: No command 'db st'. Did you mean 'db status'?\n");
        assertThat(error("sch", "status")).startsWith("error: No command 'sch status'. Did you mean 'schema status'?\n");
        assertThat(error("db", "dwn")).startsWith("error: No command 'db dwn'.").doesNotContain("Did you mean");
    }

    @Test
    void dbmateAndFlywayHabitsPointToMateysCommand() throws Exception {
        assertThat(error("up")).startsWith("error: No command 'up'. Did you mean `matey db up` (or `matey dbmate up` "
                + "for dbmate's own behaviour)?\n");
        assertThat(error("migrate")).contains("`matey db up`");
        assertThat(error("rollback")).contains("`matey db down`");
        assertThat(error("down")).contains("`matey db down`");
        assertThat(error("new")).contains("`matey db new`");
        assertThat(error("status")).contains("`matey db status`");
        assertThat(error("dump")).contains("`matey schema apply`", "`matey dbmate dump`");
        assertThat(error("info")).contains("`matey db status`").doesNotContain("init");
        assertThat(error("validate")).contains("`matey db status`", "`matey db drift`");
        assertThat(error("db", "rollback")).startsWith("error: No command 'db rollback'. Did you mean `matey db down`?\n");
    }

    @Test
    void lintRefusesAMistypedEngineBeforeComparingItWithTheLocks() throws Exception {
        help("init", "--engine", "mysql");
        assertThat(error("lint", "--engine", "clickhous")).startsWith("error: Unsupported engine 'clickhous'")
                .contains("Did you mean 'clickhouse'?").doesNotContain("L209");
    }

    @Test
    void dbNewSpellsOutLettersThatHaveNoAccentToDrop() throws Exception {
        help("init", "--engine", "sqlite");
        help("db", "new", "Café Größe!");
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).hasSize(1)
                    .allMatch(name -> name.matches("\\d{14}_cafe_grosse\\.sql"));
        }
    }

    @Test
    void anEngineAliasIsRecordedAsItsIdAndSaysSo() throws Exception {
        MateyProcess.Result init = matey("init", "--engine", "mariadb");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        assertThat(init.stdout()).contains("Engine: mysql ('mariadb' is another name of engine mysql; config.toml "
                + "records mysql)");
        assertThat(Files.readString(dir.resolve("config.toml"))).contains("engine = \"mysql\"");
        assertThat(matey("init", "--engine", "sqlite", "--path", "b").stdout()).contains("Engine: sqlite\n");
        assertThat(help("help", "init")).contains("mysql also serves MariaDB");
    }

    @Test
    void optionErrorsNameTheOptionInOneWording() throws Exception {
        help("init", "--engine", "sqlite");
        String wording = "error: Invalid value 'yaml' for --format: expected text, json.\n";
        assertThat(error("schema", "status", "--format", "yaml")).startsWith(wording);
        assertThat(error("lint", "--format", "yaml")).startsWith(wording);
        assertThat(error("db", "status", "--format", "yaml")).startsWith(wording);
        assertThat(error("db", "down", "--steps", "abc")).isEqualTo("error: Invalid value 'abc' for --steps: expected a "
                + "number.\nRun `matey help db down` for usage.\n");
        assertThat(error("db", "down", "--steps", "-1")).startsWith("error: --steps must be 1 or more, not -1.\n");
    }

    /** The exit codes are listed in the help and in a README section of their own, a crash apart from a finding. */
    @Test
    void theHelpAndTheReadmeListTheExitCodes() throws Exception {
        assertThat(help("help")).contains("Exit codes\n", "  1    a finding that fails the command",
                "  70   an unexpected failure of Matey itself", "matey dbmate exits as dbmate does");
        assertThat(help("db", "up", "--help").replaceAll("\\s+", " ")).contains("Exit codes: 0 success, 1 a finding "
                + "(--exit-code, lint errors), 2 a user error, 70 an unexpected failure");
        assertThat(help("help", "dbmate")).contains("Exit codes are dbmate's").doesNotContain("70");
        String readme = Files.readString(README);
        assertThat(readme.substring(readme.indexOf("\n### Exit codes\n"))).contains("| `70` | an unexpected failure");
        assertThat(readme.substring(readme.indexOf("### JSON output"), readme.indexOf("\n### Exit codes\n")))
                .contains("Exit codes: see [*Exit codes*](#exit-codes).");
    }

    /** A bare number is seconds, as the help, the error and the README say. */
    @Test
    void aLockTimeoutIsADurationOrSecondsAndSaysSo() throws Exception {
        help("init", "--engine", "sqlite");
        String seconds = "or a number of seconds (10 = 10s; 0 fails at once)";
        assertThat(error("db", "up", "--lock-timeout", "10x")).startsWith("error: --lock-timeout must be a duration such "
                + "as 500ms, 30s, 5m or 1h, " + seconds + ", got '10x'.");
        assertThat(help("help", "db", "up").replaceAll("\\s+", " ")).contains(seconds);
        assertThat(help("help", "schema", "apply").replaceAll("\\s+", " ")).contains(seconds);
        assertThat(Files.readString(README)).contains("or a bare number of seconds: `10` is `10s`, `0` fails at once");
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.db"));
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up", "--lock-timeout", "0");
        assertThat(up.stderr()).contains("db up needs a migration").doesNotContain("--lock-timeout");
    }

    /** An unset variable in {@code --path=$TARGET} or {@code --url "$URL"} is refused, never read as "not given". */
    @Test
    void anEmptyOptionValueIsRefused() throws Exception {
        help("init", "--engine", "sqlite");
        assertThat(error("schema", "status", "--path=")).startsWith("error: Option '--path' was given an empty value "
                + "(an unset variable?): --path");
        assertThat(error("db", "status", "--url", "")).startsWith("error: Option '--url' was given an empty value");
    }

    /** {@code --steps} defaults to 1: a refusal words the count, never as an option the user did not type. */
    @Test
    void dbDownsRefusalDoesNotEchoAStepsOptionNobodyTyped() throws Exception {
        help("init", "--engine", "sqlite");
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.db"));
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (x INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n");
        help("schema", "apply");
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "down").exitCode()).isZero();
        MateyProcess.Result none = MateyProcess.run(dir, env, "db", "down");
        assertThat(none.exitCode()).as(none.stderr()).isEqualTo(2);
        assertThat(none.stderr()).startsWith("error: db down refused: it would roll back the latest migration, but "
                + "only 0 migration(s) are applied; nothing was rolled back.\n").doesNotContain("--steps");

        Files.writeString(dir.resolve("migrations/002_b.sql"), "-- migrate:up\nCREATE TABLE b (x INTEGER);\n"
                + "-- migrate:down\n");
        help("schema", "apply");
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "down", "--steps", "3").stderr()).startsWith("error: db down "
                + "refused: it would roll back the latest 3 migrations, but only 2 migration(s) are applied;");
        String advised = "matey dbmate -d migrations --no-dump-schema rollback";
        assertThat(MateyProcess.run(dir, env, "db", "down").stderr()).startsWith("error: db down refused: "
                + "migrations/002_b.sql has no executable down section, but its up section changed the schema "
                + "(schema.sql differs from checkpoints/001_a.sql), which nothing would undo; nothing was rolled back.")
                .contains("or remove only its record with `" + advised + "`, which keeps what the up section made");
        // the advice runs as printed where matey ran, although dbmate's own default directory is ./db/migrations
        MateyProcess.Result rollback = MateyProcess.run(dir, env, advised.substring("matey ".length()).split(" "));
        assertThat(rollback.exitCode()).as(rollback.stderr()).isZero();
        assertThat(rollback.stdout()).contains("Rolled back: 002_b.sql");
    }

    @Test
    void codegenPointsToWhereCodeGenerationIsConfigured() throws Exception {
        assertThat(error("codegen")).startsWith("error: No command 'codegen'.")
                .contains("[codegen] table", "config.toml", "`matey schema apply` writes the models");
    }
}
