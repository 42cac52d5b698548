package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.codegen.sqlalchemy.TablesGenerator;
import io.matey.engine.Engine;
import io.matey.engine.EngineTooling;
import io.matey.engine.EngineToolings;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Codegen takes everything engine-specific from the engine's {@link CodegenDialect}: an engine without one is an
 * error, never another engine's mappings, and index keywords come from the dialect of the schema that was read.
 */
class CodegenDialectTest {

    @Test
    void anEngineWithoutCodegenIsAClearError() {
        EngineTooling withoutCodegen = () -> "nocodegen";
        assertThatThrownBy(withoutCodegen::codegen).isInstanceOf(MateyException.class)
                .hasMessage("Codegen does not support the nocodegen engine.");
    }

    @Test
    void anEngineWithoutToolingIsAClearError() {
        assertThatThrownBy(() -> EngineToolings.of(engineWithout("notooling"))).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("The notooling engine has no command-line tooling (data sets, codegen): add its "
                        + "io.matey.engine.EngineTooling");
    }

    @Test
    void everyBundledEngineHasItsOwnCodegen() {
        assertThat(Engines.all()).allSatisfy(engine -> assertThat(EngineToolings.of(engine).codegen()).isNotNull());
        // the emulator is BigQuery to SQLAlchemy; every other engine has a dialect of its own
        assertThat(Engines.all().stream().collect(Collectors.toMap(Engine::id,
                e -> EngineToolings.of(e).codegen().sqlAlchemyDialect()))).isEqualTo(Map.of("sqlite", "sqlite", "postgres",
                        "postgresql", "mysql", "mysql", "clickhouse", "clickhouse", "bigquery", "bigquery",
                        "bigquery-emulator", "bigquery"));
    }

    /** Partial and method indexes, read from the real engine, carry that engine's SQLAlchemy keywords. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sqlite|CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX ix_body ON docs (body) WHERE id > 0"
                    + "|Index('ix_body', 'body', sqlite_where=text('id > 0'))",
            "postgres|CREATE TABLE docs (id INT PRIMARY KEY, body TEXT); CREATE INDEX ix_body ON docs USING hash (body) WHERE id > 0"
                    + "|Index('ix_body', 'body', postgresql_where=text('id > 0'), postgresql_using='hash')",
            "mysql|CREATE TABLE docs (id INT PRIMARY KEY, body TEXT, FULLTEXT INDEX ix_body (body))"
                    + "|Index('ix_body', 'body', mysql_prefix='FULLTEXT')"})
    void indexKeywordsFollowTheEngine(String engine, String ddl, String expected) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            for (String statement : ddl.split("; ")) {
                db.execute(statement);
            }
            try (Connection connection = db.connect()) {
                String models = new TablesGenerator(Set.of()).render(EngineToolings.of(db.engine()).codegen().read(connection));
                assertThat(models).contains(expected);
            }
        }
    }

    /** An engine that implements only {@link Engine#id()}, so that its defaults are what is tested. */
    private static Engine engineWithout(String id) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("id")) {
                return id;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, handler);
    }
}
