package io.matey.artifact;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.workspace.TargetPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Artifacts another tool wrote (docs/architecture.md §4): the lock's {@code canonicalizer} names the format of
 * {@code schema.sql} and the checkpoints. Python matey writes {@code matey-sql-v0} over pg_dump, mysqldump or
 * sqlite3 text, which Matey's own dumps never equal; earlier Matey releases wrote the same label over Matey's
 * canonical text, which is recognised by the absence of those tools' marks and stays Matey's own, except where the
 * engine's format changed since ({@link Engine#earlierCanonicalizer}: MySQL/MariaDB's, twice) or the text states
 * what no dump of the engine writes since ({@link Engine#earlierDumpText}: PostgreSQL's unpopulated materialized
 * views, a partitioned table's index without {@code ONLY}), in {@code schema.sql} or in a checkpoint (one before the head is what a database behind it, or rolled
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
    /** Lines only pg_dump, mysqldump and mariadb-dump write (psql meta-commands such as {@code \restrict}). */
    private static final List<String> DUMP_TOOL_MARKS = List.of("\n\\", "-- PostgreSQL database dump",
            "-- MySQL dump", "-- MariaDB dump", "/*!40101 SET");

    private ForeignArtifacts() {
    }

    /** Why the artifacts are not Matey's, as a diagnostic's detail; empty when they are. */
    static Optional<String> reason(SchemaLock lock, Snapshot snapshot) {
        String label = lock.canonicalizer();
        String current = SchemaLock.canonicalizer(lock.engine());
        Optional<Engine> engine = Engines.find(lock.engine());
        boolean earlierMatey = label.equals(SchemaLock.CANONICALIZER) || label.equals(SHARED_LABEL) && !writtenByDumpTool(snapshot);
        // an earlier release's text under the current label (MySQL/MariaDB's differs from the first)
        Optional<String> earlierText = (earlierMatey || label.equals(current)) && engine.isPresent()
                ? earlierDumpText(engine.get(), snapshot) : Optional.empty();
        if (earlierText.isPresent()) {
            return Optional.of("Artifacts written by an earlier Matey release: " + earlierText.get() + ". "
                    + advice(snapshot.targetName()));
        }
        if (label.equals(current) || earlierMatey && current.equals(SchemaLock.CANONICALIZER)) {
            return Optional.empty();
        }
        // Matey text under Python matey's label is in the first format.
        Optional<String> earlierFormat = engine.flatMap(e -> e.earlierCanonicalizer(earlierMatey ? SchemaLock.CANONICALIZER
                : label));
        if (earlierFormat.isPresent()) {
            return Optional.of("Artifacts written by an earlier Matey release: the lock names canonicalizer '" + label
                    + "', " + earlierFormat.get() + ". " + advice(snapshot.targetName()));
        }
        String named = label.isEmpty() ? "names no canonicalizer" : "names canonicalizer '" + label + "'";
        String writer = label.equals(SHARED_LABEL) ? "Python matey's pg_dump/mysqldump/sqlite3 text" : "another tool's";
        return Optional.of("Artifacts written by another tool: the lock " + named + " (" + writer + "), not Matey's '"
                + current + "'. " + advice(snapshot.targetName()));
    }

    /**
     * Where and what an earlier release's dump of the engine states that dumps no longer write ("schema.sql states
     * that ...", "checkpoints/x.sql states ..."), if anything ({@link Engine#earlierDumpText}).
     */
    private static Optional<String> earlierDumpText(Engine engine, Snapshot snapshot) {
        Optional<String> schema = snapshot.schema().flatMap(engine::earlierDumpText);
        if (schema.isPresent()) {
            return Optional.of(ArtifactNames.SCHEMA_FILE + " states " + schema.get());
        }
        // A loop, not a stream: a sorted map's entry stream asks for Map.Entry.comparingByKey, which every process
        // would spin (docs/architecture.md §8).
        List<String> checkpoints = new ArrayList<>();
        String first = null;
        for (Map.Entry<String, CheckpointFile> checkpoint : snapshot.checkpoints().entrySet()) {
            Optional<String> what = checkpoint.getValue().earlierDumpText(engine);
            if (what.isPresent()) {
                checkpoints.add(checkpoint.getKey());
                first = first == null ? what.get() : first;
            }
        }
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(0) + (checkpoints.size() == 1
                ? " states " : " (and " + (checkpoints.size() - 1) + " later checkpoint(s)) state ") + first);
    }

    private static boolean writtenByDumpTool(Snapshot snapshot) {
        String schema = snapshot.schema().flatMap(Utf8::decode).map(text -> "\n" + text).orElse("");
        return DUMP_TOOL_MARKS.stream().anyMatch(schema::contains);
    }
}
