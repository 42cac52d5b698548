package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;

/**
 * L414: a {@code CREATE TABLE} or {@code ALTER TABLE} adding a foreign key whose columns lead no key its table has in
 * the section ({@link SectionKeys}: declared in the statement, or in another before it and not dropped, or over those
 * columns after it), on engines that then create an index for it that no dump shows as such
 * ({@link LintDialect#foreignKeysCreateHiddenIndexes}: MySQL/MariaDB). Adding a foreign key or an index over those
 * columns later replaces such an index, but keeps one declared explicitly, as a checkpoint's {@code KEY} is once
 * loaded (docs/architecture.md §6). An {@code ALTER TABLE} over columns an earlier migration indexed is reported too:
 * the migration alone cannot tell.
 */
final class ImplicitForeignKeyIndexRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().foreignKeysCreateHiddenIndexes()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (List<ParsedStatement> section : List.of(file.upStatements(), file.downStatements())) {
                for (SectionKeys.Unindexed foreign : SectionKeys.unindexed(section)) {
                    String columns = String.join(", ", foreign.columns());
                    ParsedStatement statement = foreign.statement();
                    findings.add(Level.WARNING, "L414", file.path(), statement.line(), "'"
                            + statement.source().summary() + "' adds a foreign key on (" + columns + ") that no key of "
                            + "the statement or the rest of its section indexes: the server creates an index for it and "
                            + "marks it as its own, which no dump shows, so a key added later over those columns "
                            + "replaces it here but keeps it in a database loaded from a dump. Declare the index in the "
                            + "same statement (KEY name (" + columns + ")), or ignore this if an earlier migration "
                            + "declared one.");
                }
            }
        }
    }
}
