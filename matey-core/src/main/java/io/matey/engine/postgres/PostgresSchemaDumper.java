package io.matey.engine.postgres;

import io.matey.engine.postgres.ConstraintReader.Constraints;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical PostgreSQL schema (docs/architecture.md §5): read from the catalogs with one query per object kind,
 * whatever the number of objects (none for the rare kinds a {@link CatalogCensus} finds unused), and rendered as
 * DDL that loads into an empty database and dumps again to the same bytes. Ownership and privileges are not part of it; an object kind it cannot render fails it.
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

    private final Connection connection;
    private final String migrationsTable;

    /** @param migrationsTable the {@code relname} of the table of applied versions, left to the migrations block */
    PostgresSchemaDumper(Connection connection, String migrationsTable) {
        this.connection = connection;
        this.migrationsTable = migrationsTable;
    }

    String dump() throws SQLException {
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put(PostgresMigrationTable.DUMPED_SETTING, migrationsTable);
        return SessionSettings.with(connection, settings, () -> read(new Catalog(connection)));
    }

    private String read(Catalog catalog) throws SQLException {
        UnsupportedObjects.check(catalog);
        DumpGraph graph = new DumpGraph();
        DeparseEcho echo = new DeparseEcho();
        Map<Long, List<Column>> columns = ColumnReader.read(catalog, echo);
        Constraints constraints = ConstraintReader.read(catalog, echo);
        CatalogCensus census = CatalogCensus.take(catalog);
        SchemaReader.read(catalog, graph);
        census.read(() -> AccessMethodReader.read(catalog, graph), "pg_am");
        census.read(() -> CollationReader.read(catalog, graph), "pg_collation");
        census.read(() -> ConversionReader.read(catalog, graph), "pg_conversion");
        census.read(() -> TextSearchCodeReader.read(catalog, graph), "pg_ts_parser", "pg_ts_template");
        census.read(() -> TextSearchReader.read(catalog, graph), "pg_ts_dict", "pg_ts_config");
        census.read(() -> RangeTypeReader.read(catalog, graph), "pg_range");
        BaseTypeReader.read(catalog, graph);
        census.read(() -> ForeignDataReader.read(catalog, graph), "pg_foreign_data_wrapper", "pg_foreign_server");
        new TypeReader(columns, constraints).read(catalog, graph);
        new RelationReader(columns, constraints, echo).read(catalog, graph);
        SequenceReader.read(catalog, graph);
        FunctionReader.read(catalog, graph);
        census.read(() -> LanguageReader.read(catalog, graph), "pg_language");
        census.read(() -> TransformReader.read(catalog, graph), "pg_transform");
        census.read(() -> AggregateReader.read(catalog, graph), "pg_aggregate");
        census.read(() -> OperatorReader.read(catalog, graph), "pg_operator");
        census.read(() -> OperatorClassReader.read(catalog, graph), "pg_opfamily", "pg_opclass", "pg_amop", "pg_amproc");
        census.read(() -> CastReader.read(catalog, graph), "pg_cast");
        IndexReader.read(catalog, graph, echo);
        census.read(() -> StatisticsReader.read(catalog, graph), "pg_statistic_ext");
        census.read(() -> RuleReader.read(catalog, graph), CatalogCensus.RULES);
        TriggerReader.read(catalog, graph);
        census.read(() -> EventTriggerReader.read(catalog, graph), "pg_event_trigger");
        census.read(() -> PolicyReader.read(catalog, graph, echo), "pg_policy");
        census.read(() -> PublicationReader.read(catalog, graph), "pg_publication");
        CatalogLinks.read(catalog, graph);
        return echo.resolve(connection, graph.render());
    }
}
