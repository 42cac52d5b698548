package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.codegen.java.JavaRecordsGenerator;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.sqlalchemy.DeclarativeGenerator;
import io.matey.engine.EngineToolings;
import io.matey.testing.TestDatabase;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite view's column of no declared type (an expression such as {@code count()}) holds whatever the expression
 * gives; the generated models read it from the real database: SQLAlchemy as {@code NullType}, as its own
 * reflection does, and a Java record as a type sqlite-jdbc's {@code getObject(column, type)} reads.
 */
class SqliteUntypedColumnsTest {

    private static final String SCHEMA = """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
            CREATE VIEW note_counts AS SELECT * FROM (SELECT body, count() AS note_count FROM notes GROUP BY body);
            INSERT INTO notes (body) VALUES ('a'), ('a'), ('b');
            """;

    /** Reads the view through the generated declarative module, and prints each row and the column's type. */
    private static final String READ_VIEW = """
            import importlib.util, json, sys
            import sqlalchemy as sa
            spec = importlib.util.spec_from_file_location("models", sys.argv[1])
            models = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(models)
            view = models.t_note_counts
            with sa.create_engine(sys.argv[2]).connect() as connection:
                rows = [list(row) for row in connection.execute(sa.select(view).order_by(view.c.body))]
            print(json.dumps({"rows": rows, "type": type(view.c.note_count.type).__name__}))
            """;

    @TempDir
    Path dir;

    @Test
    void declarativeModelsReadAnUntypedViewColumn() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            db.execute(SCHEMA);
            Path models = dir.resolve("models.py");
            Files.writeString(models, new DeclarativeGenerator(Set.of(), false).render(read(db)));
            assertThat(Files.readString(models)).contains("Column('note_count', NullType)").doesNotContain("NativeType");
            String out = Python.sqlAlchemy2().run(List.of("-c", READ_VIEW, models.toString(), Python.sqlalchemyUrl(db.url())));
            assertThat(out.strip()).isEqualTo("{\"rows\": [[\"a\", 2], [\"b\", 1]], \"type\": \"NullType\"}");
        }
    }

    @Test
    void aJavaRecordReadsAnUntypedViewColumnThroughTheDriver() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            db.execute(SCHEMA);
            Map<String, String> sources = new JavaRecordsGenerator("com.example.db", Set.of()).render(read(db));
            Path root = dir.resolve("src/com/example/db");
            Files.createDirectories(root);
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Files.writeString(root.resolve(source.getKey()), source.getValue());
            }
            assertThat(sources.get("NoteCounts.java"))
                    .contains(" * @param noteCount column <code>note_count</code> of no declared type, nullable\n");
            Path classes = JavaRecordsTest.compile(dir.resolve("src"));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()});
                    Connection connection = db.connect()) {
                Class<?> record = loader.loadClass("com.example.db.NoteCounts");
                assertThat(readAll(connection, record).stream().map(Object::toString))
                        .containsExactly("NoteCounts[body=a, noteCount=2]", "NoteCounts[body=b, noteCount=1]");
            }
        }
    }

    /** Each row of the view as the record, every component read with {@code getObject(column, its type)}. */
    private static List<Object> readAll(Connection connection, Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        List<Object> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT body, note_count FROM note_counts ORDER BY body")) {
            while (rs.next()) {
                Object[] values = new Object[components.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(i + 1, types[i]);
                }
                rows.add(record.getDeclaredConstructor(types).newInstance(values));
            }
        }
        return rows;
    }

    private static SchemaModel read(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            db.engine().migrationTable().ensure(connection);
            return EngineToolings.of(db.engine()).codegen().read(connection);
        }
    }
}
