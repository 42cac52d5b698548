package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.SqlStatement;
import org.junit.jupiter.api.Test;

class ImplicitCommitsTest {

    @Test
    void ddlAccountsLocksAndTransactionStartsCommitButRowWritesAndTemporaryTablesDoNot() {
        assertThat(commits("CREATE TABLE t (id INT)")).isTrue();
        assertThat(commits("-- why\nALTER TABLE t ADD COLUMN w INT")).isTrue();
        assertThat(commits("create or replace view v as select 1")).isTrue();
        assertThat(commits("TRUNCATE TABLE t")).isTrue();
        assertThat(commits("RENAME TABLE t TO u")).isTrue();
        assertThat(commits("GRANT SELECT ON t TO app")).isTrue();
        assertThat(commits("SET PASSWORD FOR app = PASSWORD('x')")).isTrue();
        assertThat(commits("LOCK TABLES t WRITE")).isTrue();
        assertThat(commits("START TRANSACTION")).isTrue();
        assertThat(commits("BEGIN")).isTrue();
        assertThat(commits("COMMIT")).isTrue();
        assertThat(commits("ANALYZE TABLE t")).isTrue();
        assertThat(commits("LOAD INDEX INTO CACHE t")).isTrue();

        assertThat(commits("CREATE TEMPORARY TABLE tt (id INT)")).isFalse();
        assertThat(commits("CREATE OR REPLACE TEMPORARY TABLE tt (id INT)")).isFalse();
        assertThat(commits("DROP TEMPORARY TABLE IF EXISTS tt")).isFalse();
        assertThat(commits("UPDATE t SET n = n + 1")).isFalse();
        assertThat(commits("INSERT INTO t SELECT * FROM u")).isFalse();
        assertThat(commits("LOAD DATA INFILE 'f' INTO TABLE t")).isFalse();
        assertThat(commits("SET @x = 1")).isFalse();
        assertThat(commits("DO SLEEP(1)")).isFalse();
    }

    @Test
    void statementsThatRunOthersOrDependOnTheSessionAreLeftToTheServer() {
        assertThat(opaque("CALL p()")).isTrue();
        assertThat(opaque("EXECUTE stmt")).isTrue();
        assertThat(opaque("BEGIN NOT ATOMIC CREATE TABLE x (id INT); END")).isTrue();
        assertThat(opaque("fill: LOOP LEAVE fill; END LOOP fill")).isTrue();
        assertThat(opaque("SET autocommit = 1")).isTrue();
        assertThat(opaque("UNLOCK TABLES")).isTrue();
        assertThat(opaque("/*!50001 CREATE TABLE x (id INT) */")).isTrue();

        assertThat(opaque("BEGIN")).isFalse();
        assertThat(opaque("CREATE TABLE t (id INT)")).isFalse();
        assertThat(opaque("SET @x = 1")).isFalse();
        assertThat(opaque("UPDATE t SET n = 1")).isFalse();
    }

    private static boolean commits(String sql) {
        return ImplicitCommits.commits(new SqlStatement(sql, 1));
    }

    private static boolean opaque(String sql) {
        return ImplicitCommits.opaque(new SqlStatement(sql, 1));
    }
}
