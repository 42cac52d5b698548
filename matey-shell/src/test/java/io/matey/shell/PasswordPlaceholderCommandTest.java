package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * URLs that log in with a password (a MariaDB user of its own): the commands Matey's messages suggest, errors
 * included, have {@code <password>} where the password goes, never the password nor its mask {@code ****}, which
 * cannot log in; a URL merely mentioned stays masked (docs/architecture.md §7).
 */
class PasswordPlaceholderCommandTest {

    private static final String USER = "clifix_pw";
    private static final String PASSWORD = "clifix-S3cret";
    /** A command in backquotes holding the mask, which cannot run as printed. */
    private static final Pattern MASKED_COMMAND = Pattern.compile("`matey [^`]*\\*\\*\\*\\*[^`]*`");

    @TempDir
    Path dir;

    @BeforeEach
    void createUser() throws Exception {
        try (TestDatabase admin = TestDatabase.create("mysql")) {
            admin.execute("DROP USER IF EXISTS '" + USER + "'@'%'");
            admin.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
            admin.execute("GRANT ALL ON *.* TO '" + USER + "'@'%'");
        }
    }

    @AfterEach
    void dropUser() throws Exception {
        try (TestDatabase admin = TestDatabase.create("mysql")) {
            admin.execute("DROP USER IF EXISTS '" + USER + "'@'%'");
        }
    }

    @Test
    void aFailedSectionAndTheRefusalAfterItSuggestResumeWithThePlaceholder() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init();
            String url = migrated(live, env);
            live.execute("INSERT INTO pre VALUES (1)");
            MateyProcess.migration(dir, "002_two.sql", "CREATE TABLE two (id int);\nINSERT INTO pre VALUES (1);",
                    "DROP TABLE two;\nDELETE FROM pre WHERE id = 1;");
            apply(env);
            String resume = "`matey db up --url '" + placeholder(url) + "' --resume`";

            MateyProcess.Result failed = matey(env, "db", "up", "--url", url);
            assertThat(failed.exitCode()).isEqualTo(2);
            assertPasteable(failed.stderr()).contains("up section failed", "refuses this database until " + resume);

            MateyProcess.Result refused = matey(env, "db", "up", "--url", url);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertPasteable(refused.stderr()).contains("db up refused", "run " + resume);
        }
    }

    @Test
    void aDriftRefusalSuggestsDriftWithThePlaceholderAndAKeptScratchItsDrop() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init();
            String url = migrated(live, env);
            live.execute("CREATE TABLE hotfix (id int)");

            MateyProcess.Result down = matey(env, "db", "down", "--url", url);
            assertThat(down.exitCode()).isEqualTo(2);
            assertPasteable(down.stderr()).contains("`matey db drift --url '" + placeholder(url) + "'");

            String testUrl = withPassword(TestDatabase.serverBase("mysql").raw());
            MateyProcess.Result kept = matey(Map.of("TEST_DATABASE_URL", testUrl), "schema", "plan", "--clean",
                    "--keep-scratch");
            String output = kept.stdout() + kept.stderr();
            Matcher drop = Pattern.compile("`matey dbmate --url '([^']*/(matey_[^'/?]*kept[^'/?]*))[^']*' drop`")
                    .matcher(output);
            assertThat(drop.find()).as(output).isTrue();
            live.execute("DROP DATABASE IF EXISTS `" + drop.group(2) + "`");
            assertPasteable(output);
            assertThat(drop.group(1)).startsWith("mysql://" + USER + ":<password>@");
        }
    }

    /** The text holds no password and no command with the mask. */
    private static org.assertj.core.api.AbstractStringAssert<?> assertPasteable(String text) {
        assertThat(MASKED_COMMAND.matcher(text).find()).as(text).isFalse();
        return assertThat(text).doesNotContain(PASSWORD);
    }

    private static String withPassword(String url) {
        return url.replaceFirst("//[^@/]*@", "//" + USER + ":" + PASSWORD + "@");
    }

    private static String placeholder(String url) {
        return url.replace(":" + PASSWORD + "@", ":<password>@");
    }

    /** The URL, with the password, of {@code live} after {@code db up} of a first migration. */
    private String migrated(TestDatabase live, Map<String, String> env) throws Exception {
        String url = withPassword(live.url().raw());
        MateyProcess.migration(dir, "001_pre.sql", "CREATE TABLE pre (id int PRIMARY KEY);", "DROP TABLE pre;");
        apply(env);
        MateyProcess.Result up = matey(env, "db", "up", "--url", url);
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        return url;
    }

    private Map<String, String> init() throws Exception {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase("mysql").raw());
        assertThat(matey(env, "init", "--engine", "mysql").exitCode()).isZero();
        return env;
    }

    private void apply(Map<String, String> env) throws Exception {
        MateyProcess.Result apply = matey(env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
    }

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(dir, env, args);
    }
}
