package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which MySQL/MariaDB dump text only an earlier release wrote: a function's integer result with its display width. */
class EarlierMysqlTextTest {

    @Test
    void aFunctionsIntegerResultWithItsDisplayWidthIsAnEarlierOne() {
        assertThat(of("CREATE TABLE `a` (\n  `x` int DEFAULT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n"
                + "CREATE FUNCTION `cnt`() RETURNS int(11)\nRETURN (SELECT COUNT(*) FROM a);\n"))
                .hasValueSatisfying(words -> assertThat(words).startsWith("a function's integer result with its display width"));
        assertThat(of("CREATE FUNCTION `big`(p INT(5)) RETURNS bigint(20) unsigned\n    DETERMINISTIC\nRETURN p;\n")).isPresent();
        assertThat(of("CREATE AGGREGATE FUNCTION `agg`(x INT) RETURNS int(11)\nBEGIN\nRETURN 1;\nEND;\n")).isPresent();
    }

    @Test
    void widthsTheDumpKeepsOrThatAreNoResultsAreNot() {
        assertThat(of("""
                CREATE TABLE `a` (
                  `x` int(8) unsigned zerofill DEFAULT NULL,
                  `flag` tinyint(1) DEFAULT NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

                CREATE FUNCTION `cnt`(p INT(5)) RETURNS int
                RETURN (SELECT COUNT(*) FROM a) /* RETURNS int(11) */;

                CREATE FUNCTION `padded`() RETURNS int(8) unsigned zerofill
                RETURN 1;

                CREATE FUNCTION `flag`() RETURNS tinyint(1)
                RETURN 1;

                CREATE FUNCTION `label`() RETURNS varchar(5) CHARSET utf8mb4
                RETURN 'x';

                CREATE PROCEDURE `p`(IN q INT(11))
                SELECT 1;
                """)).isEmpty();
    }

    private static Optional<String> of(String text) {
        return MysqlEarlierDumps.statedIn(text.getBytes(StandardCharsets.UTF_8));
    }
}
