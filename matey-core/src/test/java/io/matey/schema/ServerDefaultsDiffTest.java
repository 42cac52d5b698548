package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerDefaultsDiffTest {

    private static String diff(String live, String expected) {
        return SchemaDiff.unified(live, expected, "live/schema.sql", "expected/worktree.sql");
    }

    @Test
    void tableAndRoutineCollationsThatOnlyOneServerPrintsAreRecognised() {
        String live = "CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n"
                + "CREATE FUNCTION `f`() RETURNS varchar(20) CHARSET utf8mb4\nRETURN 'x';\n";
        String expected = "CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                + "COLLATE=utf8mb4_general_ci;\n\nCREATE FUNCTION `f`() RETURNS varchar(20) CHARSET utf8mb4 COLLATE "
                + "utf8mb4_general_ci\nRETURN 'x';\n";
        assertThat(ServerDefaultsDiff.hint(diff(live, expected), "T")).isEqualTo(ServerDefaultsDiff.collationHint("T"));
    }

    @Test
    void tablesThatTookAnotherDatabaseDefaultCharacterSetAreRecognised() {
        String live = "CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=latin1;\n";
        String expected = "CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";
        assertThat(ServerDefaultsDiff.hint(diff(live, expected), "T")).isEqualTo(ServerDefaultsDiff.charsetHint("T"))
                .contains("(T)", "ALTER DATABASE");
        String withColumn = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `a` int\n) ENGINE=InnoDB DEFAULT CHARSET=latin1;\n";
        assertThat(ServerDefaultsDiff.hint(diff(withColumn, expected), "T")).isNull();
    }

    @Test
    void anyOtherChangeIsDriftToKeep() {
        String live = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `a` int\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";
        String expected = "CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                + "COLLATE=utf8mb4_general_ci;\n";
        assertThat(ServerDefaultsDiff.hint(diff(live, expected), "T")).isNull();
        assertThat(ServerDefaultsDiff.hint("", "T")).isNull();
        assertThat(ServerDefaultsDiff.hint(diff("CREATE TABLE t (a text COLLATE \"C\");\n", "CREATE TABLE t (a text);\n"),
                "T")).isNull();
    }
}
