package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The {@code bigquery-emulator} engine through the official client against {@code BigQueryRestDouble} (not the
 * emulator), reached through the URL's own host, as the default client factory builds it.
 */
class BigQueryEmulatorOnDoubleTest extends OnDoubleScenarios {

    BigQueryEmulatorOnDoubleTest() {
        super(true);
    }

    @Test
    void viewsAndRoutinesAreRefusedNotLeftOut() throws Exception {
        Connection views = engine().connect(scratch("view"));
        engine().load(views, "CREATE TABLE t (id INT64);\nCREATE VIEW v AS SELECT id FROM t;");
        assertThatThrownBy(() -> engine().dumpSchema(views)).isInstanceOf(MateyException.class)
                .hasMessageContaining("bigquery-emulator cannot dump view 'v'");

        Connection routines = engine().connect(scratch("routine"));
        engine().load(routines, "CREATE FUNCTION f(x INT64) RETURNS INT64 AS (x);");
        assertThatThrownBy(() -> engine().dumpSchema(routines)).isInstanceOf(MateyException.class)
                .hasMessageContaining("bigquery-emulator cannot dump routine 'f'");
    }
}
