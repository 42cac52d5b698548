package io.matey.engine.bigquery;

import io.matey.engine.WriteGuard;
import io.matey.engine.WriteTargets;
import io.matey.migration.ParsedSql;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * A BigQuery statement may write to any dataset of any project: {@code other.t}, {@code `proj.other.t`},
 * {@code `proj:other.t`}, {@code CREATE SCHEMA}. Like MySQL's guard this refuses every qualified write target, the
 * target's own dataset included, since in a replay that name is the live dataset (docs/architecture.md §6). A
 * backticked name is one token holding its dots, so its parts are split here. Reads from other datasets stay allowed.
 */
final class BigQueryWriteGuard implements WriteGuard {

    @Override
    public Optional<String> foreignWrite(ParsedSql statement) {
        Optional<String> schema = WriteTargets.databaseStatement(statement, Set.of("SCHEMA"));
        if (schema.isPresent()) {
            return Optional.of(schema.get() + " acts on a dataset of its own");
        }
        Optional<String> head = headTarget(statement);
        if (head.isPresent()) {
            return head;
        }
        for (WriteTargets.Name name : WriteTargets.of(statement)) {
            List<String> parts = split(name.parts());
            if (parts.size() > 1) {
                return Optional.of("write target " + String.join(".", parts) + " names dataset "
                        + parts.get(parts.size() - 2));
            }
        }
        return Optional.empty();
    }

    /** The target of {@code LOAD DATA [OVERWRITE|INTO] name} and {@code MERGE name} (BigQuery's INTO-less form). */
    private static Optional<String> headTarget(ParsedSql statement) {
        int at;
        if (WriteTargets.startsWith(statement, "LOAD", "DATA")) {
            at = 2;
        } else if (WriteTargets.startsWith(statement, "MERGE")) {
            at = 1;
        } else {
            return Optional.empty();
        }
        List<Token> head = statement.head(8);
        while (at < head.size() && (ParsedSql.is(head.get(at), "INTO") || ParsedSql.is(head.get(at), "OVERWRITE")
                || ParsedSql.is(head.get(at), "TEMP"))) {
            at++;
        }
        if (at < head.size() && (head.get(at).image.indexOf('.') >= 0 || head.get(at).image.indexOf(':') >= 0
                || at + 1 < head.size() && head.get(at + 1).image.equals("."))) {
            return Optional.of(head.get(0).image.toUpperCase(java.util.Locale.ROOT) + " writes into "
                    + head.get(at).image + ", outside the dataset");
        }
        return Optional.empty();
    }

    /** A name's parts, with backticked parts ({@code `proj.ds.t`}, {@code `proj:ds.t`}) split at their dots. */
    private static List<String> split(List<String> parts) {
        return parts.stream().flatMap(p -> Arrays.stream(p.split("[.:]"))).filter(p -> !p.isEmpty()).toList();
    }
}
