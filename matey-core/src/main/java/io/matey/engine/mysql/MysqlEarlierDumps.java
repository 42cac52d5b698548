package io.matey.engine.mysql;

import io.matey.engine.DumpBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What MySQL/MariaDB dumps of earlier Matey releases state that dumps no longer write (docs/architecture.md §4): a
 * function's integer result with MariaDB's display width ({@code RETURNS int(11)}), which dumps now drop as they do
 * a column's. Such artifacts are regenerated, never replayed from or verified against.
 */
final class MysqlEarlierDumps {

    /** A function's header line, as every dump starts one (the definer removed). */
    private static final Pattern FUNCTION_HEADER = Pattern.compile("^CREATE (?:AGGREGATE )?FUNCTION [^\n]*", Pattern.MULTILINE);
    /**
     * The results MariaDB prints with a width, searched for as bytes first ({@link DumpBytes}): every checkpoint of
     * every engine is searched, and a PostgreSQL function's header has {@code ) RETURNS } too.
     */
    private static final List<byte[]> WIDTH_RESULTS = Stream.of("int(", "bigint(", "tinyint(", "smallint(", "mediumint(", "year(")
            .map(type -> (") RETURNS " + type).getBytes(StandardCharsets.UTF_8)).toList();
    private static final String WIDTH = "a function's integer result with its display width (RETURNS int(11)), which "
            + "dumps now leave out as they do a column's, so a live database would read as drift";

    private MysqlEarlierDumps() {
    }

    /** What a dump's text states that only an earlier release's dumps wrote, as a reason's words. */
    static Optional<String> statedIn(byte[] text) {
        if (WIDTH_RESULTS.stream().noneMatch(result -> DumpBytes.contains(text, result))) {
            return Optional.empty();
        }
        return DumpBytes.text(text).flatMap(decoded -> {
            Matcher header = FUNCTION_HEADER.matcher(decoded);
            while (header.find()) {
                if (!DdlText.returnsWithoutDisplayWidth(header.group()).equals(header.group())) {
                    return Optional.of(WIDTH);
                }
            }
            return Optional.empty();
        });
    }
}
