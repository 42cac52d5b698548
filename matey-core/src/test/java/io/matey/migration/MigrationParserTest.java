package io.matey.migration;

import io.matey.engine.Engines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationParserTest {

    @Test
    void splitsSectionsAndKeepsFileLineNumbers() {
        MigrationScript script = MigrationParser.parse("migrations/001_a.sql",
                "-- migrate:up\nCREATE TABLE a (id int);\n\n  -- MIGRATE:DOWN transaction:false\nDROP TABLE a;\n");
        assertThat(script.problems()).isEmpty();
        assertThat(script.up().statements(Engines.byId("sqlite").dialect())).containsExactly(new SqlStatement("CREATE TABLE a (id int)", 2));
        assertThat(script.up().transaction()).isTrue();
        assertThat(script.down().transaction()).isFalse();
        assertThat(script.down().statements(Engines.byId("sqlite").dialect())).containsExactly(new SqlStatement("DROP TABLE a", 5));
    }

    @Test
    void missingDownIsAbsentAndCommentOnlyDownIsNotExecutable() {
        assertThat(MigrationParser.parse("m.sql", "-- migrate:up\nSELECT 1;\n").down().isPresent()).isFalse();
        Section down = MigrationParser.parse("m.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n-- irreversible\n").down();
        assertThat(down.isPresent()).isTrue();
        assertThat(down.isExecutable(Engines.byId("sqlite").dialect())).isFalse();
    }

    @Test
    void downBeforeUpIsAProblemNamingTheLine() {
        MigrationScript script = MigrationParser.parse("migrations/002_b.sql",
                "-- migrate:down\nDROP TABLE b;\n-- migrate:up\nCREATE TABLE b (x int);\n");
        assertThatThrownBy(script::requireValid).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/002_b.sql:1:")
                .hasMessageContaining("down marker appears before an up marker");
    }

    @Test
    void duplicateMarkersAreProblems() {
        MigrationScript script = MigrationParser.parse("m.sql",
                "-- migrate:up\nSELECT 1;\n-- migrate:up\n-- migrate:down\n-- migrate:down\n");
        assertThat(script.problems()).extracting(MigrationScript.Problem::line).containsExactly(3, 5);
    }

    @Test
    void undecodableFileIsAUserError() {
        byte[] bytes = {'-', '-', ' ', (byte) 0xff, '\n'};
        assertThatThrownBy(() -> MigrationParser.parse("migrations/bad.sql", bytes))
                .hasMessage("Unable to decode migration 'migrations/bad.sql' as UTF-8: line 1 has an invalid byte "
                        + "(0xFF at byte offset 3 of the file). Save the file as UTF-8.");
        byte[] afterLetters = {'-', '-', ' ', (byte) 0xc3, (byte) 0xa9, '\n', (byte) 0xc3};
        assertThatThrownBy(() -> MigrationParser.parse("migrations/bad.sql", afterLetters))
                .hasMessageContaining("line 2 has an invalid byte (0xC3 at byte offset 6 of the file)");
        assertThat(MigrationParser.parse("m.sql", "\uFEFF-- migrate:up\nSELECT 1;".getBytes(StandardCharsets.UTF_8))
                .up().markerLine()).isEqualTo(1);
    }

    @Test
    void undecodableFileNamesTheLineAndOffsetOfTheFirstBadByte() {
        byte[] ok = "-- migrate:up\nSELECT 'é';\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(ok, ok.length + 2);
        bytes[ok.length] = (byte) 0xC3; // a truncated two-byte sequence ends the file
        bytes[ok.length + 1] = '\n';
        assertThatThrownBy(() -> MigrationParser.decode("m.sql", bytes))
                .hasMessageContaining("line 3 has an invalid byte (0xC3 at byte offset " + ok.length + " of the file)");
    }

    @Test
    void aNulByteIsAProblemNamingLineAndColumn() {
        MigrationScript script = MigrationParser.parse("migrations/003_b.sql",
                "-- migrate:up\nCREATE TABLE b(id int);\u0000\n-- migrate:down\nDROP TABLE b;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(script.problems()).extracting(MigrationScript.Problem::kind).containsExactly(MigrationScript.Kind.NUL_BYTE);
        assertThatThrownBy(script::requireValid).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("migrations/003_b.sql:2:24: a NUL byte")
                .hasMessageContaining("Delete the NUL byte");
    }

    @Test
    void sectionsAreTheFilesTextAsItIsWithCrlfMarkersRecognised() {
        MigrationScript script = MigrationParser.parse("m.sql", "-- migrate:up\r\nA;\r\nB;\r\n-- migrate:down\r\nC;\r\n");
        assertThat(script.up().sql()).isEqualTo("A;\r\nB;\r\n");
        assertThat(script.up().firstLine()).isEqualTo(2);
        assertThat(script.down().sql()).isEqualTo("C;\r\n\n");
        assertThat(script.down().markerLine()).isEqualTo(4);
        assertThat(MigrationParser.parse("m.sql", "SELECT 1;").up().sql()).isEqualTo("SELECT 1;\n");
        assertThat(MigrationParser.parse("m.sql", "-- migrate:up").up().sql()).isEmpty();
    }

    @Test
    void crlfStatementsAreSplitWithTheirLinesAndSentWithTheirCarriageReturns() {
        MigrationScript script = MigrationParser.parse("m.sql", ("-- migrate:up transaction:false\r\n"
                + "CREATE TABLE u (id int);\r\n-- a note\r\nCOMMENT ON TABLE u IS 'line1\r\nline2';\r\n\r\n"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\r\nSELECT 1;\r\n$$;\r\n"
                + "-- migrate:down\r\nDROP TABLE u;\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(script.problems()).isEmpty();
        assertThat(script.up().transaction()).isFalse();
        for (String engine : List.of("postgres", "mysql", "sqlite")) {
            List<SqlStatement> statements = script.up().statements(Engines.byId(engine).dialect());
            assertThat(statements.subList(0, 3)).as(engine).extracting(SqlStatement::line).containsExactly(2, 4, 7);
            assertThat(statements.get(1).sql()).as(engine).endsWith("COMMENT ON TABLE u IS 'line1\r\nline2'");
            assertThat(statements.get(1).lineAt(statements.get(1).sql().indexOf("line2"))).as(engine).isEqualTo(5);
        }
        assertThat(script.up().statements(Engines.byId("postgres").dialect()).get(2).sql())
                .isEqualTo("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\r\nSELECT 1;\r\n$$");
        assertThat(script.down().statements(Engines.byId("postgres").dialect())).extracting(SqlStatement::sql)
                .containsExactly("DROP TABLE u");
    }
}
