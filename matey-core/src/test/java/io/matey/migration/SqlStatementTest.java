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
    }

    @Test
    void longStatementsAreShortened() {
        String summary = new SqlStatement("-- note\nSELECT '" + "x".repeat(200) + "'", 1).summary();

        assertThat(summary).startsWith("SELECT 'xxx").endsWith("...").hasSize(120);
    }
}
