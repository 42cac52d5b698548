package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.replay.ReplayOptions;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's generated models are a fixed point as schema.sql is: an incremental replay, whose anchor is a loaded
 * checkpoint, and {@code --clean}, which runs every migration, generate the same files, although the two scratch
 * databases print some texts differently and order an inheriting table's columns differently
 * (docs/architecture.md §3, codegen dialect).
 */
class PostgresModelsFixedPointTest {

    private static final String RECORDS = "db/core/generated/com/example/db/";

    @TempDir
    Path dir;

    @Test
    void checkTextsAreTheLoadedSchemasWhateverBuiltTheScratchDatabase() {
        TestWorkspace ws = workspace("generator = \"tables\"\n");
        // PostgreSQL stores IN on a varchar as one tree; the text it prints is stored as another, printed otherwise.
        ws.migration("001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, c varchar(2) CHECK (c IN ('a','b')),\n"
                + "  d varchar(2) DEFAULT 'a'::text, e varchar(2));\n"
                + "CREATE INDEX t_e ON t (e) WHERE e IN ('x', 'y');", "DROP TABLE t;");
        ws.apply();
        String models = ws.read(TestWorkspace.TARGET + "/models.py");

        assertThat(ws.plan().match()).as("schema plan --exit-code right after apply").isTrue();
        ws.migration("002_u.sql", "CREATE TABLE u (id int PRIMARY KEY);", "DROP TABLE u;");
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/models.py")).as("an incremental replay from 001's checkpoint")
                .contains("Table(\n    'u'").contains(models.substring(models.indexOf("t = Table(")));
        String incremental = ws.read(TestWorkspace.TARGET + "/models.py");
        assertThat(ws.apply(clean()).changed()).as("--clean writes nothing").isFalse();
        assertThat(ws.read(TestWorkspace.TARGET + "/models.py")).isEqualTo(incremental);
    }

    @Test
    void anInheritingTablesColumnsAreInTheOrderALoadGivesThem() {
        TestWorkspace ws = workspace("generator = \"java-records\"\npackage = \"com.example.db\"\noutput = \"generated\"\n");
        ws.migration("001_v.sql", "CREATE TABLE v (id serial PRIMARY KEY, name text);\n"
                + "CREATE TABLE vans (seats int) INHERITS (v);", "DROP TABLE vans; DROP TABLE v;");
        ws.migration("002_attrs.sql", "ALTER TABLE v ADD COLUMN attrs text;", "ALTER TABLE v DROP COLUMN attrs;");
        ws.migration("003_u.sql", "CREATE TABLE u (id int PRIMARY KEY);", "DROP TABLE u;");
        ws.apply(clean());
        // Migrations leave vans (id, name, seats, attrs); a load of schema.sql gives the parent's columns first.
        assertThat(ws.read(RECORDS + "Vans.java"))
                .contains("public record Vans(\n        int id,\n        String name,\n        String attrs,\n        Integer seats)");
        Map<String, String> built = ws.files();

        assertThat(ws.plan().match()).as("schema plan --exit-code right after apply").isTrue();
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.files()).isEqualTo(built);
    }

    private TestWorkspace workspace(String codegen) {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.env().put("DB_CORE_DATABASE_URL", SqlAlchemyModelsTest.NOWHERE);
        ws.write(TestWorkspace.TARGET + "/config.toml", SqlAlchemyModelsTest.config("postgres", codegen));
        return ws;
    }

    private static ReplayOptions clean() {
        return new ReplayOptions(null, null, true, false);
    }
}
