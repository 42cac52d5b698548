package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollationOnlyDiffTest {

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
        assertThat(CollationOnlyDiff.matches(diff(live, expected))).isTrue();
    }

    @Test
    void anyOtherChangeIsDriftToKeep() {
        String live = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `a` int\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";
        String expected = "CREATE TABLE `t` (\n  `id` int NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                + "COLLATE=utf8mb4_general_ci;\n";
        assertThat(CollationOnlyDiff.matches(diff(live, expected))).isFalse();
        assertThat(CollationOnlyDiff.matches("")).isFalse();
        assertThat(CollationOnlyDiff.matches(diff("CREATE TABLE t (a text COLLATE \"C\");\n",
                "CREATE TABLE t (a text);\n"))).isFalse();
    }
}
