package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void serverUrlsBecomeMateyUrlsWithTheUserAndWithoutCredentialParameters() {
        assertThat(JdbcUrls.toMateyUrl("jdbc:postgresql://db.example:5433/shop?sslmode=require&user=x&password=pw",
                "app", null)).hasValueSatisfying(url -> assertThat(url.raw())
                        .isEqualTo("postgres://app@db.example:5433/shop?sslmode=require"));
        assertThat(JdbcUrls.toMateyUrl("jdbc:mariadb://127.0.0.1:3306/notes", "root@localhost", null))
                .hasValueSatisfying(url -> assertThat(url.raw()).isEqualTo("mysql://root@127.0.0.1:3306/notes"));
        assertThat(JdbcUrls.toMateyUrl("jdbc:mysql://h/notes", null, null))
                .hasValueSatisfying(url -> assertThat(url.raw()).isEqualTo("mysql://h/notes"));
    }

    @Test
    void theDescribedUrlLeavesOutTheDriversOwnOptionsAndKeepsThemForConnecting() {
        String mariadb = "jdbc:mariadb://127.0.0.1/walk_sample_my?createDatabaseIfNotExist=true&useSSL=false";
        assertThat(JdbcUrls.describe(mariadb, "root@localhost")).map(MateyUrl::raw)
                .hasValue("mysql://root@127.0.0.1/walk_sample_my");
        assertThat(JdbcUrls.toMateyUrl(mariadb, "root", null)).map(MateyUrl::raw)
                .hasValue("mysql://root@127.0.0.1/walk_sample_my?createDatabaseIfNotExist=true&useSSL=false");
        assertThat(JdbcUrls.describe("jdbc:postgresql://h/db?prepareThreshold=0&currentSchema=app&sslmode=require"
                + "&ApplicationName=x&password=pw", "app")).map(MateyUrl::raw)
                .hasValue("postgres://app@h/db?search_path=app&sslmode=require&application_name=x");
        assertThat(JdbcUrls.describe("jdbc:clickhouse://h:8123/shop?compress=false", "ana")).map(MateyUrl::raw)
                .hasValue("clickhouse://ana@h:8123/shop?compress=false");
    }

    @Test
    void aPasswordIsCarriedForConnectingAndMaskedInText() {
        MateyUrl url = JdbcUrls.toMateyUrl("jdbc:postgresql://h:5432/db", "u s", "p@ss").orElseThrow();
        assertThat(url.user()).isEqualTo("u s");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url).hasToString("postgres://u%20s:****@h:5432/db");
    }

    @Test
    void sqliteFilesKeepTheirPath() {
        assertThat(JdbcUrls.toMateyUrl("jdbc:sqlite:matey-sample.sqlite3", null, null))
                .hasValueSatisfying(url -> assertThat(url.raw()).isEqualTo("sqlite3:matey-sample.sqlite3"));
        assertThat(JdbcUrls.toMateyUrl("jdbc:sqlite:file:/tmp/a.db?mode=rw", null, null))
                .hasValueSatisfying(url -> assertThat(url.raw()).isEqualTo("sqlite3:/tmp/a.db"));
    }

    @Test
    void otherUrlsHaveNone() {
        assertThat(JdbcUrls.toMateyUrl("jdbc:h2:mem:x", null, null)).isEmpty();
        assertThat(JdbcUrls.toMateyUrl("jdbc:sqlite::memory:", null, null)).isEmpty();
        assertThat(JdbcUrls.toMateyUrl("jdbc:mysql://a:1,b:2/db", null, null)).isEmpty();
        assertThat(JdbcUrls.toMateyUrl(null, null, null)).isEmpty();
    }
}
