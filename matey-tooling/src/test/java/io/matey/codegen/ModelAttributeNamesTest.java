package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Columns whose names are no plain Python attribute (a leading digit or underscore, a keyword, a name the base
 * class owns) and a foreign key column with a leading underscore: every generator's module loads, its
 * {@code create_all()} makes the source's columns, and a row given through the attributes is stored under the
 * real column names. SQLModel refuses leading underscores and its own members' names, so there the attributes
 * are {@code col_}-prefixed or get a {@code _}, never taking a name another column already has.
 */
class ModelAttributeNamesTest {

    private static final String SCHEMA = """
            CREATE TABLE accounts (id INTEGER PRIMARY KEY, "2fa_enabled" INTEGER NOT NULL DEFAULT 0, _legacy_id INTEGER,
              col_legacy_id TEXT, json TEXT, class TEXT, metadata TEXT);
            CREATE TABLE sessions (id INTEGER PRIMARY KEY, _owner_id INTEGER REFERENCES accounts (id));""";

    /** Loads the models, creates their tables, stores one account through its attributes; prints what it saw. */
    private static final String STORE = """
            import importlib.util, json, sys
            import sqlalchemy as sa
            from sqlalchemy.orm import Session
            spec = importlib.util.spec_from_file_location('generated_models', sys.argv[1])
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            engine = sa.create_engine(sys.argv[2])
            cls = getattr(module, 'Accounts', None)
            metadata = cls.metadata if cls is not None else module.metadata
            metadata.create_all(engine)
            values = {'id': 1, '2fa_enabled': 1, '_legacy_id': 2, 'col_legacy_id': 'c', 'json': 'j', 'class': 'k', 'metadata': 'm'}
            if cls is None:
                attributes = {}
                with engine.begin() as c:
                    c.execute(metadata.tables['accounts'].insert().values(values))
            else:
                mapper = sa.inspect(cls)
                attributes = {mapper.get_property_by_column(c).key: c.name for c in mapper.columns}
                with Session(engine) as session:
                    # a dataclass takes no database-assigned key in its constructor
                    account = cls(**{a: values[c] for a, c in attributes.items() if c != 'id'})
                    account.id = 1
                    session.add(account)
                    session.commit()
                attributes['relationships'] = sorted(r.key for r in sa.inspect(module.Sessions).relationships)
            with engine.connect() as c:
                row = dict(c.execute(sa.text('SELECT * FROM accounts')).mappings().one())
            print(json.dumps({'attributes': attributes, 'row': row}, sort_keys=True))
            engine.dispose()
            """;

    @TempDir
    Path dir;

    @Test
    void sqlModelFieldsHaveNoLeadingUnderscoreNorSqlModelMemberNames() throws Exception {
        JsonNode result = store("sqlmodels");
        assertThat(result.get("attributes").toString()).isEqualTo("{\"class_\":\"class\",\"col_2fa_enabled\":\"2fa_enabled\","
                + "\"col_legacy_id\":\"col_legacy_id\",\"col_legacy_id_\":\"_legacy_id\",\"id\":\"id\",\"json_\":\"json\","
                + "\"metadata_\":\"metadata\",\"relationships\":[\"col_owner\"]}");
        assertStored(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"declarative", "dataclasses", "tables"})
    void otherGeneratorsKeepTheirAttributeNames(String generator) throws Exception {
        JsonNode result = store(generator);
        if (!generator.equals("tables")) {
            assertThat(result.get("attributes").toString()).isEqualTo("{\"_2fa_enabled\":\"2fa_enabled\",\"_legacy_id\":\"_legacy_id\","
                    + "\"class_\":\"class\",\"col_legacy_id\":\"col_legacy_id\",\"id\":\"id\",\"json\":\"json\","
                    + "\"metadata_\":\"metadata\",\"relationships\":[\"_owner\"]}");
        }
        assertStored(result);
    }

    /**
     * Names Python does not keep as written in a class body: {@code __secret} is mangled to
     * {@code _Things__secret}, {@code __tablename__} is the class's own, and identifiers are NFKC-normalised, so
     * {@code ﬁle} (a ligature) is {@code file} and {@code ｎａｍｅ} (full-width) is {@code name}; and a Devanagari
     * {@code नाम}, whose vowel sign is a combining mark, is an identifier as it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"declarative", "dataclasses", "sqlmodels"})
    void namesPythonManglesOrNormalisesGetAttributesOfTheirOwn(String generator) throws Exception {
        assertThat(storedThing(generator, """
                CREATE TABLE things (id INTEGER PRIMARY KEY, "__secret" TEXT, "__tablename__" TEXT, "file" TEXT,
                  "ﬁle" TEXT, "ｎａｍｅ" TEXT, "नाम" TEXT);""")).containsExactlyInAnyOrder("id=id",
                "col__secret=__secret", "col__tablename__=__tablename__", "file=file", "file_=ﬁle", "name=ｎａｍｅ",
                "नाम=नाम");
    }

    /** pydantic warns of a field in its {@code model_} namespace (2.10 on: {@code model_dump*}, {@code model_validate*}). */
    @Test
    void sqlModelFieldsStayOutOfPydanticsModelNamespace() throws Exception {
        assertThat(storedThing("sqlmodels", """
                CREATE TABLE things (id INTEGER PRIMARY KEY, model_number TEXT, model_dump_at TEXT, model_fields TEXT);"""))
                .containsExactlyInAnyOrder("id=id", "col_model_number=model_number",
                        "col_model_dump_at=model_dump_at", "col_model_fields=model_fields");
    }

    /**
     * Generates {@code generator}'s module for {@code schema}'s {@code things} table, loads it with warnings as
     * errors and stores a row giving each column its own name through its attribute; the attributes, as
     * {@code attribute=column}, once the row read back holds every value in its column.
     */
    private List<String> storedThing(String generator, String schema) throws Exception {
        TestWorkspace ws = workspace("generator = \"" + generator + "\"\n", "001_things.sql", schema,
                "DROP TABLE things;");
        String out = Python.sqlAlchemy2().run(List.of("-W", "error", "-c", """
                import importlib.util, json, sys
                import sqlalchemy as sa
                from sqlalchemy.orm import Session
                spec = importlib.util.spec_from_file_location('generated_models', sys.argv[1])
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                mapper = sa.inspect(module.Things)
                attributes = {mapper.get_property_by_column(c).key: c.name for c in mapper.columns}
                engine = sa.create_engine('sqlite://')
                module.Things.metadata.create_all(engine)
                with Session(engine) as session:
                    session.add(module.Things(**{a: c for a, c in attributes.items() if c != 'id'}))
                    session.commit()
                with engine.connect() as c:
                    row = dict(c.execute(sa.text('SELECT * FROM things')).mappings().one())
                print(json.dumps({'attributes': attributes, 'row': row}, ensure_ascii=False))
                """, ws.target().resolve("models.py").toString()));
        JsonNode result = new ObjectMapper().readTree(out);
        List<String> attributes = result.get("attributes").properties().stream()
                .map(e -> e.getKey() + "=" + e.getValue().asText()).toList();
        assertThat(result.get("row").properties()).hasSameSizeAs(attributes)
                .allSatisfy(e -> assertThat(e.getKey().equals("id") || e.getValue().asText().equals(e.getKey())).isTrue());
        return attributes;
    }

    @Test
    void javaRecordsOfTheSameColumnsCompile() throws Exception {
        TestWorkspace ws = workspace("generator = \"java-records\"\npackage = \"com.example.db\"\noutput = \"generated\"\n");
        assertThat(ws.read("db/core/generated/com/example/db/Accounts.java")).contains("_2faEnabled", "legacyId");
        JavaRecordsTest.compile(ws.target().resolve("generated"));
    }

    private static void assertStored(JsonNode result) {
        assertThat(result.get("row").toString()).isEqualTo("{\"2fa_enabled\":1,\"_legacy_id\":2,\"class\":\"k\","
                + "\"col_legacy_id\":\"c\",\"id\":1,\"json\":\"j\",\"metadata\":\"m\"}");
    }

    private JsonNode store(String generator) throws Exception {
        TestWorkspace ws = workspace("generator = \"" + generator + "\"\n");
        Python.Interpreter python = Python.sqlAlchemy2();
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            String out = python.run(List.of("-W", "error", "-c", STORE, ws.target().resolve("models.py").toString(),
                    Python.sqlalchemyUrl(db.url())));
            return new ObjectMapper().readTree(out);
        }
    }

    private TestWorkspace workspace(String codegen) {
        return workspace(codegen, "001_accounts.sql", SCHEMA, "DROP TABLE sessions; DROP TABLE accounts;");
    }

    private TestWorkspace workspace(String codegen, String migration, String up, String down) {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        ws.env().put("DB_CORE_DATABASE_URL", SqlAlchemyModelsTest.NOWHERE);
        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config("sqlite", codegen));
        ws.migration(migration, up, down);
        ws.apply();
        return ws;
    }
}
