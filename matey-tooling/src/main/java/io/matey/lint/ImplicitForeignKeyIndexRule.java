package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;

/**
 * L414: a {@code CREATE TABLE} or {@code ALTER TABLE} adding a foreign key whose columns lead no key its table has
 * ({@link SectionKeys}: declared by an earlier migration's up section, in the statement, or in another before it and
 * not dropped, or over those columns after it in the section), on engines that then create an index for it that no
 * dump shows as such ({@link LintDialect#foreignKeysCreateHiddenIndexes}: MySQL/MariaDB). Adding a foreign key or an
 * index over those columns later replaces such an index, but keeps one declared explicitly, as a checkpoint's
 * {@code KEY} is once loaded (docs/architecture.md §6). A migration's up section is read over the keys the earlier
 * ones' up sections leave, its down section over those its own up section leaves.
 */
final class ImplicitForeignKeyIndexRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().foreignKeysCreateHiddenIndexes()) {
            return;
        }
        SectionKeys schema = new SectionKeys();
        for (MigrationFile file : context.readableMigrations()) {
            report(file, schema.read(file.upStatements()), findings);
            report(file, schema.copy().read(file.downStatements()), findings);
        }
    }

    private static void report(MigrationFile file, List<SectionKeys.Unindexed> unindexed, Findings findings) {
        for (SectionKeys.Unindexed foreign : unindexed) {
            String columns = String.join(", ", foreign.columns());
            ParsedStatement statement = foreign.statement();
            findings.add(Level.WARNING, "L414", file.path(), statement.line(), "'"
                    + statement.source().summary() + "' adds a foreign key on (" + columns + ") that no key of its "
                    + "table indexes (neither one declared before it, by this or an earlier migration, nor one its "
                    + "section adds after it): the server creates an index for it and marks it as its own, which no "
                    + "dump shows, so a key added later over those columns replaces it here but keeps it in a "
                    + "database loaded from a dump. Declare the index in the same statement (KEY name (" + columns
                    + ")).");
        }
    }
}
