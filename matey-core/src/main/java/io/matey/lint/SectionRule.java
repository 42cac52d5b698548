package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import java.util.List;

/** L005, L101, L102, L103, L106: whether each section has SQL to run, and how it runs. */
final class SectionRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            checkUpExecutable(context, file, findings);
            Section down = file.script().down();
            // Without a down marker only L010 (DbmateMarkerRule) reports the file: dbmate refuses it.
            boolean marked = down.markerLine() > 0;
            if (marked && down.sql().isBlank()) {
                // L101 says it all: L103 (irreversible) as well would report one fact twice.
                findings.add(Level.WARNING, "L101", file.path(), null, "Migration has an empty down section.");
            } else if (marked && !hasExecutableDown(context, file)) {
                findings.add(Level.WARNING, "L102", file.path(), down.markerLine(),
                        "Migration down section exists but has no executable SQL.");
                irreversible(file, findings);
            }
            for (Section section : List.of(file.script().up(), down)) {
                if (!section.transaction()) {
                    findings.add(Level.WARNING, "L106", file.path(), section.markerLine(),
                            "Migration uses transaction:false.");
                }
            }
        }
    }

    /** A down section holding only session settings (PostgreSQL's SET) restores nothing (as in Python matey). */
    private static boolean hasExecutableDown(LintContext context, MigrationFile file) {
        boolean settingsOnly = context.facts().setStatementsAreSessionSettings();
        return file.downStatements().stream().anyMatch(statement -> !(settingsOnly && statement.startsWith("SET")));
    }

    private static void irreversible(MigrationFile file, Findings findings) {
        findings.add(Level.WARNING, "L103", file.path(), null, "Migration is irreversible: no executable down SQL.");
    }

    /** L005, from the statement splitter alone: commands that run migrations check it where JSqlParser is absent. */
    static void checkUpExecutable(LintContext context, MigrationFile file, Findings findings) {
        if (!file.script().up().isExecutable(context.dialect().orElseThrow())) {
            // No comment accepts it: every command that runs migrations refuses the file (RunnableMigrations).
            findings.addWithFix(Level.ERROR, "L005", file.path(), null, "Migration has no executable up SQL.",
                    "write the migration's SQL below -- migrate:up, or delete the file if `db new` made it by mistake");
        }
    }
}
