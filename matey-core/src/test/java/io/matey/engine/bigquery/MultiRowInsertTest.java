package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.QueryParameterValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void aBatchOfOneRowInsertsBecomesMultiRowInsertsWithinTheParameterLimit() {
        MultiRowInsert insert = MultiRowInsert.of("INSERT INTO `t` (`a`, `b`, `c`) VALUES (?, ?, ?)").orElseThrow();
        List<List<QueryParameterValue>> rows = new ArrayList<>();
        for (long i = 0; i < 4000; i++) {
            rows.add(List.of(QueryParameterValue.int64(i), QueryParameterValue.string("x"), QueryParameterValue.bool(true)));
        }
        List<MultiRowInsert.Statement> statements = insert.statements(rows);
        assertThat(statements).extracting(s -> s.parameters().size()).containsExactly(9999, 2001);
        assertThat(statements.get(1).sql()).isEqualTo("INSERT INTO `t` (`a`, `b`, `c`) VALUES "
                + String.join(", ", Collections.nCopies(667, "(?, ?, ?)")));
        assertThat(statements.get(0).parameters().get(3).getValue()).as("rows stay in order").isEqualTo("1");
    }

    @Test
    void otherStatementsAreNotCombined() {
        assertThat(MultiRowInsert.of("UPDATE `t` SET `a` = ? WHERE `b` = ?")).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t (a) VALUES (?), (?)")).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, 1)")).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t (a) SELECT ? FROM u")).isEmpty();
    }
}
