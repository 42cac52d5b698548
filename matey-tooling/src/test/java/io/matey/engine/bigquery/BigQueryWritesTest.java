package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.matey.data.ColumnType;
import io.matey.data.TableChanges;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BigQueryWritesTest {

    private static final ColumnType STRING = BigQueryColumnTypes.of("STRING");
    private static final ColumnType INT64 = BigQueryColumnTypes.of("INT64");
    private static final ColumnType BOOL = BigQueryColumnTypes.of("BOOL");
    private static final TableChanges.Columns KEY = new TableChanges.Columns(List.of("`re\\`gion`", "`id`"),
            List.of(STRING, INT64));
    private final BigQueryDataDialect dialect = new BigQueryDataDialect();

    @Test
    void newRowsBecomeMultiRowInsertsWithinTheParameterLimitOneShapeAtATime() throws Exception {
        TableChanges changes = new TableChanges("`t`", null);
        TableChanges.Columns three = new TableChanges.Columns(List.of("`a`", "`b`", "`c`"), List.of(INT64, STRING, BOOL));
        TableChanges.Columns one = new TableChanges.Columns(List.of("`a`"), List.of(INT64));
        for (long i = 0; i < 4000; i++) {
            changes.add(new TableChanges.Insert(three, new Object[] {i, "x", true}, 0));
            if (i % 1000 == 0) {
                changes.add(new TableChanges.Insert(one, new Object[] {i}, 0));
            }
        }
        List<BigQueryWrites.Statement> statements = BigQueryWrites.of(dialect, changes, true);
        assertThat(statements).extracting(s -> s.parameters().size()).as("rows of one shape share statements wherever "
                + "they are").containsExactly(9999, 2001, 4);
        assertThat(statements.get(1).sql()).isEqualTo("INSERT INTO `t` (`a`, `b`, `c`) VALUES "
                + String.join(", ", Collections.nCopies(667, "(?, ?, ?)")));
        assertThat(statements.get(2).sql()).isEqualTo("INSERT INTO `t` (`a`) VALUES (?), (?), (?), (?)");
        assertThat(statements.get(0).parameters().get(3).getValue()).as("rows stay in order").isEqualTo("1");
    }

    @Test
    void deletedKeysBecomeOneStructInUnnestPerChunkBeforeAnythingElse() throws Exception {
        TableChanges changes = new TableChanges("`t`", KEY);
        changes.add(new TableChanges.Insert(KEY, new Object[] {"us", 1L}, 0));
        for (long i = 0; i < 2500; i++) {
            changes.add(new TableChanges.Delete(new Object[] {"eu", i}, 1));
        }
        List<BigQueryWrites.Statement> statements = BigQueryWrites.of(dialect, changes, false);
        assertThat(statements).extracting(BigQueryWrites.Statement::sql).containsExactly(
                "DELETE FROM `t` WHERE STRUCT(`re\\`gion`, `id`) IN UNNEST(?)",
                "DELETE FROM `t` WHERE STRUCT(`re\\`gion`, `id`) IN UNNEST(?)",
                "DELETE FROM `t` WHERE STRUCT(`re\\`gion`, `id`) IN UNNEST(?)",
                "INSERT INTO `t` (`re\\`gion`, `id`) VALUES (?, ?)");
        QueryParameterValue keys = statements.get(2).parameters().get(0);
        assertThat(keys.getArrayType()).isEqualTo(StandardSQLTypeName.STRUCT);
        assertThat(keys.getArrayValues()).hasSize(500);
        assertThat(keys.getArrayValues().get(0).getStructValues().get("f1").getValue()).as("keys stay in order")
                .isEqualTo("2000");
    }

    @Test
    void changedRowsBecomeOneMergePerChunkOnBigQueryAndOneUpdateEachOnTheEmulator() throws Exception {
        TableChanges changes = new TableChanges("`t`", KEY);
        TableChanges.Columns set = new TableChanges.Columns(List.of("`label`", "`n`"), List.of(STRING, INT64));
        for (long i = 0; i < 1001; i++) {
            changes.add(new TableChanges.Update(set, new Object[] {"x", null}, new Object[] {"eu", i}, 1, 0));
        }
        List<BigQueryWrites.Statement> merges = BigQueryWrites.of(dialect, changes, true);
        assertThat(merges).extracting(BigQueryWrites.Statement::sql).containsOnly("MERGE `t` AS T USING UNNEST(?) AS S "
                + "ON T.`re\\`gion` = S.f2 AND T.`id` = S.f3 WHEN MATCHED THEN UPDATE SET `label` = S.f0, `n` = S.f1")
                .hasSize(2);
        assertThat(merges.get(0).parameters().get(0).getArrayValues().get(0).getStructTypes().get("f1").getType())
                .as("a NULL keeps its type").isEqualTo(StandardSQLTypeName.INT64);

        List<BigQueryWrites.Statement> updates = BigQueryWrites.of(dialect, changes, false);
        assertThat(updates).hasSize(1001).extracting(BigQueryWrites.Statement::sql)
                .containsOnly("UPDATE `t` SET `label` = ?, `n` = ? WHERE `re\\`gion` = ? AND `id` = ?");
        assertThat(updates.get(7).parameters()).extracting(QueryParameterValue::getValue)
                .containsExactly("x", null, "eu", "7");
    }
}
