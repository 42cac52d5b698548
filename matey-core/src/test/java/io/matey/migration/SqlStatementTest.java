package io.matey.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementTest {

    @Test
    void summaryStartsAtTheFirstTokenNotAtLeadingComments() {
        SqlStatement statement = new SqlStatement("-- why this table exists\n/* outer /* nested */ still */\n"
                + "# a MySQL comment\n  CREATE TABLE items (\n  id integer\n)", 4);

        assertThat(statement.summary()).isEqualTo("CREATE TABLE items ( id integer )");
        assertThat(statement.code()).startsWith("CREATE TABLE items (\n");
    }

    @Test
    void executableCommentsAndCommentOnlyTextStayInTheSummary() {
        assertThat(new SqlStatement("/*!40101 SET NAMES utf8 */", 1).summary()).isEqualTo("/*!40101 SET NAMES utf8 */");
        assertThat(new SqlStatement("-- only a comment", 1).summary()).isEqualTo("-- only a comment");
        SqlStatement view = new SqlStatement(
                "-- dumped\n/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*M!100100 VIEW v AS SELECT 1 */", 3);
        assertThat(view.code()).isEqualTo("CREATE ALGORITHM=UNDEFINED   \n           VIEW v AS SELECT 1   ");
        assertThat(view.summary()).isEqualTo("/*!50001 CREATE ALGORITHM=UNDEFINED */ /*M!100100 VIEW v AS SELECT 1 */");
        assertThat(view.lineAt(view.sql().indexOf("VIEW"))).isEqualTo(4);
    }

    @Test
    void longStatementsAreShortened() {
        String summary = new SqlStatement("-- note\nSELECT '" + "x".repeat(200) + "'", 1).summary();

        assertThat(summary).startsWith("SELECT 'xxx").endsWith("...").hasSize(120);
    }

    @Test
    void passwordsAreMasked() {
        assertThat(new SqlStatement("CREATE SUBSCRIPTION r CONNECTION 'host=p password=hunter2 dbname=app'"
                + " PUBLICATION p", 1).summary()).isEqualTo("CREATE SUBSCRIPTION r CONNECTION 'host=p password=****"
                + " dbname=app' PUBLICATION p");
        assertThat(new SqlStatement("CREATE SUBSCRIPTION r CONNECTION 'password = ''a b'' host=p' PUBLICATION p", 1)
                .summary()).isEqualTo("CREATE SUBSCRIPTION r CONNECTION 'password = **** host=p' PUBLICATION p");
        assertThat(new SqlStatement("CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password 'it''s')", 1)
                .summary()).isEqualTo("CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password '****')");
        assertThat(new SqlStatement("ALTER ROLE app PASSWORD 'hunter2'", 1).summary())
                .isEqualTo("ALTER ROLE app PASSWORD '****'");
        assertThat(new SqlStatement("CREATE SERVER s OPTIONS (url 'postgres://app:hunter2@h/db?password=x&a=1')", 1)
                .summary()).isEqualTo("CREATE SERVER s OPTIONS (url 'postgres://app:****@h/db?password=****&a=1')");
    }
}
