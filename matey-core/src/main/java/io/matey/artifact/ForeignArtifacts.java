package io.matey.artifact;

import io.matey.workspace.TargetPaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Artifacts another tool wrote (docs/architecture.md §4): the lock's {@code canonicalizer} names the format of
 * {@code schema.sql} and the checkpoints. Python matey writes {@code matey-sql-v0} over pg_dump, mysqldump or
 * sqlite3 text, which Matey's own dumps never equal; earlier Matey releases wrote the same label over Matey's
 * canonical text, which is recognised by the absence of those tools' marks and stays Matey's own, except on
 * MySQL/MariaDB, whose format changed since, twice ({@link SchemaLock#MYSQL_CANONICALIZER}), and PostgreSQL text
 * that states what no dump writes since (a materialized view unpopulated, a partitioned table's index without
 * {@code ONLY}), in {@code schema.sql} or in a checkpoint (one before the head is what a database behind it, or rolled
 * back to it, is verified against). Foreign artifacts are regenerated from the migrations, never replayed from or
 * verified against.
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
    /** Its last line, searched for as bytes first: every checkpoint is searched as it is read, and almost none has it. */
    private static final byte[] NO_DATA = "\n WITH NO DATA;\n".getBytes(StandardCharsets.UTF_8);
    private static final String UNPOPULATED = "that a materialized view is not populated (WITH NO DATA), which is data "
            + "that dumps no longer hold, so a refreshed view would read as drift";

    /** A relation's name as every dump writes it: schema-qualified, each part as {@code quote_ident} writes it. */
    private static final String NAME = "(?:\"(?:[^\"]|\"\")*\"|[^\\s\".]+)\\.(?:\"(?:[^\"]|\"\")*\"|[^\\s\".]+)";
    /**
     * A partitioned table: its statement ends with the {@code PARTITION BY} line, after which the dump writes only
     * its access method and options (docs/architecture.md §5).
     */
    private static final Pattern PARTITIONED_TABLE = Pattern.compile("^CREATE TABLE (" + NAME
            + ") (?:(?!\n\n).)*?\nPARTITION BY [^\n]*(?:\nUSING [^\n]*)?(?:\nWITH \\([^\n]*\\))?;$",
            Pattern.MULTILINE | Pattern.DOTALL);
    /**
     * An index created on a relation without {@code ONLY}, which {@code pg_get_indexdef} writes for every index of a
     * partitioned table; earlier releases dropped it there, and left the partitions' indexes out (§5).
     */
    private static final Pattern INDEX_WITHOUT_ONLY = Pattern.compile(
            "^CREATE (?:UNIQUE )?INDEX (?:\"(?:[^\"]|\"\")*\"|[^\\s\"]+) ON (" + NAME + ") USING ", Pattern.MULTILINE);
    /** The partitioning clause, searched for as bytes first, as {@link #NO_DATA}. */
    private static final byte[] PARTITION_BY = "\nPARTITION BY ".getBytes(StandardCharsets.UTF_8);
    private static final String INDEX_WITHOUT_ONLY_WORDS = "a partitioned table's index created without ON ONLY and "
            + "not its partitions' indexes, where dumps now write ON ONLY, each partition's index and ALTER INDEX ... "
            + "ATTACH PARTITION, so a live database would read as drift and a replay from them would build another state";

    private ForeignArtifacts() {
    }

    /** Why the artifacts are not Matey's, as a diagnostic's detail; empty when they are. */
    static Optional<String> reason(SchemaLock lock, Snapshot snapshot) {
        String label = lock.canonicalizer();
        String current = SchemaLock.canonicalizer(lock.engine());
        boolean earlierMatey = label.equals(SchemaLock.CANONICALIZER) || label.equals(SHARED_LABEL) && !writtenByDumpTool(snapshot);
        Optional<String> earlierText = earlierMatey && lock.engine().equals("postgres") ? earlierPostgresText(snapshot)
                : Optional.empty();
        if (earlierText.isPresent()) {
            return Optional.of("Artifacts written by an earlier Matey release: " + earlierText.get() + ". "
                    + advice(snapshot.targetName()));
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

    /**
     * Where and what an earlier release's PostgreSQL dump states that dumps no longer write ("schema.sql states that
     * ...", "checkpoints/x.sql states ..."), if anything.
     */
    private static Optional<String> earlierPostgresText(Snapshot snapshot) {
        Optional<String> schema = snapshot.schema().flatMap(ForeignArtifacts::earlierPostgresText);
        if (schema.isPresent()) {
            return Optional.of(ArtifactNames.SCHEMA_FILE + " states " + schema.get());
        }
        // A loop, not a stream: a sorted map's entry stream asks for Map.Entry.comparingByKey, which every process
        // would spin (docs/architecture.md §8).
        List<String> checkpoints = new ArrayList<>();
        String first = null;
        for (Map.Entry<String, CheckpointFile> checkpoint : snapshot.checkpoints().entrySet()) {
            Optional<String> what = checkpoint.getValue().earlierPostgresText();
            if (what.isPresent()) {
                checkpoints.add(checkpoint.getKey());
                first = first == null ? what.get() : first;
            }
        }
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(0) + (checkpoints.size() == 1
                ? " states " : " (and " + (checkpoints.size() - 1) + " later checkpoint(s)) state ") + first);
    }

    /**
     * What a PostgreSQL dump's text states that only an earlier release's dumps wrote, as a reason's words: a
     * materialized view {@code WITH NO DATA}, or an index without {@code ONLY} on a table the text partitions.
     */
    static Optional<String> earlierPostgresText(byte[] text) {
        boolean noData = contains(text, NO_DATA);
        boolean partitioned = contains(text, PARTITION_BY);
        if (!noData && !partitioned) {
            return Optional.empty();
        }
        return Utf8.decode(text).flatMap(t -> noData && UNPOPULATED_VIEW.matcher(t).find() ? Optional.of(UNPOPULATED)
                : partitioned && indexesPartitionedTableWithoutOnly(t) ? Optional.of(INDEX_WITHOUT_ONLY_WORDS)
                : Optional.empty());
    }

    private static boolean indexesPartitionedTableWithoutOnly(String text) {
        Set<String> partitioned = new HashSet<>();
        Matcher table = PARTITIONED_TABLE.matcher(text);
        while (table.find()) {
            partitioned.add(table.group(1));
        }
        Matcher index = INDEX_WITHOUT_ONLY.matcher(text);
        while (index.find()) {
            if (partitioned.contains(index.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] text, byte[] part) {
        for (int at = 0; at + part.length <= text.length; at++) {
            if (text[at] == part[0] && Arrays.equals(text, at, at + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean writtenByDumpTool(Snapshot snapshot) {
        String schema = snapshot.schema().flatMap(Utf8::decode).map(text -> "\n" + text).orElse("");
        return DUMP_TOOL_MARKS.stream().anyMatch(schema::contains);
    }
}
