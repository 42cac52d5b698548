package io.matey.codegen;

import io.matey.codegen.java.JavaType;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import io.matey.engine.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the model generators need from an engine (docs/architecture.md §3): reading the replayed schema and the
 * engine's half of each type map. An engine supplies it through {@code EngineTooling.codegen()}; the generators
 * themselves are engine-neutral.
 */
public interface CodegenDialect {

    /**
     * Reads the tables and views of the connected scratch database, without the migrations table; column types
     * are in this engine's vocabulary (see {@link ColumnType}).
     */
    SchemaModel read(Connection connection) throws SQLException;

    /**
     * Whether a replay reads the models from a database that its schema.sql is loaded into, rather than from the
     * database the migrations built, because the engine prints what it keeps differently in the two (docs/architecture.md
     * §3): the models are then those of {@code db bootstrap}'s database whichever way the replay built its own.
     */
    default boolean readsLoadedSchema() {
        return false;
    }

    /**
     * The Java type of a column type, as the engine's JDBC driver returns values of it. A type the engine does
     * not map explicitly documents which type it gets instead.
     */
    JavaType javaType(ColumnType type);

    /** SQLAlchemy's name of the dialect, which also prefixes dialect keywords ({@code postgresql_where}). */
    String sqlAlchemyDialect();

    /**
     * The dialect keyword, after the prefix, that carries {@link io.matey.codegen.model.Index#method()}:
     * {@code using} ({@code postgresql_using}) or {@code prefix} ({@code mysql_prefix}).
     */
    String sqlAlchemyIndexMethodKeyword();

    /**
     * Whether the dialect takes a key column's options ({@link io.matey.codegen.model.Index.Part#options()}) as
     * {@code <dialect>_ops={column: options}}; elsewhere they can only be {@code DESC}, written
     * {@code column(name).desc()}.
     */
    default boolean sqlAlchemyIndexOps() {
        return false;
    }

    /** A column name quoted as the engine's DDL writes it, for a key part written out whole. */
    default String quoteIdentifier(String name) {
        return Identifiers.quoted('"', name);
    }

    /**
     * The SQLAlchemy type of a column type, built with {@code types} (which records the imports it needs); a type
     * SQLAlchemy has no class for becomes {@link SqlAlchemyTypes#nativeType(String)}.
     */
    SqlAlchemyTypes.PyType sqlAlchemyType(ColumnType type, SqlAlchemyTypes types);

    /**
     * The dialect keywords of a table's {@link io.matey.codegen.model.Table#options()} with their Python values
     * ({@code sqlite_with_rowid: False}), in the order the generators write them.
     */
    default Map<String, String> sqlAlchemyTableKeywords(Table table) {
        return Map.of();
    }

    /**
     * Whether SQLAlchemy's DDL for this dialect makes a lone integer primary key generate its values
     * ({@code AUTO_INCREMENT}, {@code SERIAL}) unless the column says {@code autoincrement=False}.
     */
    default boolean sqlAlchemyAutoincrementsIntegerKeys() {
        return false;
    }
}
