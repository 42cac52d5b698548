package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Acceptance of the SQLAlchemy generators on SQLite, PostgreSQL and MariaDB: the rich schemas' models load in
 * Python, their metadata creates the same tables, columns, nullability and keys as the source schema (on MariaDB
 * also the same column types, defaults, collations, checks and SHOW INDEX rows) and no table for a view, whose
 * columns are the source view's, a second apply writes nothing,
 * and the live database is never read (its URL points nowhere).
 */
class SqlAlchemyModelsTest {

    /** No server listens here: a codegen that touched the live database would fail. */
    static final String NOWHERE = "postgres://nobody:secret@127.0.0.1:9/nowhere?connect_timeout=1";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void tablesModelsRoundTripThroughSqlAlchemy(String engine) throws Exception {
        RichSchemas.Schema schema = RichSchemas.of(engine);
        TestWorkspace ws = workspace(engine, "generator = \"tables\"\n");
        schema.writeTo(ws);

        SchemaApplyResult first = ws.apply();
        assertThat(first.changedFiles()).contains("models.py");
        assertThat(first.codegen()).contains("models.py");
        assertThat(first.codegenWrote()).isTrue();
        String models = ws.read("db/core/models.py");
        assertThat(models).contains("metadata = MetaData()", "PrimaryKeyConstraint('tenant', 'item')")
                .doesNotContain("schema_migrations");

        for (Python.Interpreter python : Python.all()) {
            assertRoundTrip(check(python, ws, "tables", schema), schema);
        }

        SchemaApplyResult again = ws.apply();
        assertThat(again.changed()).isFalse();
        assertThat(again.codegenWrote()).as("the shell's `Codegen: models.py (unchanged)`").isFalse();
        assertThat(ws.apply(new ReplayOptions(null, null, true, false)).changed()).isFalse();
        assertThat(ws.read("db/core/models.py")).isEqualTo(models);
    }

    @ParameterizedTest
    @EngineMatrix
    void declarativeModelsRoundTripThroughSqlAlchemy2(String engine) throws Exception {
        RichSchemas.Schema schema = RichSchemas.of(engine);
        TestWorkspace ws = workspace(engine, "generator = \"tables\"\n");
        schema.writeTo(ws);
        ws.apply();

        ws.write(TestWorkspace.TARGET + "/config.toml", config(engine, "generator = \"declarative\"\n"));
        SchemaApplyResult switched = ws.apply();
        assertThat(switched.changedFiles()).containsExactly("models.py");
        String models = ws.read("db/core/models.py");
        assertThat(models).contains("class Base(DeclarativeBase):", "Mapped[", "mapped_column(", "relationship(",
                "__table_args__ = (\n        PrimaryKeyConstraint('tenant', 'item'),\n    )");
        if (engine.equals("postgres")) {
            // an array is typed by its element, as the Java records' List<String>
            assertThat(models).contains("tags: Mapped[Optional[list[str]]] = mapped_column(ARRAY(Text)");
        }
        if (engine.equals("mysql")) {
            // MariaDB reports a length for spatial key parts that only a prefix key part may declare
            assertThat(models).contains("Index('sp_location', 'location', mysql_prefix='SPATIAL')",
                    "Index('ft_name', 'name', mysql_prefix='FULLTEXT')", "mysql_length={'name': 10}",
                    "Index('uq_samples_code_title', 'code', 'title', unique=True, mysql_length={'title': 20})");
        }

        assertRoundTrip(check(Python.sqlAlchemy2(), ws, "declarative", schema), schema);
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.read("db/core/models.py")).isEqualTo(models);
    }

    @ParameterizedTest
    @EngineMatrix
    void dataclassModelsRoundTripThroughSqlAlchemy2(String engine) throws Exception {
        RichSchemas.Schema schema = RichSchemas.of(engine);
        TestWorkspace ws = workspace(engine, "generator = \"dataclasses\"\n");
        schema.writeTo(ws);
        assertThat(ws.apply().codegen()).contains("models.py");
        assertThat(ws.read("db/core/models.py")).contains("class Base(MappedAsDataclass, DeclarativeBase, kw_only=True):",
                "Mapped[", "mapped_column(", "relationship(");
        assertRoundTrip(check(Python.sqlAlchemy2(), ws, "declarative", schema), schema);
    }

    /**
     * SQLModel classes carry each column whole ({@code Field(sa_column=Column(...))}), so their tables are the
     * Table objects the tables generator writes for the same schema; the module must compile with SQLAlchemy 2's
     * Python, and load (SQLModel's metadata round trip).
     */
    @ParameterizedTest
    @EngineMatrix
    void sqlModelClassesCarryTheReplayedColumns(String engine) throws Exception {
        RichSchemas.Schema schema = RichSchemas.of(engine);
        TestWorkspace ws = workspace(engine, "generator = \"sqlmodels\"\n");
        schema.writeTo(ws);
        ws.apply();
        String models = ws.read("db/core/models.py");
        assertThat(models).contains("from sqlmodel import ", "(SQLModel, table=True):", "__tablename__ = ",
                "= Field(sa_column=Column(", "= Field(default=None, sa_column=Column(", "= Relationship(back_populates=",
                "SQLModel.metadata").doesNotContain("schema_migrations", "mapped_column");
        Python.Interpreter python = Python.sqlAlchemy2();
        python.run(List.of("-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                ws.target().resolve("models.py").toString()));
        assertThat(python.run(List.of("-c", "import importlib.util; print(importlib.util.find_spec('sqlmodel') is not None)"))
                .strip()).as("SQLModel in the test Python (scripts/services.sh installs it)").isEqualTo("True");
        assertRoundTrip(check(python, ws, "sqlmodel", schema), schema);
    }

    private static JsonNode check(Python.Interpreter python, TestWorkspace ws, String kind, RichSchemas.Schema schema)
            throws Exception {
        return ModelCheck.run(python, ws.target().resolve("models.py"), kind, ws.engine(), ws.read("db/core/schema.sql"),
                schema.prelude());
    }

    private static void assertRoundTrip(JsonNode result, RichSchemas.Schema schema) {
        List<String> expected = new ArrayList<>();
        result.get("source_tables").forEach(t -> expected.add(t.asText()));
        expected.removeAll(schema.omitted());
        List<String> generated = new ArrayList<>();
        result.get("tables").forEach(t -> generated.add(t.asText()));
        assertThat(generated).as("tables and views in the models (SQLAlchemy %s)", result.get("sqlalchemy").asText())
                .isEqualTo(expected);
        result.get("source").fieldNames().forEachRemaining(table -> assertThat(result.get("generated").get(table))
                .as("%s created from the models vs the source schema (SQLAlchemy %s)", table,
                        result.get("sqlalchemy").asText()).isEqualTo(result.get("source").get(table)));
        assertThat(result.get("generated").size()).isEqualTo(result.get("source").size());

        List<String> views = new ArrayList<>();
        result.get("generated_views").fieldNames().forEachRemaining(views::add);
        assertThat(views).as("the rich schemas' views").isNotEmpty();
        assertThat(result.get("generated_views")).as("view columns").isEqualTo(result.get("source_views"));
        List<String> created = new ArrayList<>();
        result.get("created").forEach(t -> created.add(t.asText()));
        generated.removeAll(views);
        assertThat(created).as("create_all() creates the tables, no view").isEqualTo(generated);
    }

    private TestWorkspace workspace(String engine, String codegen) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.env().put("DB_CORE_DATABASE_URL", NOWHERE);
        ws.write(TestWorkspace.TARGET + "/config.toml", config(engine, codegen));
        return ws;
    }

    static String config(String engine, String codegen) {
        return "engine = \"" + engine + "\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[codegen]\nenabled = true\n" + codegen;
    }
}
