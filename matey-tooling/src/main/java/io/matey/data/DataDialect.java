package io.matey.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What data export and apply need to know about an engine, supplied by {@code EngineTooling.data()}
 * (docs/architecture.md §3). The engine-neutral work (reading and checking files, comparing rows, choosing what to
 * insert, update or delete) stays in this package; an implementation answers only where engines differ. The
 * defaults are standard SQL and JDBC.
 */
public interface DataDialect {

    /** Quotes an identifier. Every name from a manifest or a file is quoted, so none is ever read as SQL. */
    String quote(String identifier);

    /**
     * What the qualifier of a manifest table ({@code app.flags}) names on this engine when it is not a schema of
     * the target's database but another database, which data sets never write into ("MySQL/MariaDB database"); empty
     * where it is a schema of the target's database (PostgreSQL), so qualified tables are written.
     */
    Optional<String> qualifierOutsideTarget();

    /**
     * The table the manifest's {@code table} is in the live database, qualified by its schema where the engine
     * resolves an unqualified name itself (PostgreSQL: the first schema of the connection's search_path holding
     * it); empty when there is no such table. The default leaves the name as it is: the table is then the
     * connection's database's, which the catalog lookups of {@link LiveTable} search.
     */
    default Optional<TableName> locate(Connection connection, TableName table) throws SQLException {
        return Optional.of(table);
    }

    /**
     * What {@code table} (in {@code schema}, which may be null, as {@link #locate} found it) is when it is a relation
     * data sets cannot write, as a message names it ({@code view}, {@code materialized view}); empty for a table. A
     * data set naming one is refused at its {@code data.toml} line before any row is read (docs/architecture.md §3).
     * The default asks the JDBC driver's catalog, whose {@code TABLE_TYPE} names views so.
     */
    default Optional<String> notATable(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), schema, table, null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                // names are LIKE patterns here: keep the exact match only
                if (table.equals(rs.getString("TABLE_NAME")) && (schema == null || schema.equals(rs.getString("TABLE_SCHEM")))
                        && type != null && type.toUpperCase(Locale.ROOT).contains("VIEW")) {
                    return Optional.of(type.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Classifies a live column for data files.
     *
     * @param declared  the declared type name, without arguments, from the catalog ({@code DatabaseMetaData})
     * @param typeName  the result-set type name
     * @param precision result-set precision: decimal digits or character length
     * @param scale     result-set scale
     */
    ColumnType columnType(String declared, String typeName, int precision, int scale);

    /**
     * The type of each column of {@code table} (as {@link #locate} found it) that the result-set metadata does not
     * show, by column name: one holding only labels (an enum or set), so that a file's bad value is reported with its
     * line before anything is written, or MariaDB's JSON behind a CHECK of its own, which the metadata calls text.
     * Adds to {@code computed} the columns the database computes although the JDBC driver does not call them
     * generated (MariaDB's system-versioning {@code ROW START}/{@code ROW END} columns): never exported, never
     * written. One catalog read answers both, where the engine's catalog holds both.
     */
    default Map<String, ColumnType> catalogTypes(Connection connection, TableName table, Set<String> computed)
            throws SQLException {
        return Map.of();
    }

    /**
     * The primary key's column names of {@code table} (in {@code schema}, which may be null) in key order; empty when
     * there is none. The default asks the JDBC driver's catalog.
     */
    default List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        TreeMap<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(key.values());
    }

    /**
     * Why no data file holds a column of {@code type}, with what to do instead (ClickHouse's {@code AggregateFunction}
     * states); null where files hold it, as by default. A data set naming a table with such a column is refused before
     * any row is read.
     */
    default String noFileForm(ColumnType type) {
        return null;
    }

    /**
     * Whether {@code SELECT *} leaves out columns that data files hold (MySQL's and MariaDB's INVISIBLE columns), so
     * that {@link LiveTable} names the catalog's columns instead. The default is false: where {@code *} leaves
     * columns out otherwise (ClickHouse's ALIAS and MATERIALIZED, SQLite's hidden ones), no data file holds them.
     */
    default boolean starHidesColumns() {
        return false;
    }

    /** Reads a column's value as the Java value data files hold (see {@link ValueReader}). */
    default Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        return ValueReader.read(rs, index, type);
    }

    /**
     * A value {@link #read} gave as data export writes it: the default writes it as read, an engine may write one
     * form per column where values of a type have several (ClickHouse's timestamps at their column's precision).
     */
    default Object exported(Object value, ColumnType type) {
        return value;
    }

    /**
     * The expression data export and apply read column {@code column} (quoted, or any expression of its type) of
     * {@code type} through, so that {@link #read} gets the value in its file form where the column's own text is no
     * file form (MariaDB's geometry as WKT, PostgreSQL's locale-formatted money as a number). The default reads it as
     * it is.
     */
    default String selected(String column, ColumnType type) {
        return column;
    }

    /**
     * The expression a value of {@code type} is written through: {@code ?}, bound by {@link #bind}, or an expression
     * of it that makes the column's type from the file form ({@code ST_GeomFromText(?)}).
     */
    default String parameter(ColumnType type) {
        return "?";
    }

    /**
     * Whether the database rewrites values of {@code type} into its own form ({@code 10.0.0.1/32} in an {@code inet}
     * column reads back {@code 10.0.0.1}), so that data apply compares a file's value with the table's as the
     * database holds it: {@link #selected} of {@link #parameter}, asked of the database once per distinct value, many
     * values a query ({@link #numberedValues}).
     */
    default boolean rewritesValues(ColumnType type) {
        return false;
    }

    /**
     * Whether a file value of {@code type} ({@link #rewritesValues}) that the database would store in another form is
     * refused by line, where the other form is another value rather than another spelling of it. The default compares
     * it in the database's form.
     */
    default boolean refusesRewrites(ColumnType type) {
        return false;
    }

    /**
     * The expression {@link #rewritesValues} asks the database for a file value's form through: a value of
     * {@code type} made of one parameter, bound by {@link #bind}, as a write stores it. The default is
     * {@link #parameter}; an engine that binds a plain {@code ?} which the column converts on write (ClickHouse's JSON
     * text) names the conversion here.
     */
    default String heldValue(ColumnType type) {
        return parameter(type);
    }

    /**
     * A query of {@code count} rows of columns {@code n}, numbering them from 0, and {@code v}, each row's own
     * {@code value} (an expression of one parameter), so that {@link #rewritesValues} asks the database for many
     * values at once. The default is a UNION ALL of one-row SELECTs.
     */
    default String numberedValues(String value, int count) {
        StringBuilder sql = new StringBuilder("SELECT 0 AS n, ").append(value).append(" AS v");
        for (int i = 1; i < count; i++) {
            sql.append(" UNION ALL SELECT ").append(i).append(", ").append(value);
        }
        return sql.toString();
    }

    /** Binds a value read from a data file (or from the table) to a parameter of its column's type. */
    default void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        ValueBinder.bind(ps, index, type, value);
    }

    /**
     * The condition that key column {@code column} of the table (quoted, qualified where needed) holds the key
     * {@code value}: an SQL expression, either a parameter bound by {@link #bindKey} or the key's column in the
     * temporary table of {@link #temporaryTable}. Used wherever data apply finds a table row by key (updates,
     * deletes, {@link DatabaseKeys}); keep it a comparison an index on the column serves.
     */
    default String keyEquals(String column, String value, ColumnType type) {
        return column + " = " + value;
    }

    /** Binds key value {@code value} to the parameters of {@code keyEquals(column, "?", type)}; returns the next index. */
    default int bindKey(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        bind(ps, index, type, value);
        return index + 1;
    }

    /** Whether a timestamp column without a time zone keeps a value's UTC offset as given rather than refusing it. */
    default boolean timestampsKeepOffsets() {
        return false;
    }

    /** Whether dates and timestamps may be {@code infinity} or {@code -infinity} (PostgreSQL), written so in files. */
    default boolean timesHaveInfinities() {
        return false;
    }

    /**
     * Whether a boolean column is an integer one (MySQL's BOOLEAN is TINYINT(1)), so that a data file may also give
     * it {@code 0} or {@code 1}, as the database's own dumps do; exports still write {@code true} or {@code false}.
     * Where the column's type has an integer range ({@link ColumnType#min}), the other integers in it are numbers,
     * read and written as such (a TINYINT(1) holding 5).
     */
    default boolean booleansAreIntegers() {
        return false;
    }

    /**
     * Whether a column of {@code type} holds NULL. Engines whose constraints refuse a NULL keep the default; one that
     * would store another value instead (ClickHouse writes a non-{@code Nullable} column's default) says no, so that
     * a file's null is refused by its line before anything is written.
     */
    default boolean holdsNull(ColumnType type) {
        return true;
    }

    /**
     * A value of an {@link ValueKind#OTHER} column as the database writes it, so that it compares with the value
     * read back; refused (naming why) when the type cannot hold it. The default takes the text as it is.
     */
    default String otherValue(String text, ColumnType type) throws ValueException {
        return text;
    }

    /**
     * Checks the values a {@link ValueKind#JSON} column's type declares inside its JSON (ClickHouse's {@code Map} and
     * {@code Tuple}), each through {@code nested} as a value of a column of that type, so that a value the type
     * cannot hold is refused by its line before anything is written; returns the value as the database reads it back
     * (ClickHouse's decimals at their scale), for apply to compare. The default accepts any JSON as it is.
     */
    default JsonNode checkJson(JsonNode value, ColumnType type, NestedValues nested) throws ValueException {
        return value;
    }

    /** Checks one value nested in a JSON column's value as a value of a column of {@code type}. */
    interface NestedValues {
        void check(JsonNode value, ColumnType type) throws ValueException;
    }

    /**
     * The check of rows of a table with {@code columns} (its data columns and their types, in table order) whose
     * values it holds only together (ClickHouse's arrays of one {@code Nested}, of one length per row), or null where
     * every row's values may be held apart, as by default.
     */
    default RowCheck rowCheck(Map<String, ColumnType> columns) {
        return null;
    }

    /** Refuses a data file's row, by its line, before anything is written. */
    interface RowCheck {
        /** @param names the columns the row names, in table order; {@code values} aligned with them, decoded */
        void check(List<String> names, Object[] values) throws ValueException;
    }

    /**
     * The time zone a timestamp column without offsets holds instants in (MySQL's TIMESTAMP in the session's UTC,
     * ClickHouse's {@code DateTime('Europe/Berlin')}), whose local time a file writes; null for local times (DATETIME).
     * A file's timestamp with an offset is refused naming the time to write in that zone.
     */
    default ZoneId timestampZone(ColumnType type) {
        return null;
    }

    /**
     * A date or timestamp of a data file, refused (naming the range) when the column's type cannot hold it. The
     * default takes it: engines whose types hold every date the ISO forms write, or that refuse the rest themselves.
     */
    default Temporal time(Temporal value, ColumnType type) throws ValueException {
        return value;
    }

    /** Whether an array column stores NULL as an empty array (BigQuery), so that a data file's null means []. */
    default boolean nullArraysAreEmpty() {
        return false;
    }

    /**
     * Sets the connection's foreign key enforcement, so that a set leaving a dangling reference fails as a whole;
     * returns the previous setting. Called with auto-commit on. Engines that always enforce keep the default.
     */
    default boolean enforceForeignKeys(Connection connection, boolean on) throws SQLException {
        return true;
    }

    /**
     * Whether the database holds two key values equal only when data files hold them identically (no collations,
     * no case-insensitive types: ClickHouse, BigQuery), so that data apply matches a file's rows to the table's in
     * Java alone. Otherwise the rows whose key the table does not hold identically are matched by the database
     * itself, through a temporary table ({@link #temporaryTable}, docs/architecture.md §3).
     */
    default boolean keysEqualOnlyWhenIdentical() {
        return false;
    }

    /**
     * Creates temporary table {@code name}, visible to this connection only, from {@code select}, inside the
     * caller's transaction where the engine has one; its columns take the types and collations of what
     * {@code select} reads.
     */
    default String temporaryTable(String name, String select) {
        return "CREATE TEMPORARY TABLE " + name + " AS " + select;
    }

    /** Drops temporary table {@code name}, inside the caller's transaction where the engine has one. */
    default String dropTemporaryTable(String name) {
        return "DROP TABLE " + name;
    }

    /**
     * Sends one data file's changes to its table, inside the caller's transaction where the engine has one. The
     * default sends the one-row INSERT, UPDATE and DELETE below in JDBC batches, in the order given; an engine where
     * each statement is costly (BigQuery: a job each) writes many rows per statement instead.
     */
    default void write(Connection connection, TableChanges changes) throws SQLException {
        new JdbcChanges(connection, this, changes).write();
    }

    /**
     * Whether the driver counts the rows each UPDATE and DELETE of {@link #write}'s default changes (found rows,
     * also where the new values equal the old), so that one by key that changes other rows than data apply read
     * under the key fails the set. ClickHouse's mutations count none.
     */
    default boolean countsChangedRows() {
        return true;
    }

    /** An INSERT of one row: {@code table} and {@code columns} quoted, one {@link #parameter} per column in order. */
    default String insert(String table, TableChanges.Columns columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns.names()) + ") VALUES (" + parameters(columns) + ")";
    }

    /** The {@link #parameter} of each column, in order, separated by commas. */
    default String parameters(TableChanges.Columns columns) {
        return columns.types().stream().map(this::parameter).collect(Collectors.joining(", "));
    }

    /**
     * An UPDATE of the rows matching {@code where} (a condition over quoted names): one parameter per {@code set}
     * column, in order (bound by {@link #bind}), then those of the condition.
     */
    default String update(String table, TableChanges.Columns set, String where) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (int i = 0; i < set.names().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(set.names().get(i)).append(" = ").append(parameter(set.types().get(i)));
        }
        return sql.append(" WHERE ").append(where).toString();
    }

    /** A DELETE of the rows matching {@code where}; of every row when it is empty. */
    default String delete(String table, String where) {
        return "DELETE FROM " + table + (where.isEmpty() ? "" : " WHERE " + where);
    }

    /**
     * The columns of {@code table} (unquoted; {@code sql} is it quoted, as {@link TableName#quoted}) that an update
     * cannot set, by name, each with why: a phrase completing "it is ..." (ClickHouse's key columns, PostgreSQL's
     * identity columns {@code GENERATED ALWAYS}). Data apply leaves them out of its updates and refuses a row that
     * changes one, naming the key that would make the changed row a new one (docs/architecture.md §3).
     */
    default Map<String, String> immutableColumns(Connection connection, String table, String sql) throws SQLException {
        return Map.of();
    }

    /**
     * What a row that changes {@code column}, which an update cannot set for {@code why} ({@link #immutableColumns}),
     * becomes once the file's key names the column, as sentences for the refusal: by default another row, inserted,
     * beside the old one, which mode replace deletes and upsert keeps.
     */
    default String rekeyedRow(String column, String why) {
        return "A row whose '" + column + "' changes is then a new row: inserted, and with mode replace the old one "
                + "deleted (upsert keeps it).";
    }

    /**
     * Whether a column an update cannot set for {@code why} ({@link #immutableColumns}) is a version of its row: a
     * file keyed by it and other columns names one row by the others, which the table keeps in one version only (a
     * ClickHouse {@code ReplacingMergeTree} version), so data apply writes a row with another version than the
     * table's in its place (docs/architecture.md §3). False by default.
     */
    default boolean versionOfRow(String why) {
        return false;
    }

    /**
     * What data export and apply read the rows of {@code table} (unquoted; {@code sql} is it quoted) from: the
     * table itself, or where an engine keeps superseded rows until a merge removes them, its view of the rows as
     * they will be after merges (ClickHouse's {@code FINAL}, docs/architecture.md §3).
     */
    default String readFrom(Connection connection, String table, String sql) throws SQLException {
        return sql;
    }

    /**
     * The storage engine of {@code table} (unquoted) when it keeps no transactions (MariaDB's MyISAM, Aria, MEMORY),
     * else empty. Data apply refuses such a table before writing anything: a rollback would leave the rows written
     * before a refused one in it (docs/architecture.md §3). Engines whose tables all have transactions keep the default.
     */
    default Optional<String> nonTransactionalStorage(Connection connection, String table) throws SQLException {
        return Optional.empty();
    }

    /**
     * How a migration gives {@code table} (as statements write it) storage that keeps transactions, for the refusal
     * of a table {@link #nonTransactionalStorage} names: the engine's own statement where it has one (MySQL's
     * {@code ENGINE=InnoDB}), else advice that names none.
     */
    default String transactionalStorageAdvice(String table) {
        return "Move the rows to a table that keeps transactions in a migration";
    }

    /**
     * Whether {@code table} (unquoted) may drop rows as they are written, so that data apply counts it before and
     * after writing to report the rows it did not keep (a ClickHouse table TTL drops rows already expired).
     */
    default boolean dropsExpiredRows(Connection connection, String table) throws SQLException {
        return false;
    }

    /** Drops the rows of {@code table} (quoted) that have expired, before they are counted. */
    default void dropExpiredRows(Connection connection, String table) throws SQLException {
    }

    /**
     * The check that {@code table} (with {@code columns}, its data columns by name) keeps a keyed file's rows as they
     * are written, where it may not: ClickHouse hides a row a {@code ReplacingMergeTree}'s {@code is_deleted} marks
     * deleted, and clears a value whose column TTL has expired. Such a row would differ from the table at every apply,
     * so it is refused by line before anything is written. The check sees a file's {@code rows} together, so that it
     * asks the database about them in a number of queries that does not grow by row. Null where the table keeps
     * every row, as by default.
     */
    default RowsCheck keptRows(Connection connection, String table, Map<String, ColumnType> columns,
            List<RowValues> rows) throws SQLException {
        return null;
    }

    /** A data file's row: the columns it names, in table order, and its decoded values, aligned with them. */
    record RowValues(List<String> names, Object[] values) {
    }

    /** Refuses rows of those a check was made for, each by its place among them, before anything is written. */
    interface RowsCheck {
        /** Throws when the row at {@code index} of the check's rows is refused. */
        void check(int index) throws ValueException;
    }

    /**
     * Runs after rows with explicit values were inserted into {@code table} (quoted, as {@link TableName#quoted}),
     * e.g. to move sequences past them.
     */
    default void afterInsert(Connection connection, String table) throws SQLException {
    }
}
