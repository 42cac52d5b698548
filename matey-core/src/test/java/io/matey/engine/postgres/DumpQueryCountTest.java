package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dump reads each object kind with one query, so its cost does not grow by round trips per table. */
class DumpQueryCountTest {

    @Test
    void statementCountDoesNotGrowWithTheSchema() throws SQLException {
        assertThat(statementsToDump(60)).isEqualTo(statementsToDump(1));
    }

    private static int statementsToDump(int tables) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id integer PRIMARY KEY, note text CHECK (note <> ''));\n")
                    .append("CREATE INDEX t").append(i).append("_note ON t").append(i).append(" (note);\n")
                    .append("CREATE VIEW v").append(i).append(" AS SELECT * FROM t").append(i).append(";\n")
                    .append("COMMENT ON TABLE t").append(i).append(" IS 'table';\n");
        }
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute(sql.toString());
            try (Connection c = db.connect()) {
                AtomicInteger statements = new AtomicInteger();
                db.engine().dumpSchema(counting(c, statements));
                return statements.get();
            }
        }
    }

    /** The real connection, counting the statements created on it. */
    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement") || method.getName().equals("prepareStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
