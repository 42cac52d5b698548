package io.matey.schema;

import java.util.List;

/**
 * What a drift draft needs to know of its engine (docs/architecture.md §3): whether a constraint or key its dump
 * writes inside {@code CREATE TABLE} can be added to and dropped from an existing table, and how it is dropped, or
 * whether the table is rebuilt instead.
 * A named one is added as {@code ALTER TABLE t ADD <its text>} by default, which PostgreSQL and MySQL both accept.
 */
public interface DraftDialect {

    /** An engine whose existing tables take no added or dropped constraint: a changed one is left to the author. */
    DraftDialect FIXED_CONSTRAINTS = new DraftDialect() {
    };

    /** Whether {@code ALTER TABLE} adds and drops a table's named constraints and keys. */
    default boolean altersConstraints() {
        return false;
    }

    /**
     * The statement that drops a named constraint or key.
     *
     * @param table   the table's name as the dump writes it
     * @param name    the element's name as the dump writes it
     * @param element the element's text in the dumped {@code CREATE TABLE}, or after {@code ADD} in the
     *                {@code ALTER TABLE} the dump adds it with (a foreign key)
     */
    default String dropConstraint(String table, String name, String element) {
        return "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";";
    }

    /**
     * The statements that add a named constraint or key to an existing table, with the arguments of
     * {@link #dropConstraint}.
     */
    default String addConstraint(String table, String name, String element) {
        return "ALTER TABLE " + table + " ADD " + element + ";";
    }

    /**
     * The statement that adds back, in a down section, a constraint the committed dump adds after its table's
     * {@code CREATE TABLE} (a MySQL foreign key), which must restore the committed table exactly; null to add it as
     * the dump does (the default).
     *
     * @param table    the table's name as the dump writes it
     * @param element  the constraint's text after {@code ADD}
     * @param elements the committed table's constraints and keys
     */
    default String restoreConstraint(String table, String element, List<String> elements) {
        return null;
    }

    /**
     * The statement that renames a column, which keeps its definition.
     *
     * @param table      the table's name as the dump writes it
     * @param column     the column's name as the dump writes it
     * @param name       the new name, likewise
     * @param definition the column's definition after its name, as the dump writes it
     */
    default String renameColumn(String table, String column, String name, String definition) {
        return "ALTER TABLE " + table + " RENAME COLUMN " + column + " TO " + name + ";";
    }

    /**
     * The statement that renames a table or materialized view ({@code kind}, {@code TABLE} or
     * {@code MATERIALIZED VIEW}) in its schema: by default {@code ALTER <kind> old RENAME TO new}.
     *
     * @param old  the name as the dump writes it
     * @param name the new name, unqualified
     */
    default String renameRelation(String kind, String old, String name) {
        return "ALTER " + kind + " " + old + " RENAME TO " + name + ";";
    }

    /**
     * The kind {@code DROP} names an object of {@code kind} by (as read from its {@code CREATE}): by default the kind itself.
     */
    default String dropKind(String kind) {
        return kind;
    }

    /**
     * The statement that renames a view's column, or null where the engine has none (by default): a view whose
     * columns were renamed is then a changed view.
     */
    default String renameViewColumn(String view, String column, String name) {
        return null;
    }

    /**
     * The statement that makes a table logged ({@code logged}) or unlogged, or null where the engine has none (by
     * default): the table's changed logging is then left to the author.
     */
    default String setLogged(String table, boolean logged) {
        return null;
    }

    /**
     * The statement that moves an object of the kind ({@code TABLE}, {@code VIEW}, {@code SEQUENCE}, {@code FUNCTION},
     * {@code PROCEDURE}, {@code TYPE}, {@code DOMAIN}) to another schema, a table with its rows, indexes, constraints
     * and owned sequences, or null where the engine has none (by default): an object of the same name in another
     * schema is then no move (docs/architecture.md §7).
     */
    default String move(String kind, String name, String schema) {
        return null;
    }

    /**
     * Whether the server follows a renamed table or column into the views and materialized views that read it,
     * printing them by the new names.
     */
    default boolean followsRenames() {
        return false;
    }

    /**
     * The statement that replaces a view in place with this definition (as the dump writes it), for the views that
     * read a renamed table or column (docs/architecture.md §7); null where drafts leave such views to the diff.
     */
    default String replaceView(String view) {
        return null;
    }

    /**
     * Whether renaming a table or column fails while any view would not resolve after it (SQLite checks every view on a
     * rename: one reading a renamed column through another view, or one whose view was dropped, fails it); a draft then
     * drops the views that read what it renames, and those reading them, before its renames and creates them after.
     */
    default boolean checksViewsOnRename() {
        return false;
    }

    /**
     * Whether a view keeps the text it was written with when what it reads is renamed (MySQL/MariaDB), rather than
     * being rewritten by the server (PostgreSQL): then only a view written again over the new name reads it.
     */
    default boolean viewsKeepRenamedNames() {
        return false;
    }

    /**
     * The statement that replaces an existing view, or a ClickHouse dictionary, with this definition (as the dump
     * writes it) whatever changed in it, or null where the engine's replace cannot change every such object
     * (PostgreSQL's keeps a view's columns).
     */
    default String redefine(String definition) {
        return null;
    }

    /**
     * Whether {@code ALTER COLUMN ... TYPE} and {@code DROP COLUMN} fail while a view or materialized view reads the
     * column (PostgreSQL): a draft that changes a column's type or drops a column then drops the views reading its
     * table and creates them again after it.
     */
    default boolean viewsBlockTypeChanges() {
        return false;
    }

    /**
     * The statements that turn a materialized view changed out of band into this definition by dropping it and
     * creating it again, with a comment on what that loses, or null where a changed one is left to the author (by
     * default).
     *
     * @param name the view's name as the dump writes it
     * @param to   the definition to create, as the dump writes it
     */
    default String recreateMaterializedView(String name, String to) {
        return null;
    }

    /**
     * Whether a materialized view changed out of band is dropped and created again with the views that read it and
     * what its drop takes along (PostgreSQL, {@link RecreatedRelations}), rather than by
     * {@link #recreateMaterializedView}.
     */
    default boolean recreatesMaterializedViewsWithReaders() {
        return false;
    }

    /**
     * Whether the live materialized view is not populated (PostgreSQL's {@code WITH NO DATA}, never refreshed), which
     * a draft then creates so, as the dump does not say.
     *
     * @param name the view's name as the dump writes it
     */
    default boolean unpopulated(String name) {
        return false;
    }

    /**
     * Whether a changed view is dropped and created again (SQLite, which has no {@code CREATE OR REPLACE VIEW} and
     * drops a view's triggers with it: the draft creates them again); used where {@link #redefine} is null.
     */
    default boolean recreatesViews() {
        return false;
    }

    /**
     * Where {@code ADD COLUMN} puts a column: after {@code previous} (its name as the dump writes it), or first when
     * that is null; null where the engine only appends (by default).
     */
    default String placeColumn(String previous) {
        return null;
    }

    /**
     * The statements that turn an existing column's definition {@code from} into {@code to} (both as the dump writes
     * them, the name first), or null where the engine has none that is exact (by default): a changed column is then
     * left to the author. A statement the author must complete is a comment that says why.
     *
     * @param table  the table's name as the dump writes it
     * @param column the column's name as the dump writes it
     */
    default List<String> alterColumn(String table, String column, String from, String to) {
        return null;
    }

    /**
     * The statement that gives an existing column the definition a dump writes for it, or null when the engine has
     * none (by default). Drafts use it for the columns a primary key added by hand made NOT NULL, as MariaDB's
     * and PostgreSQL's do, and to make them nullable again in down: dropping the key leaves them NOT NULL.
     *
     * @param table      the table's name as the dump writes it
     * @param column     the column's name as the dump writes it
     * @param definition the column's definition as the dump writes it, its name first
     */
    default String modifyColumn(String table, String column, String definition) {
        return null;
    }

    /**
     * The statements that turn a table's options as the dump writes them after its element list, {@code from}, into
     * {@code to}, or null where the engine has none that is exact (by default): the change is then left to the author.
     *
     * @param table the table's name as the dump writes it
     */
    default List<String> alterOptions(String table, String from, String to) {
        return null;
    }

    /**
     * A table's statements that change its columns or keys (and maybe its options, {@code from} before them and
     * {@code to} after), with what the engine needs around them: by default nothing.
     */
    default List<String> changingColumns(List<String> statements, String from, String to) {
        return statements;
    }

    /**
     * Whether dbmate runs a section of one statement only (ClickHouse): a draft then undoes its statements in the
     * reverse order, each by one statement, so that every statement and its undo can be a migration of their own
     * (docs/architecture.md §5).
     */
    default boolean oneStatementPerSection() {
        return false;
    }

    /**
     * Whether a table whose change {@code ALTER TABLE} cannot express is rebuilt instead: created anew under another
     * name, its rows copied, the old one dropped and the new one renamed (SQLite's way).
     */
    default boolean rebuildsTables() {
        return false;
    }

    /**
     * The name {@code ATTACH PARTITION} gives the partition's copy of its new parent's key {@code element} (as the
     * parent's {@code CREATE TABLE} lists it), where the partition has no such key of its own; null where it makes none
     * or the name is not known: a detach in down leaves that copy, which the draft then says.
     */
    default String clonedKeyName(String partition, String element) {
        return null;
    }

    /**
     * The name the engine gives a partition's copy of its parent's index, {@code index} being the copy's definition,
     * when creating the partition makes one (PostgreSQL's {@code PARTITION OF}); null where it makes none (by default).
     * A name taken already is not chosen: {@code clash} counts the names tried before, which the engine marks.
     */
    default String clonedIndexName(String index, int clash) {
        return null;
    }
}
