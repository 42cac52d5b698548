package io.matey.artifact;

import io.matey.workspace.TargetPaths;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Artifacts another tool wrote (docs/architecture.md §4): the lock's {@code canonicalizer} names the format of
 * {@code schema.sql} and the checkpoints. Python matey writes {@code matey-sql-v0} over pg_dump, mysqldump or
 * sqlite3 text, which Matey's own dumps never equal; earlier Matey releases wrote the same label over Matey's
 * canonical text, which is recognised by the absence of those tools' marks and stays Matey's own, except on
 * MySQL/MariaDB, whose format changed since, twice ({@link SchemaLock#MYSQL_CANONICALIZER}), and PostgreSQL text
 * that states a materialized view unpopulated, which no dump writes since. Foreign artifacts are
 * regenerated from the migrations, never replayed from or verified against.
 */
public final class ForeignArtifacts {

    /** The command that regenerates a target's foreign artifacts; every refusal names it. */
    static String advice(String targetName) {
        return "Regenerate them from the migrations with `matey schema apply" + TargetPaths.option(targetName)
                + " --clean`.";
    }

    /** The label earlier Matey releases shared with Python matey. */
    static final String SHARED_LABEL = "matey-sql-v0";
    /** MySQL/MariaDB's format while every table stated its character set but a function's string result did not. */
    static final String MYSQL_TABLES_LABEL = "matey-catalog-v2";

    /** Lines only pg_dump, mysqldump and mariadb-dump write (psql meta-commands such as {@code \restrict}). */
    private static final List<String> DUMP_TOOL_MARKS = List.of("\n\\", "-- PostgreSQL database dump",
            "-- MySQL dump", "-- MariaDB dump", "/*!40101 SET");

    /**
     * A materialized view as PostgreSQL dumps of earlier releases wrote one created {@code WITH NO DATA}: whether it is
     * populated is data, which dumps no longer state (docs/architecture.md §5), so such text would read as drift.
     */
    private static final Pattern UNPOPULATED_VIEW = Pattern.compile(
            "^CREATE MATERIALIZED VIEW [^\\n]*\\n(?:(?!\\n\\n).)*?\\n WITH NO DATA;$", Pattern.MULTILINE | Pattern.DOTALL);

    private ForeignArtifacts() {
    }

    /** Why the artifacts are not Matey's, as a diagnostic's detail; empty when they are. */
    static Optional<String> reason(SchemaLock lock, Snapshot snapshot) {
        String label = lock.canonicalizer();
        String current = SchemaLock.canonicalizer(lock.engine());
        boolean earlierMatey = label.equals(SchemaLock.CANONICALIZER) || label.equals(SHARED_LABEL) && !writtenByDumpTool(snapshot);
        if (earlierMatey && lock.engine().equals("postgres") && statesUnpopulatedViews(snapshot)) {
            return Optional.of("Artifacts written by an earlier Matey release: schema.sql states that a materialized "
                    + "view is not populated (WITH NO DATA), which is data that dumps no longer hold, so a refreshed "
                    + "view would read as drift. " + advice(snapshot.targetName()));
        }
        if (label.equals(current) || earlierMatey && current.equals(SchemaLock.CANONICALIZER)) {
            return Optional.empty();
        }
        if (earlierMatey || label.equals(MYSQL_TABLES_LABEL) && current.equals(SchemaLock.MYSQL_CANONICALIZER)) {
            String left = earlierMatey ? "a table's" : "a function's string result's";
            return Optional.of("Artifacts written by an earlier Matey release: the lock names canonicalizer '" + label
                    + "', whose MySQL/MariaDB dumps leave out " + left + " character set where it is the database's"
                    + " default, not '" + current + "', which states it. " + advice(snapshot.targetName()));
        }
        String named = label.isEmpty() ? "names no canonicalizer" : "names canonicalizer '" + label + "'";
        String writer = label.equals(SHARED_LABEL) ? "Python matey's pg_dump/mysqldump/sqlite3 text" : "another tool's";
        return Optional.of("Artifacts written by another tool: the lock " + named + " (" + writer + "), not Matey's '"
                + current + "'. " + advice(snapshot.targetName()));
    }

    private static boolean statesUnpopulatedViews(Snapshot snapshot) {
        String schema = snapshot.schema().flatMap(Utf8::decode).orElse("");
        return schema.contains("\n WITH NO DATA;\n") && UNPOPULATED_VIEW.matcher(schema).find();
    }

    private static boolean writtenByDumpTool(Snapshot snapshot) {
        String schema = snapshot.schema().flatMap(Utf8::decode).map(text -> "\n" + text).orElse("");
        return DUMP_TOOL_MARKS.stream().anyMatch(schema::contains);
    }
}
