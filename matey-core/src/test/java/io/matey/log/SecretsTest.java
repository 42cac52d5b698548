package io.matey.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void thePasswordPlaceholderOfACommandToPasteStaysAsWritten() {
        String command = "run `matey db up --url 'mysql://u:<password>@h:3306/db' --resume` on mysql://u:<password>@h/db";
        assertThat(Secrets.maskUrls(command)).isEqualTo(command);
        assertThat(Secrets.maskUrl("mysql://u:<password>@h/db")).isEqualTo("mysql://u:<password>@h/db");
        assertThat(Secrets.maskUrl("mysql://u:<password>@x@h/db")).isEqualTo("mysql://u:****@h/db");
        assertThat(Secrets.maskUrls("on mysql://u:<password>@x@h/db and 'mysql://u:<password>x@h/db'"))
                .isEqualTo("on mysql://u:****@h/db and 'mysql://u:****@h/db'");
    }

    @Test
    void aWholeUrlIsMaskedFromTheUsersColonToTheLastAt() {
        assertThat(Secrets.maskUrl("bob:S3cretPW@host/db")).isEqualTo("bob:****@host/db");
        assertThat(Secrets.maskUrl("postgres:/bob:S3cretPW@host/db")).isEqualTo("postgres:/bob:****@host/db");
        assertThat(Secrets.maskUrl("//bob:S3cretPW@host/db")).isEqualTo("//bob:****@host/db");
        assertThat(Secrets.maskUrl("postgres://bob:S3cr#etPW@127.0.0.1/db")).isEqualTo("postgres://bob:****@127.0.0.1/db");
        assertThat(Secrets.maskUrl("postgres://bob:S3c@ret/PW@127.0.0.1/db")).isEqualTo("postgres://bob:****@127.0.0.1/db");
        assertThat(Secrets.maskUrl("postgres://bob:S3cret PW@h:5432/db?password=x&a=1"))
                .isEqualTo("postgres://bob:****@h:5432/db?password=****&a=1");
        assertThat(Secrets.maskUrl("postgres://bob@h:5432/db")).isEqualTo("postgres://bob@h:5432/db");
        assertThat(Secrets.maskUrl("postgres://bob@h:5432/db?application_name=a@b"))
                .isEqualTo("postgres://bob@h:5432/db?application_name=a@b");
        assertThat(Secrets.maskUrl("postgres://bob@server:S3cret@h/db")).isEqualTo("postgres://bob@server:****@h/db");
        assertThat(Secrets.maskUrl("jdbc:mysql://bob:S3c@ret@h/db")).isEqualTo("jdbc:mysql://bob:****@h/db");
        assertThat(Secrets.maskUrl("sqlite3:/tmp/db.sqlite3")).isEqualTo("sqlite3:/tmp/db.sqlite3");
    }

    @Test
    void userInfoInTextIsMaskedWithOrWithoutAScheme() {
        for (String[] urlAndMasked : new String[][] {
                {"bob:S3cretPW@host/db", "bob:****@host/db"},
                {"postgres:/bob:S3cretPW@host/db", "postgres:/bob:****@host/db"},
                {"//bob:S3cretPW@host/db", "//bob:****@host/db"},
                {"postgres://bob:S3cr#etPW@127.0.0.1/db", "postgres://bob:****@127.0.0.1/db"},
                {"postgres://bob:S3c@ret/PW@127.0.0.1/db", "postgres://bob:****@127.0.0.1/db"},
                {"mysql://:S3cret@x/y", "mysql://:****@x/y"},
                {"postgres://bob@server:S3cret@h/db", "postgres://bob@server:****@h/db"},
                {"bob@server:S3cret@h/db", "bob@server:****@h/db"},
                {"jdbc:postgresql://bob:S3cret@h/db", "jdbc:postgresql://bob:****@h/db"}}) {
            assertThat(Secrets.maskUrls("error: Invalid database URL '" + urlAndMasked[0] + "': a host is required."))
                    .isEqualTo("error: Invalid database URL '" + urlAndMasked[1] + "': a host is required.");
            assertThat(Secrets.maskUrls("failed (" + urlAndMasked[0] + ")")).isEqualTo("failed (" + urlAndMasked[1] + ")");
        }
    }

    @Test
    void aPasswordParameterIsMaskedUpToWhatEndsTheUrl() {
        String url = "postgres://bob:S3cret%20PW@127.0.0.1:5432/x?password=S3cretQ";
        String masked = "postgres://bob:****@127.0.0.1:5432/x?password=****";
        assertThat(Secrets.maskUrls("cannot reach " + url + ": FATAL: role \"bob\" does not exist (" + url + ")"))
                .isEqualTo("cannot reach " + masked + ": FATAL: role \"bob\" does not exist (" + masked + ")");
        assertThat(Secrets.maskUrls("'h/db?PASSWORD=a)b&sslmode=disable', then h/db?password=c.d."))
                .isEqualTo("'h/db?PASSWORD=****&sslmode=disable', then h/db?password=****.");
    }

    @Test
    void textWithoutAPasswordIsLeftAlone() {
        for (String text : new String[] {"postgres://bob@host:5432/db", "at 12:30 mail x@y.org",
                "a::text, b::int", "postgres://[::1]:5432/db", "sqlite3:db/app.sqlite3",
                "postgres://bob@h:5432/db?application_name=a@b", "(mysql://root@h:3306/x?tls=a@b)"}) {
            assertThat(Secrets.maskUrls(text)).isEqualTo(text);
        }
        assertThat(Secrets.maskUrls("{\"a\":\"x:y\",\"url\":\"postgres://u:pw@h/db\",\"by\":\"a@b\"}"))
                .isEqualTo("{\"a\":\"x:y\",\"url\":\"postgres://u:****@h/db\",\"by\":\"a@b\"}");
    }

    @Test
    void sqlPasswordsOfRolesAndUsersAreMasked() {
        assertThat(Secrets.maskSql("CREATE ROLE app LOGIN PASSWORD 'S3c''ret'")).isEqualTo("CREATE ROLE app LOGIN PASSWORD '****'");
        assertThat(Secrets.maskSql("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret', 'b'@'h' IDENTIFIED WITH "
                + "'mysql_native_password' BY 'Other'")).isEqualTo("CREATE USER 'app'@'%' IDENTIFIED BY '****', 'b'@'h' "
                        + "IDENTIFIED WITH 'mysql_native_password' BY '****'");
        assertThat(Secrets.maskSql("CREATE USER app IDENTIFIED VIA ed25519 USING PASSWORD('S3cret')"))
                .isEqualTo("CREATE USER app IDENTIFIED VIA ed25519 USING PASSWORD('****')");
    }

    /** A misspelt clause and the server's quote of it, which starts mid-statement and may stop inside the literal. */
    @Test
    void aPasswordAfterAMisspeltClauseIsMaskedInTheStatementAndTheServersQuote() {
        assertThat(Secrets.maskSql("CREATE USER 'x'@'%' IDENTIFIED BOGUS BY 'Sup3rS3cret!'"))
                .isEqualTo("CREATE USER 'x'@'%' IDENTIFIED BOGUS BY '****'");
        assertThat(Secrets.maskSql("You have an error in your SQL syntax; check the manual that corresponds to your"
                + " MariaDB server version for the right syntax to use near 'BOGUS BY 'Sup3rS3cret!'' at line 1"))
                .doesNotContain("Sup3rS3cret").endsWith("near 'BOGUS BY '****'' at line 1");
        assertThat(Secrets.maskSql("near 'BY 'Sup3rS3c")).isEqualTo("near 'BY '****'");
        assertThat(Secrets.maskSql("SELECT * FROM t INTO OUTFILE '/tmp/t' FIELDS TERMINATED BY ',' ENCLOSED BY '\"'"
                + " LINES STARTING BY 'x' TERMINATED BY '\\n'")).isEqualTo("SELECT * FROM t INTO OUTFILE '/tmp/t'"
                + " FIELDS TERMINATED BY ',' ENCLOSED BY '\"' LINES STARTING BY 'x' TERMINATED BY '\\n'");
    }

    /**
     * PostgreSQL's {@code format()} as a DO block builds a role for EXECUTE: the argument that fills the placeholder
     * after PASSWORD is masked, found as PostgreSQL reads the format string, and no other.
     */
    @Test
    void theArgumentFormatPutsAfterPasswordIsMasked() {
        assertThat(Secrets.maskSql("DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', 'app', 'S3c''ret'); "
                + "END $$")).isEqualTo("DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', 'app', '****'); "
                        + "END $$");
        assertThat(Secrets.maskSql("SELECT FORMAT('ALTER ROLE %2$I ENCRYPTED password %1$L VALID UNTIL %3$L', 'S3cret', "
                + "'app', 'infinity')")).isEqualTo("SELECT FORMAT('ALTER ROLE %2$I ENCRYPTED password %1$L VALID UNTIL "
                        + "%3$L', '****', 'app', 'infinity')");
        assertThat(Secrets.maskSql("SELECT format('%*s 100%% %s PASSWORD %L', 10, 'x', 'app', 'S3cret', 'extra')"))
                .as("a width * takes an argument, %% none").isEqualTo("SELECT format('%*s 100%% %s PASSWORD %L', 10, "
                        + "'x', 'app', '****', 'extra')");
        assertThat(Secrets.maskSql("SELECT format('CREATE USER %s WITH PASSWORD ''%s''', 'app', 'S3cret')"))
                .as("a placeholder quoted in the format string").doesNotContain("S3cret").contains("'app', '****'");
        for (String kept : new String[] {
                "SELECT format('CREATE ROLE %I LOGIN', 'app')",
                "SELECT format('COMMENT ON ROLE %I IS %L', 'app', 'password reset by ops')",
                "SELECT format('%L is the password column', 'pw')",
                "SELECT format('ALTER ROLE %I PASSWORD %L', name, pw) FROM staged",
                "SELECT format(template, 'PASSWORD', 'x')"}) {
            assertThat(Secrets.maskSql(kept)).as(kept).isEqualTo(kept);
        }
    }

    @Test
    void passwordsPassedByPositionToClickHouseRemoteTablesAndStorageAreMasked() {
        assertThat(Secrets.maskSql("CREATE VIEW v AS SELECT * FROM postgresql('h:5432', 'db', 't', 'root', 'S3c''r,et)')"))
                .isEqualTo("CREATE VIEW v AS SELECT * FROM postgresql('h:5432', 'db', 't', 'root', '****')");
        assertThat(Secrets.maskSql("CREATE TABLE e (k UInt64) ENGINE = MySQL('h:3306', 'db', 't', 'root', 'S3cret') "
                + "SETTINGS connect_timeout = 5")).isEqualTo("CREATE TABLE e (k UInt64) ENGINE = MySQL('h:3306', 'db', "
                        + "'t', 'root', '****') SETTINGS connect_timeout = 5");
        assertThat(Secrets.maskSql("SELECT * FROM remote('h', db.t, 'u', 'S3cret') JOIN remoteSecure('h', 'db', "
                + "concat('t', '1'), 'u', 'Other', rand())")).isEqualTo("SELECT * FROM remote('h', db.t, 'u', '****') "
                        + "JOIN remoteSecure('h', 'db', concat('t', '1'), 'u', '****', rand())");
        assertThat(Secrets.maskSql("SELECT mysql_version(), postgresql FROM t")).isEqualTo("SELECT mysql_version(), postgresql FROM t");
        assertThat(Secrets.maskSql("SELECT * FROM s3('http://h/b/f.csv', 'AKEYID', 'S3cretKey', 'CSV', 'k UInt64')"))
                .isEqualTo("SELECT * FROM s3('http://h/b/f.csv', 'AKEYID', '****', 'CSV', 'k UInt64')");
        assertThat(Secrets.maskSql("SELECT * FROM s3('http://h/b/f.csv', 'CSVWithNames', 'k UInt64')"))
                .as("a format and a structure carry no secret").isEqualTo("SELECT * FROM s3('http://h/b/f.csv', 'CSVWithNames', 'k UInt64')");
    }

    /**
     * Exactly the secret positions of ClickHouse's documented signatures are masked: a user is no password, a
     * database engine's password comes one position earlier than a table's, and an object storage call's session
     * token is a secret while a format is not.
     */
    @Test
    void onlyTheSecretArgumentsOfClickHouseCallsAreMasked() {
        for (String kept : new String[] {
                "SELECT * FROM remote('h', db, t, 'reporting_user')",
                "SELECT * FROM remoteSecure('h', '', 't', 'reporting_user', rand())",
                "SELECT * FROM remote('h', db.t, 'reporting_user')",
                "SELECT * FROM remote('h', numbers(10), 'reporting_user')",
                "SELECT * FROM mysql('h:3306', 'db', 't', 'reporting_user')",
                "SELECT * FROM s3('http://h/b/f.csv', NOSIGN, 'CSV', 'gzip')",
                "SELECT * FROM s3('http://h/b/f.csv', 'Parquet')"}) {
            assertThat(Secrets.maskSql(kept)).as(kept).isEqualTo(kept);
        }
        assertThat(Secrets.maskSql("SELECT * FROM remote('h', `my.db`, t, 'u', 'S3cret') JOIN remote('h', 'db.t', 'u', "
                + "'Other') JOIN remoteSecure('h', numbers(10), 'u', 'Third', rand())")).isEqualTo("SELECT * FROM remote('h', "
                        + "`my.db`, t, 'u', '****') JOIN remote('h', 'db.t', 'u', '****') JOIN remoteSecure('h', numbers(10), "
                        + "'u', '****', rand())");
        assertThat(Secrets.maskSql("CREATE DATABASE pg ENGINE = PostgreSQL('h:5432', 'db', 'u', 'S3cret', 'public', 1)"))
                .isEqualTo("CREATE DATABASE pg ENGINE = PostgreSQL('h:5432', 'db', 'u', '****', 'public', 1)");
        assertThat(Secrets.maskSql("CREATE DATABASE IF NOT EXISTS my ENGINE = MySQL('h:3306', 'db', 'u', 'S3cret')"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS my ENGINE = MySQL('h:3306', 'db', 'u', '****')");
        assertThat(Secrets.maskSql("CREATE TABLE t (database String) ENGINE = PostgreSQL('h', 'db', 't', 'u', 'S3cret')"))
                .isEqualTo("CREATE TABLE t (database String) ENGINE = PostgreSQL('h', 'db', 't', 'u', '****')");
        assertThat(Secrets.maskSql("SELECT * FROM s3('http://h/b/f.csv', 'AKEYID', 'S3cretKey', 'T0ken', 'CSV')"))
                .isEqualTo("SELECT * FROM s3('http://h/b/f.csv', 'AKEYID', '****', '****', 'CSV')");
        assertThat(Secrets.maskSql("SELECT * FROM gcs('http://h/b/f.csv', 'GOOGKEY', 'S3cretKey', 'JSONEachRow')"))
                .isEqualTo("SELECT * FROM gcs('http://h/b/f.csv', 'GOOGKEY', '****', 'JSONEachRow')");
    }

    /**
     * Every value of a ClickHouse {@code headers(...)} is masked, as the server hides them all, whatever the
     * header's name (an API key travels under any); the names stay, so the message still says which header.
     */
    @Test
    void everyHeaderValueOfUrlAndS3CallsIsMasked() {
        assertThat(Secrets.maskSql("SELECT * FROM url('https://api.example.com/e', headers('Authorization' = 'Bearer "
                + "XYZ', 'X-Api-Key'='K3y''s', 'Accept' = concat('text/', 'csv')))")).isEqualTo("SELECT * FROM "
                        + "url('https://api.example.com/e', headers('Authorization' = '****', 'X-Api-Key'='****', "
                        + "'Accept' = concat('text/', 'csv')))");
        assertThat(Secrets.maskSql("CREATE TABLE e (k UInt64) ENGINE = S3('https://h/b/f.csv', 'AKEYID', 'S3cretKey', "
                + "'CSV', headers('X-Amz-Security-Token' = 'T0ken'))")).isEqualTo("CREATE TABLE e (k UInt64) ENGINE = "
                        + "S3('https://h/b/f.csv', 'AKEYID', '****', 'CSV', headers('X-Amz-Security-Token' = '****'))");
        for (String kept : new String[] {
                "CREATE TABLE headers (k UInt64, h Map(String, String)) ENGINE = Memory",
                "SELECT headers FROM requests WHERE headers['Accept'] = 'text/csv'"}) {
            assertThat(Secrets.maskSql(kept)).as(kept).isEqualTo(kept);
        }
    }

    @Test
    void libpqKeywordValuePasswordsAreMaskedQuotedOrNot() {
        String conninfo = "host=127.0.0.1 user=postgres password=KEYWORD3 dbname=x";
        String masked = "host=127.0.0.1 user=postgres password=**** dbname=x";
        assertThat(Secrets.maskUrl(conninfo)).isEqualTo(masked);
        assertThat(Secrets.maskUrls("error: Invalid database URL '" + conninfo + "': expected <scheme>:..."))
                .isEqualTo("error: Invalid database URL '" + masked + "': expected <scheme>:...");
        assertThat(Secrets.maskUrls("db status --url 'host=h password=KEYWORD3'")).isEqualTo("db status --url 'host=h password=****'");
        assertThat(Secrets.maskUrls("db status --url \"host=h PASSWORD = 'a b\\'c' dbname=x\""))
                .isEqualTo("db status --url \"host=h PASSWORD = **** dbname=x\"");
        assertThat(Secrets.maskUrls("postgres://h/x?password=p&sslmode=disable")).isEqualTo("postgres://h/x?password=****&sslmode=disable");
    }

    @Test
    void aSessionLineIsMaskedAsTyped() {
        for (String url : new String[] {"\"postgres://postgres:pa ss2@127.0.0.1:5432/x\"", "'postgres://postgres:pa ss2@127.0.0.1:5432/x'",
                "postgres://postgres:pa\\ ss2@127.0.0.1:5432/x"}) {
            for (String line : new String[] {"db status --url " + url, "db status --url=" + url}) {
                assertThat(Secrets.maskUrls(line)).as(line).doesNotContain("pa", "ss2").contains("postgres:****@127.0.0.1:5432/x");
            }
        }
        assertThat(Secrets.maskUrls("echo 'note: mail bob@x.org'")).isEqualTo("echo 'note: mail bob@x.org'");
    }
}
