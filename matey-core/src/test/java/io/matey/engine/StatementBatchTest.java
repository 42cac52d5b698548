package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementBatchTest {

    private final Engine postgres = Engines.byId("postgres");

    @Test
    void rowWritesWithoutReturningArePlain() {
        assertThat(StatementBatch.plain(new SqlStatement("INSERT INTO t VALUES (1)", 1))).isTrue();
        assertThat(StatementBatch.plain(new SqlStatement("-- a comment\nupdate t SET a = 1", 1))).isTrue();
        assertThat(StatementBatch.plain(new SqlStatement("DELETE\nFROM t", 1))).isTrue();
        assertThat(StatementBatch.plain(new SqlStatement("INSERT INTO t VALUES (1) RETURNING id", 1))).isFalse();
        assertThat(StatementBatch.plain(new SqlStatement("SELECT 1", 1))).isFalse();
        assertThat(StatementBatch.plain(new SqlStatement("WITH n AS (SELECT 1) INSERT INTO t SELECT * FROM n", 1)))
                .isFalse();
        assertThat(StatementBatch.plain(new SqlStatement("INSERTS", 1))).isFalse();
        assertThat(StatementBatch.plain(new SqlStatement("CREATE TABLE t (id integer)", 1))).isFalse();
    }

    @Test
    void aBatchEndsAtTheFirstOtherStatementAndAtItsBound() {
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(new SqlStatement("CREATE TABLE t (id integer)", 1));
        for (int i = 0; i < StatementBatch.MAX_STATEMENTS + 5; i++) {
            statements.add(new SqlStatement("INSERT INTO t VALUES (" + i + ")", i + 2));
        }
        statements.add(new SqlStatement("SELECT 1", 0));

        assertThat(StatementBatch.end(postgres, statements, 0)).isZero();
        assertThat(StatementBatch.end(postgres, statements, 1)).isEqualTo(1 + StatementBatch.MAX_STATEMENTS);
        assertThat(StatementBatch.end(postgres, statements, 1 + StatementBatch.MAX_STATEMENTS))
                .isEqualTo(statements.size() - 1);
    }
}
