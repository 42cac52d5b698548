package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * L410: {@code PARTITION BY SYSTEM_TIME INTERVAL ...} without {@code STARTS} on engines where the interval then
 * starts on the day the statement runs ({@link LintDialect#systemTimeIntervalStartsOnCreation}: MariaDB). The
 * dump prints that day as {@code STARTS TIMESTAMP'...'}, so replaying the history on another day writes another
 * {@code schema.sql} and the artifacts never settle. {@code LIMIT} partitioning has no start and is left alone.
 */
final class SystemTimeIntervalRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().systemTimeIntervalStartsOnCreation()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                if ((statement.startsWith("CREATE") || statement.startsWith("ALTER")) && intervalWithoutStart(statement.tokens())) {
                    findings.add(Level.WARNING, "L410", file.path(), statement.line(), "'"
                            + statement.source().summary() + "' partitions by SYSTEM_TIME INTERVAL without STARTS: "
                            + "the partitions start on the day the statement runs, which the schema dump records, "
                            + "so a replay on another day writes another schema.sql. Add STARTS '<timestamp>' "
                            + "after the interval.");
                }
            }
        }
    }

    /** {@code PARTITION BY SYSTEM_TIME INTERVAL} with no {@code STARTS} after it. */
    private static boolean intervalWithoutStart(List<Token> tokens) {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "PARTITION") && TokenCursor.is(tokens.get(i + 1), "BY")
                    && TokenCursor.is(tokens.get(i + 2), "SYSTEM_TIME") && TokenCursor.is(tokens.get(i + 3), "INTERVAL")) {
                return tokens.subList(i + 4, tokens.size()).stream().noneMatch(t -> TokenCursor.is(t, "STARTS"));
            }
        }
        return false;
    }
}
