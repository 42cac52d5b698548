package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Generated dataclasses and SQLModel classes are built from the values the application must give alone: a key
 * the database assigns (identity, serial, auto-increment, SQLite rowid), a nullable column, one with a default and
 * a generated column need none, while a composite key's columns and a foreign key are required. Each row is saved
 * through a session in the engine's real database and read back with what the database filled in. A SQLModel
 * class also validates from those values alone (its pydantic fields mark the others optional).
 */
class ConstructibleModelsTest {

    /** users (database-assigned key, nullable, defaults incl. JSON), orders (FK, generated), order_lines (composite key). */
    private static final String STEPS = """
            [{"class": "Users", "values": {"email": "a@b"}},
             {"class": "Orders", "values": {"quantity": 2}, "refs": {"user_id": [0, "id"]}},
             {"class": "OrderLines", "values": {"line": 1}, "refs": {"order_id": [1, "id"]}}]""";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void dataclassesNeedOnlyTheValuesTheDatabaseCannotFillIn(String engine) throws Exception {
        JsonNode result = construct(engine, "dataclasses", "dataclasses");
        assertThat(result.get("missing_rejected").asBoolean()).as("a required field is still required").isTrue();
        assertRows(result);
    }

    @ParameterizedTest
    @EngineMatrix
    void sqlModelClassesNeedOnlyTheValuesTheDatabaseCannotFillIn(String engine) throws Exception {
        JsonNode result = construct(engine, "sqlmodels", "sqlmodel");
        assertThat(result.get("validates").toString()).as("validation of the required values alone").isEqualTo("true");
        assertRows(result);
    }

    private static void assertRows(JsonNode result) {
        assertThat(result.get("required").toString()).isEqualTo(
                "{\"OrderLines\":[\"line\",\"order_id\"],\"Orders\":[\"quantity\",\"user_id\"],\"Users\":[\"email\"]}");
        JsonNode user = result.get("rows").get(0);
        assertThat(user.get("id").asInt()).as("key assigned by the database").isPositive();
        assertThat(user.get("name").isNull()).isTrue();
        assertThat(user.get("status").asText()).as("column default").isEqualTo("new");
        // JSON's default, not the JSON value null (MariaDB's JSON is text, read back as the string)
        assertThat(user.get("settings").toString()).isIn("{}", "\"{}\"");
        assertThat(user.get("orders").asInt()).isEqualTo(1);
        JsonNode order = result.get("rows").get(1);
        assertThat(order.get("id").asInt()).isPositive();
        assertThat(order.get("user_id").asInt()).isEqualTo(user.get("id").asInt());
        assertThat(order.get("doubled").asInt()).as("generated column").isEqualTo(4);
        assertThat(order.get("note").isNull()).isTrue();
        assertThat(order.get("user").toString()).isEqualTo("[" + user.get("id").asInt() + "]");
        JsonNode line = result.get("rows").get(2);
        assertThat(line.get("order_id").asInt()).isEqualTo(order.get("id").asInt());
        assertThat(line.get("qty").asInt()).isEqualTo(1);
    }

    private JsonNode construct(String engine, String generator, String kind) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.env().put("DB_CORE_DATABASE_URL", SqlAlchemyModelsTest.NOWHERE);
        ws.write(TestWorkspace.TARGET + "/config.toml",
                SqlAlchemyModelsTest.config(engine, "generator = \"" + generator + "\"\n"));
        ws.migration("001_tables.sql", schema(engine), "DROP TABLE order_lines; DROP TABLE orders; DROP TABLE users;");
        ws.apply();
        Python.Interpreter python = Python.sqlAlchemy2();
        python.requireDriver(engine);
        try (TestDatabase db = TestDatabase.create(engine)) {
            db.execute(ws.read("db/core/schema.sql"));
            String out = python.run(List.of(ModelCheck.script("construct_models.py").toString(), ws.target().resolve("models.py").toString(), kind,
                    Python.sqlalchemyUrl(db.url()), STEPS));
            return new ObjectMapper().readTree(out);
        }
    }

    private static String schema(String engine) {
        return switch (engine) {
            case "sqlite" -> """
                    CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT,
                      status TEXT NOT NULL DEFAULT 'new', settings JSON NOT NULL DEFAULT '{}');
                    CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id),
                      quantity INTEGER NOT NULL, note TEXT, doubled INTEGER GENERATED ALWAYS AS (quantity * 2) VIRTUAL);
                    CREATE TABLE order_lines (order_id INTEGER NOT NULL REFERENCES orders (id), line INTEGER NOT NULL,
                      qty INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (order_id, line));""";
            case "postgres" -> """
                    CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, name text,
                      status text NOT NULL DEFAULT 'new', settings jsonb NOT NULL DEFAULT '{}');
                    CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
                      quantity integer NOT NULL, note text, doubled integer GENERATED ALWAYS AS (quantity * 2) STORED);
                    CREATE TABLE order_lines (order_id integer NOT NULL REFERENCES orders (id), line integer NOT NULL,
                      qty integer NOT NULL DEFAULT 1, PRIMARY KEY (order_id, line));""";
            default -> """
                    CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL, name varchar(40),
                      status varchar(10) NOT NULL DEFAULT 'new', settings json NOT NULL DEFAULT '{}');
                    CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, user_id int NOT NULL, quantity int NOT NULL,
                      note text, doubled int AS (quantity * 2) VIRTUAL,
                      CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
                    CREATE TABLE order_lines (order_id int NOT NULL, line int NOT NULL, qty int NOT NULL DEFAULT 1,
                      PRIMARY KEY (order_id, line), CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES orders (id));""";
        };
    }
}
