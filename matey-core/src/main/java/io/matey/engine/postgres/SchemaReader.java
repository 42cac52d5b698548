package io.matey.engine.postgres;

import io.matey.engine.MigrationProgress;
import java.sql.SQLException;

/**
 * Schemas and extensions. The {@code public} schema exists in every new database and is not created; the
 * built-in {@code plpgsql} extension neither. An extension is created without a version where the installed one is
 * the server's default, and with its {@code VERSION} where it is not (a migration named an older one), so a load
 * installs what the migrations did and drift sees a version that differs. A schema that holds nothing but
 * {@code schema_migrations} (and Matey's progress table) is the one dbmate keeps its table in (the URL's
 * {@code search_path}): it belongs to the migrations block as the table does, so that a database migrated through
 * such a URL dumps like any other.
 */
final class SchemaReader {

    private static final String MIGRATION_TABLES = "m.relkind = 'r' AND m.relname IN ("
            + PostgresMigrationTable.DUMPED_NAME + ", '" + MigrationProgress.TABLE + "')";

    static final String SCHEMAS = """
            SELECT n.oid, quote_ident(n.nspname) AS name
            FROM pg_namespace n
            WHERE %s AND n.nspname <> 'public' AND %s
              AND NOT (EXISTS (SELECT 1 FROM pg_class m WHERE m.relnamespace = n.oid AND %s)
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                       WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = n.oid
                                         AND NOT (d.classid = 'pg_class'::regclass AND d.objid IN
                                                  (SELECT m.oid FROM pg_class m WHERE m.relnamespace = n.oid AND %s))))
            """.formatted(Catalog.USER_SCHEMA, Catalog.notInExtension("pg_namespace", "n.oid"),
            MIGRATION_TABLES, MIGRATION_TABLES);

    static final String EXTENSIONS = """
            SELECT e.oid, quote_ident(e.extname) AS name, quote_ident(n.nspname) AS schema,
                   CASE WHEN a.default_version IS DISTINCT FROM e.extversion THEN quote_literal(e.extversion) END
                       AS version
            FROM pg_extension e
            JOIN pg_namespace n ON n.oid = e.extnamespace
            LEFT JOIN pg_available_extensions a ON a.name = e.extname
            WHERE e.extname <> 'plpgsql'
            """;

    private SchemaReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SCHEMAS, row -> {
            String name = row.getString("name");
            DumpObject schema = graph.create(Kind.SCHEMA, name);
            schema.add("CREATE SCHEMA " + name);
            graph.register("pg_namespace", row.getLong("oid"), schema, "SCHEMA " + name);
        });
        catalog.query(EXTENSIONS, row -> {
            String name = row.getString("name");
            DumpObject extension = graph.create(Kind.EXTENSION, name);
            String version = row.getString("version");
            extension.add("CREATE EXTENSION IF NOT EXISTS " + name + " WITH SCHEMA " + row.getString("schema")
                    + (version == null ? "" : " VERSION " + version));
            graph.register("pg_extension", row.getLong("oid"), extension, "EXTENSION " + name);
        });
    }
}
