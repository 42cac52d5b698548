package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedBatchTest {

    @Test
    void deletesByKeyBecomeOneStructInUnnestPerChunk() {
        KeyedBatch delete = KeyedBatch.of("DELETE FROM `t` WHERE `re\\`gion` = ? AND `id` = ?", false).orElseThrow();
        List<List<QueryParameterValue>> rows = new ArrayList<>();
        for (long i = 0; i < 2500; i++) {
            rows.add(List.of(QueryParameterValue.string("eu"), QueryParameterValue.int64(i)));
        }
        List<MultiRowInsert.Statement> statements = delete.statements(rows);
        assertThat(statements).extracting(MultiRowInsert.Statement::sql).containsOnly(
                "DELETE FROM `t` WHERE STRUCT(`re\\`gion`, `id`) IN UNNEST(?)").hasSize(3);
        QueryParameterValue keys = statements.get(2).parameters().get(0);
        assertThat(keys.getArrayType()).isEqualTo(StandardSQLTypeName.STRUCT);
        assertThat(keys.getArrayValues()).hasSize(500);
        assertThat(keys.getArrayValues().get(0).getStructValues().get("f1").getValue()).as("rows stay in order")
                .isEqualTo("2000");
    }

    @Test
    void updatesByKeyBecomeOneMergePerChunkOnBigQueryOnly() {
        String update = "UPDATE `t` SET `label` = ?, `n` = ? WHERE `region` = ? AND `id` = ?";
        assertThat(KeyedBatch.of(update, false)).as("the emulator updates row by row").isEmpty();
        KeyedBatch merge = KeyedBatch.of(update, true).orElseThrow();
        List<MultiRowInsert.Statement> statements = merge.statements(List.of(List.of(QueryParameterValue.string("x"),
                QueryParameterValue.of(null, StandardSQLTypeName.INT64), QueryParameterValue.string("eu"),
                QueryParameterValue.int64(1L))));
        assertThat(statements).singleElement().extracting(MultiRowInsert.Statement::sql).isEqualTo("MERGE `t` AS T "
                + "USING UNNEST(?) AS S ON T.`region` = S.f2 AND T.`id` = S.f3 WHEN MATCHED THEN UPDATE SET "
                + "`label` = S.f0, `n` = S.f1");
        assertThat(statements.get(0).parameters().get(0).getArrayValues().get(0).getStructTypes().get("f1").getType())
                .as("a NULL keeps its type").isEqualTo(StandardSQLTypeName.INT64);
    }

    @Test
    void otherStatementsAreNotCombined() {
        assertThat(KeyedBatch.of("DELETE FROM `t` WHERE `a` IS NULL OR `b` IS NULL", true)).isEmpty();
        assertThat(KeyedBatch.of("DELETE FROM `t` WHERE TRUE", true)).isEmpty();
        assertThat(KeyedBatch.of("UPDATE `t` SET `a` = `a` + 1 WHERE `b` = ?", true)).isEmpty();
        assertThat(KeyedBatch.of("INSERT INTO `t` (`a`) VALUES (?)", true)).isEmpty();
    }
}
