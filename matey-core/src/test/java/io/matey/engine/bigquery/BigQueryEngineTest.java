package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.SqlStatement;
import io.matey.migration.StatementSplitter;
import org.junit.jupiter.api.Test;

class BigQueryEngineTest {

    private final BigQueryEngine real = new BigQueryEngine(false, BigQueryClients.DEFAULT);
    private final BigQueryEngine emulator = new BigQueryEngine(true, BigQueryClients.DEFAULT);

    @Test
    void namesAndSchemesAreDbmatesAndPythonMateys() {
        assertThat(real.id()).isEqualTo("bigquery");
        assertThat(emulator.id()).isEqualTo("bigquery-emulator");
        assertThat(emulator.aliases()).containsExactly("bigquery_emulator");
        assertThat(real.acceptsScheme("bigquery")).isTrue();
        assertThat(real.acceptsScheme("bigquery-emulator")).isFalse();
        assertThat(real.transactions()).isFalse();
    }

    @Test
    void quotesWithBackticksEscapingBackslashesAndBackticks() {
        assertThat(real.quote("events")).isEqualTo("`events`");
        assertThat(real.quote("a`b\\c")).isEqualTo("`a\\`b\\\\c`");
    }

    @Test
    void splitsGoogleSqlWithHashCommentsAndBackslashEscapes() {
        String sql = "# a comment; not a statement\nINSERT INTO t (s) VALUES ('it\\'s; fine');\nSELECT `a;b` FROM t;";
        assertThat(new StatementSplitter(real.dialect()).split(sql)).extracting(SqlStatement::sql).containsExactly(
                "# a comment; not a statement\nINSERT INTO t (s) VALUES ('it\\'s; fine')", "SELECT `a;b` FROM t");
    }
}
