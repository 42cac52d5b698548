package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import java.util.List;

/**
 * L015: a section of several statements on an engine that refuses a request holding more than one
 * ({@link LintDialect#oneStatementPerRequest}: ClickHouse). dbmate sends a section as one request, so it fails on such
 * a file and records nothing, while Matey runs the statements one by one (docs/architecture.md §9). A warning, not a
 * refusal: Matey runs the file; a target that sets {@code allow_non_dbmate_files} is not run by dbmate and is not told.
 */
final class MultiStatementSectionRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().oneStatementPerRequest() || context.target().allowNonDbmateFiles()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            file.forEachSection((section, statements) -> check(file, section, statements, findings));
        }
    }

    /** Reported at the second statement, where the server's parser stops ({@code Multi-statements are not allowed}). */
    private static void check(MigrationFile file, Section section, List<ParsedStatement> statements,
            Findings findings) {
        if (statements.size() < 2) {
            return;
        }
        findings.add(Level.WARNING, "L015", file.path(), statements.get(1).line(), "The '-- migrate:" + section.kind()
                + "' section holds " + statements.size() + " statements: dbmate sends a section as one request, which "
                + "ClickHouse refuses ('Multi-statements are not allowed'), so dbmate fails on this migration and "
                + "records nothing; Matey runs the statements one by one.",
                "if dbmate runs these files too, give each statement a migration of its own (`matey db new`); if "
                        + "not, set allow_non_dbmate_files = true in config.toml");
    }
}
