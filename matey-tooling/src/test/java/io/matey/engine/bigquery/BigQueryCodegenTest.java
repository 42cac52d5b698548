package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.codegen.java.JavaType;
import io.matey.codegen.model.ColumnType;
import io.matey.testing.PythonModels;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GoogleSQL types as codegen reads them from INFORMATION_SCHEMA.COLUMNS (of {@code BigQueryRestDouble}, not BigQuery,
 * for the models), and their Java and SQLAlchemy types.
 */
class BigQueryCodegenTest {

    private final BigQueryCodegen codegen = new BigQueryCodegen();

    @Test
    void typesKeepTheirParametersAndArraysTheirElements() {
        ColumnType numeric = BigQuerySchemaReader.columnType("NUMERIC(12, 2)");
        assertThat(List.of(numeric.name(), numeric.precision(), numeric.scale())).containsExactly("numeric", 12, 2);
        assertThat(BigQuerySchemaReader.columnType("STRING(40)").length()).isEqualTo(40);
        ColumnType array = BigQuerySchemaReader.columnType("ARRAY<STRUCT<a INT64, b STRING>>");
        assertThat(array.element().name()).isEqualTo("struct");
        assertThat(array.declared()).isEqualTo("ARRAY<STRUCT<a INT64, b STRING>>");
    }

    @Test
    void javaTypesAreThoseDataSetsRead() {
        assertThat(java("INT64").primitive()).isEqualTo("long");
        assertThat(java("TIMESTAMP").boxed()).isEqualTo("java.time.OffsetDateTime");
        assertThat(java("DATETIME").boxed()).isEqualTo("java.time.LocalDateTime");
        assertThat(java("BIGNUMERIC(40, 2)").boxed()).isEqualTo("java.math.BigDecimal");
        assertThat(java("ARRAY<DATE>").boxed()).isEqualTo("java.util.List<java.time.LocalDate>");
        assertThat(java("GEOGRAPHY").boxed()).isEqualTo("String");
    }

    @Test
    void sqlAlchemyModelsUseGenericTypesWhereOneHoldsTheValues(@TempDir Path dir) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "bigquery");
        ws.write(TestWorkspace.TARGET + "/config.toml", ws.read(TestWorkspace.TARGET + "/config.toml")
                + "\n[codegen]\nenabled = true\n");
        ws.migration("001_events.sql", "CREATE TABLE events (id INT64 NOT NULL, kind STRING(20), amount NUMERIC(12, 2), "
                + "at TIMESTAMP, local DATETIME, raw BYTES, body JSON, tags ARRAY<STRING>, place GEOGRAPHY, "
                + "payload STRUCT<a INT64>, ratio FLOAT64, ok BOOL, PRIMARY KEY (id) NOT ENFORCED);", "DROP TABLE events;");
        ws.apply();
        String models = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(models).contains("t_events = Table(", "Column('id', BigInteger, primary_key=True)",
                "Column('kind', String(20))", "Column('amount', Numeric(12, 2))",
                "Column('at', DateTime(timezone=True))", "Column('local', DateTime)", "Column('raw', LargeBinary)",
                "Column('body', JSON)", "Column('tags', ARRAY(String))", "Column('place', NativeType('GEOGRAPHY'))",
                "Column('payload', NativeType('STRUCT<a INT64>'))", "Column('ratio', Float(53))",
                "Column('ok', Boolean)").doesNotContain("schema_migrations");

        PythonModels.tableNames(ws.target().resolve("models.py")).ifPresent(loaded -> assertThat(loaded)
                .as("models.py loads in SQLAlchemy").contains("['events']"));
    }

    private JavaType java(String declared) {
        return codegen.javaType(BigQuerySchemaReader.columnType(declared));
    }
}
