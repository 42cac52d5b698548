package io.matey.engine.postgres;

import io.matey.engine.DumpBytes;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL dumps of earlier Matey releases state that dumps no longer write (docs/architecture.md §4): a
 * materialized view unpopulated, a partitioned table's index without {@code ONLY}. Such artifacts are regenerated,
 * never replayed from or verified against.
 */
final class PostgresEarlierDumps {

    /**
     * A materialized view as PostgreSQL dumps of earlier releases wrote one created {@code WITH NO DATA}: whether it is
     * populated is data, which dumps no longer state (docs/architecture.md §5), so such text would read as drift.
     */
    private static final Pattern UNPOPULATED_VIEW = Pattern.compile(
            "^CREATE MATERIALIZED VIEW [^\\n]*\\n(?:(?!\\n\\n).)*?\\n WITH NO DATA;$", Pattern.MULTILINE | Pattern.DOTALL);
    /** Its last line, searched for as bytes first ({@link DumpBytes}). */
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

    private PostgresEarlierDumps() {
    }

    /**
     * What a PostgreSQL dump's text states that only an earlier release's dumps wrote, as a reason's words: a
     * materialized view {@code WITH NO DATA}, or an index without {@code ONLY} on a table the text partitions.
     */
    static Optional<String> statedIn(byte[] text) {
        boolean noData = DumpBytes.contains(text, NO_DATA);
        boolean partitioned = DumpBytes.contains(text, PARTITION_BY);
        if (!noData && !partitioned) {
            return Optional.empty();
        }
        return DumpBytes.text(text).flatMap(decoded -> noData && UNPOPULATED_VIEW.matcher(decoded).find()
                ? Optional.of(UNPOPULATED)
                : partitioned && indexesPartitionedTableWithoutOnly(decoded) ? Optional.of(INDEX_WITHOUT_ONLY_WORDS)
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
}
