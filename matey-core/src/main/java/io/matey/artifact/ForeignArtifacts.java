package io.matey.artifact;

import io.matey.workspace.TargetPaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Artifacts another tool wrote (docs/architecture.md §4): the lock's {@code canonicalizer} names the format of
 * {@code schema.sql} and the checkpoints. Python matey writes {@code matey-sql-v0} over pg_dump, mysqldump or
 * sqlite3 text, which Matey's own dumps never equal; earlier Matey releases wrote the same label over Matey's
 * canonical text, which is recognised by the absence of those tools' marks and stays Matey's own, except on
 * MySQL/MariaDB, whose format changed since, twice ({@link SchemaLock#MYSQL_CANONICALIZER}), and PostgreSQL text
 * that states a materialized view unpopulated, which no dump writes since, in {@code schema.sql} or in a checkpoint
 * (one before the head is what a database behind it, or rolled back to it, is verified against). Foreign artifacts are
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
    /** Its last line, searched for as bytes first: every checkpoint is searched as it is read, and almost none has it. */
    private static final byte[] NO_DATA = "\n WITH NO DATA;\n".getBytes(StandardCharsets.UTF_8);

    private ForeignArtifacts() {
    }

    /** Why the artifacts are not Matey's, as a diagnostic's detail; empty when they are. */
    static Optional<String> reason(SchemaLock lock, Snapshot snapshot) {
        String label = lock.canonicalizer();
        String current = SchemaLock.canonicalizer(lock.engine());
        boolean earlierMatey = label.equals(SchemaLock.CANONICALIZER) || label.equals(SHARED_LABEL) && !writtenByDumpTool(snapshot);
        Optional<String> unpopulated = earlierMatey && lock.engine().equals("postgres") ? unpopulatedViews(snapshot)
                : Optional.empty();
        if (unpopulated.isPresent()) {
            return Optional.of("Artifacts written by an earlier Matey release: " + unpopulated.get() + " that a "
                    + "materialized view is not populated (WITH NO DATA), which is data that dumps no longer hold, so "
                    + "a refreshed view would read as drift. " + advice(snapshot.targetName()));
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

    /** What states a materialized view unpopulated ("schema.sql states", "checkpoints/x.sql states"), if any. */
    private static Optional<String> unpopulatedViews(Snapshot snapshot) {
        if (snapshot.schema().map(ForeignArtifacts::statesUnpopulatedView).orElse(false)) {
            return Optional.of(ArtifactNames.SCHEMA_FILE + " states");
        }
        // A loop, not a stream: a sorted map's entry stream asks for Map.Entry.comparingByKey, which every process
        // would spin (docs/architecture.md §8).
        List<String> checkpoints = new ArrayList<>();
        for (Map.Entry<String, CheckpointFile> checkpoint : snapshot.checkpoints().entrySet()) {
            if (checkpoint.getValue().statesUnpopulatedView()) {
                checkpoints.add(checkpoint.getKey());
            }
        }
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(0) + (checkpoints.size() == 1
                ? " states" : " (and " + (checkpoints.size() - 1) + " later checkpoint(s)) state"));
    }

    /** Whether a dump's text states a materialized view {@code WITH NO DATA}. */
    static boolean statesUnpopulatedView(byte[] text) {
        return contains(text, NO_DATA) && Utf8.decode(text).map(t -> UNPOPULATED_VIEW.matcher(t).find()).orElse(false);
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
