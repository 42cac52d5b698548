package io.matey.engine.postgres;

import io.matey.engine.postgres.ConstraintReader.Constraints;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The canonical PostgreSQL schema (docs/architecture.md §5): read from the catalogs with one query per object kind,
 * whatever the number of objects (none for the kinds a {@link CatalogCensus} finds unused), and rendered as
 * DDL that loads into an empty database and dumps again to the same bytes. Ownership is not part of it, privileges are
 * as far as they do not depend on who ran the migrations ({@link PrivilegeReader}); an object kind it cannot render fails it.
 */
final class PostgresSchemaDumper {

    /**
     * With an empty {@code search_path} the catalog's deparsing functions qualify every name outside
     * pg_catalog, so the text depends neither on the caller's path nor on the one it is loaded under; the
     * other settings pin how constants in expressions are printed.
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "search_path", "",
            "IntervalStyle", "postgres",
            "extra_float_digits", "1");

    /**
     * The queries every dump runs, sent ahead of their readers in one round trip ({@link Catalog#prefetch}); the
     * census decides which of the others run.
     */
    private static final List<String> EVERY_DUMP = List.of(UnsupportedObjects.SQL, ColumnReader.SQL,
            ConstraintReader.SQL, CatalogCensus.SQL, SchemaReader.SCHEMAS, SchemaReader.EXTENSIONS, RelationReader.SQL,
            IndexReader.SQL, CatalogLinks.COMMENTS, CatalogLinks.DEPENDENCIES);

    private final Connection connection;
    private final String migrationsTable;
    private final long leftoverIndex;
    private final boolean privileges;
    private final Consumer<String> unloadable;

    /**
     * @param migrationsTable the {@code relname} of the table of applied versions, left to the migrations block
     * @param leftoverIndex   the oid of an interrupted statement's {@link InvalidIndex}, left out; 0 for none
     * @param privileges      whether to dump privileges; a target's {@code privileges = false} leaves them out
     * @param unloadable      told what would not load again, for a report ({@link DeparseEcho}); null: such a
     *                        dump fails
     */
    PostgresSchemaDumper(Connection connection, String migrationsTable, long leftoverIndex, boolean privileges,
            Consumer<String> unloadable) {
        this.connection = connection;
        this.migrationsTable = migrationsTable;
        this.leftoverIndex = leftoverIndex;
        this.privileges = privileges;
        this.unloadable = unloadable;
    }

    String dump() throws SQLException {
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put(PostgresMigrationTable.DUMPED_SETTING, migrationsTable);
        settings.put(InvalidIndex.DUMPED_SETTING, Long.toString(leftoverIndex));
        return SessionSettings.with(connection, settings, this::readCatalog);
    }

    private String readCatalog() throws SQLException {
        try (Catalog catalog = new Catalog(connection)) {
            catalog.prefetch(EVERY_DUMP);
            return read(catalog);
        }
    }

    private String read(Catalog catalog) throws SQLException {
        UnsupportedObjects.check(catalog);
        DumpGraph graph = new DumpGraph();
        DeparseEcho echo = new DeparseEcho(unloadable);
        Map<Long, List<Column>> columns = ColumnReader.read(catalog, echo);
        Constraints constraints = ConstraintReader.read(catalog, echo);
        CatalogCensus census = CatalogCensus.take(catalog);
        SchemaReader.read(catalog, graph);
        if (census.uses("pg_am")) {
            AccessMethodReader.read(catalog, graph);
        }
        if (census.uses("pg_collation")) {
            CollationReader.read(catalog, graph);
        }
        if (census.uses("pg_conversion")) {
            ConversionReader.read(catalog, graph);
        }
        if (census.uses("pg_ts_parser", "pg_ts_template")) {
            TextSearchCodeReader.read(catalog, graph);
        }
        if (census.uses("pg_ts_dict", "pg_ts_config")) {
            TextSearchReader.read(catalog, graph);
        }
        if (census.uses("pg_range")) {
            RangeTypeReader.read(catalog, graph);
        }
        if (census.uses(CatalogCensus.BASE_TYPES)) {
            BaseTypeReader.read(catalog, graph);
        }
        if (census.uses("pg_foreign_data_wrapper", "pg_foreign_server")) {
            ForeignDataReader.read(catalog, graph);
        }
        if (census.uses(CatalogCensus.TYPES)) {
            new TypeReader(columns, constraints).read(catalog, graph);
        }
        new RelationReader(columns, constraints, echo).read(catalog, graph);
        if (census.uses("pg_sequence")) {
            SequenceReader.read(catalog, graph);
        }
        if (census.uses(CatalogCensus.FUNCTIONS)) {
            FunctionReader.read(catalog, graph);
        }
        if (census.uses("pg_language")) {
            LanguageReader.read(catalog, graph);
        }
        if (census.uses("pg_transform")) {
            TransformReader.read(catalog, graph);
        }
        if (census.uses("pg_aggregate")) {
            AggregateReader.read(catalog, graph);
        }
        if (census.uses("pg_operator")) {
            OperatorReader.read(catalog, graph);
        }
        if (census.uses("pg_opfamily", "pg_opclass", "pg_amop", "pg_amproc")) {
            OperatorClassReader.read(catalog, graph);
        }
        if (census.uses("pg_cast")) {
            CastReader.read(catalog, graph);
        }
        IndexReader.read(catalog, graph, echo);
        if (census.uses("pg_statistic_ext")) {
            StatisticsReader.read(catalog, graph);
        }
        if (census.uses(CatalogCensus.RULES)) {
            RuleReader.read(catalog, graph);
        }
        if (census.uses(CatalogCensus.TRIGGERS)) {
            TriggerReader.read(catalog, graph);
        }
        if (census.uses("pg_event_trigger")) {
            EventTriggerReader.read(catalog, graph);
        }
        if (census.uses("pg_policy")) {
            PolicyReader.read(catalog, graph, echo);
        }
        if (census.uses("pg_publication")) {
            PublicationReader.read(catalog, graph);
        }
        if (privileges && census.uses(CatalogCensus.PRIVILEGES)) {
            PrivilegeReader.read(catalog, graph);
        }
        CatalogLinks.read(catalog, graph);
        return echo.resolve(connection, graph.render(), census.uses("pg_event_trigger"));
    }
}
