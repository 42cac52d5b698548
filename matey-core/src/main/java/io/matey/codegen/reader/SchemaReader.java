package io.matey.codegen.reader;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.codegen.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads the tables and views of the connected database into a {@link SchemaModel}, one implementation per engine. */
public interface SchemaReader {

    SchemaModel read(Connection connection) throws SQLException;

    static SchemaReader forEngine(String engine) {
        return switch (engine) {
            case "sqlite" -> new SqliteSchemaReader();
            case "postgres" -> new PostgresSchemaReader();
            case "mysql" -> new MysqlSchemaReader();
            default -> throw new MateyException(Reason.UNSUPPORTED, "Codegen does not support the " + engine + " engine yet.");
        };
    }
}
