package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MateyUrlTest {

    @Test
    void parsesServerUrlsAndMasksThePassword() {
        MateyUrl url = MateyUrl.parse("postgres://app:s3cr%40t@db.internal:5433/shop?sslmode=disable");
        assertThat(url.scheme()).isEqualTo("postgres");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.path()).isEqualTo("shop");
        assertThat(url.query()).containsEntry("sslmode", "disable");
        assertThat(url.toString()).isEqualTo("postgres://app:****@db.internal:5433/shop?sslmode=disable")
                .doesNotContain("s3cr");
    }

    @Test
    void derivesSiblingDatabasesKeepingCredentialsAndQuery() {
        MateyUrl url = MateyUrl.parse("mysql://root:pw@127.0.0.1:3306/app?tls=false").withPath("scratch_1");
        assertThat(url.raw()).isEqualTo("mysql://root:pw@127.0.0.1:3306/scratch_1?tls=false");
    }

    @Test
    void parsesSqliteFiles() {
        assertThat(MateyUrl.parse("sqlite3:db/app.sqlite3").path()).isEqualTo("db/app.sqlite3");
        assertThat(MateyUrl.parse("sqlite:/tmp/x.db?mode=rw").path()).isEqualTo("/tmp/x.db");
        assertThat(MateyUrl.parse("sqlite3:/tmp/x.db").isFile()).isTrue();
    }

    @Test
    void masksPasswordsInArbitraryText() {
        assertThat(MateyUrl.mask("connect to postgres://u:hunter2@h/db failed; mysql://:pw@x/y"))
                .isEqualTo("connect to postgres://u:****@h/db failed; mysql://:****@x/y");
        assertThat(MateyUrl.mask("postgres://h/db?user=u&password=hunter2&sslmode=disable"))
                .isEqualTo("postgres://h/db?user=u&password=****&sslmode=disable");
    }

    @Test
    void invalidUrlsNeverEchoThePassword() {
        assertThatThrownBy(() -> MateyUrl.parse("postgres://u:hunter2@/db"))
                .hasMessageNotContaining("hunter2").hasMessageContaining("host is required");
    }

    @Test
    void urlsThatDoNotParseAreEchoedMasked() {
        assertThatThrownBy(() -> MateyUrl.parse("bob:S3cretPW@host/db"))
                .hasMessage("Invalid database URL 'bob:****@host/db': a host is required.");
        assertThatThrownBy(() -> MateyUrl.parse("postgres:/bob:S3cretPW@host/db"))
                .hasMessage("Invalid database URL 'postgres:/bob:****@host/db': a host is required.");
        assertThatThrownBy(() -> MateyUrl.parse("//bob:S3cretPW@host/db")).hasMessage(
                "Invalid database URL '//bob:****@host/db': expected <scheme>:... such as sqlite3:db.sqlite3 or "
                        + "postgres://user@host:5432/db.");
        assertThatThrownBy(() -> MateyUrl.parse("postgres://bob:S3cret PW@host/db"))
                .hasMessageStartingWith("Invalid database URL 'postgres://bob:****@host/db': ")
                .hasMessageNotContaining("S3cret");
    }

    @Test
    void aPasswordHoldingAReservedCharacterIsAskedToBeEncoded() {
        for (String url : new String[] {"postgres://bob:S3cr#etPW@127.0.0.1/db",
                "postgres://bob:S3c@ret/PW@127.0.0.1/db", "postgres://bob:S3c/retPW@127.0.0.1/db",
                "postgres://bob:S3c?retPW@127.0.0.1/db", "postgres://bob:S3c?x=1/a&retPW@127.0.0.1/db"}) {
            assertThatThrownBy(() -> MateyUrl.parse(url)).as(url).hasMessage("Invalid database URL "
                    + "'postgres://bob:****@127.0.0.1/db': an '@' comes after the host, as when a password holds "
                    + "'@', '/', '?' or '#' unencoded; percent-encode them (%40, %2F, %3F, %23).");
        }
        assertThatThrownBy(() -> MateyUrl.parse("postgres://postgres:s3cret@PW@127.0.0.1:5432/x")).hasMessage(
                "Invalid database URL 'postgres://postgres:****@127.0.0.1:5432/x': the password (or user) contains "
                        + "'@': percent-encode it as %40.");
        assertThatThrownBy(() -> MateyUrl.parse("postgres://bob@corp@127.0.0.1/x"))
                .hasMessageEndingWith(": the password (or user) contains '@': percent-encode it as %40.");
        MateyUrl atInQuery = MateyUrl.parse("postgres://bob@h:5432/db?application_name=a@b");
        assertThat(atInQuery.query()).containsEntry("application_name", "a@b");
        assertThat(atInQuery).hasToString("postgres://bob@h:5432/db?application_name=a@b");
    }

    @Test
    void aBadPortOrHostIsNamedAsSuch() {
        assertThatThrownBy(() -> MateyUrl.parse("postgres://u:hunter2@localhost:notaport/db")).hasMessage(
                "Invalid database URL 'postgres://u:****@localhost:notaport/db': port 'notaport' is not a number; "
                        + "expected host:port with a port from 1 to 65535.");
        assertThatThrownBy(() -> MateyUrl.parse("mysql://u:hunter2@localhost:99999/db")).hasMessage(
                "Invalid database URL 'mysql://u:****@localhost:99999/db': port 99999 is out of range; expected a "
                        + "number from 1 to 65535.");
        assertThatThrownBy(() -> MateyUrl.parse("postgres://u:hunter2@db_1:5432/db")).hasMessage(
                "Invalid database URL 'postgres://u:****@db_1:5432/db': host 'db_1' is not a valid host name "
                        + "(letters, digits, '-' and '.'; no '_').");
    }
}
