package io.matey.lint;

import io.matey.engine.Engine;
import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import java.util.List;

/** L005, L101, L102, L103, L106, L415: whether each section has SQL to run, and how it runs. */
final class SectionRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            checkUpExecutable(context, file, findings);
            Section down = file.script().down();
            // Without a down marker only L010 (DbmateMarkerRule) reports the file: dbmate refuses it.
            boolean marked = down.markerLine() > 0;
            // One finding per down section without effect, so that one fact is not reported twice.
            if (marked && down.sql().isBlank()) {
                findings.add(Level.WARNING, "L101", file.path(), null, "Migration has an empty down section.");
            } else if (marked && file.downStatements().isEmpty()) {
                // Comments only: usually why the migration cannot be undone, which this accepts for the whole file.
                findings.add(Level.WARNING, "L103", file.path(), null, "Migration is irreversible: no executable down SQL.");
            } else if (marked && !hasExecutableDown(context, file)) {
                findings.add(Level.WARNING, "L102", file.path(), down.markerLine(),
                        "Migration down section exists but has no executable SQL: its statements only change session "
                                + "settings, so the migration is irreversible.");
            }
            checkTransactionFalse(context, file, file.script().up(), file.upStatements(), findings);
            checkTransactionFalse(context, file, down, file.downStatements(), findings);
            checkOutsideOnly(context, file, file.script().up(), file.upStatements(), findings);
            checkOutsideOnly(context, file, down, file.downStatements(), findings);
        }
    }

    /**
     * L106, once per {@code transaction:false} section, with what the directive does there: not for a section holding
     * a statement the server refuses inside a transaction block, which needs it (L013 reports one among others), or
     * one that takes effect only outside one (SQLite's table rebuild turns {@code PRAGMA foreign_keys} off around it).
     */
    private static void checkTransactionFalse(LintContext context, MigrationFile file, Section section,
            List<ParsedStatement> statements, Findings findings) {
        LintDialect facts = context.facts();
        if (section.transaction() || statements.stream().map(s -> s.source().code())
                .anyMatch(code -> facts.refusedInTransactionBlock(code).isPresent()
                        || facts.onlyOutsideTransaction(code))) {
            return;
        }
        String marker = "'-- migrate:" + section.kind() + " transaction:false'";
        boolean oneQuery = context.plugin().map(Engine::oneQueryIsOneTransaction).orElse(false);
        findings.add(Level.WARNING, "L106", file.path(), section.markerLine(), oneQuery
                ? "Migration uses " + marker + ", which no statement of the section needs (none refuses a "
                        + "transaction block, as CREATE INDEX CONCURRENTLY does): the section runs as one transaction all "
                        + "the same (dbmate sends it as one query, which the server runs as one transaction), so the "
                        + "directive only misleads the reader."
                : "Migration uses " + marker + ": its statements run one by one outside a transaction, so one that "
                        + "fails leaves those before it applied.",
                "write '-- migrate:" + section.kind() + "' unless a statement of the section must run outside a "
                        + "transaction");
    }

    /**
     * L415: a statement that takes effect only outside a transaction in a section that runs in one: SQLite ignores
     * {@code PRAGMA foreign_keys} there without a word (so a table rebuild runs with foreign keys on) and refuses
     * {@code PRAGMA journal_mode} and {@code VACUUM}.
     */
    private static void checkOutsideOnly(LintContext context, MigrationFile file, Section section,
            List<ParsedStatement> statements, Findings findings) {
        if (!section.transaction()) {
            return;
        }
        for (ParsedStatement statement : statements) {
            String code = statement.source().code().strip();
            if (context.facts().onlyOutsideTransaction(code)) {
                findings.add(Level.WARNING, "L415", file.path(), statement.line(), "'" + code
                        + "' takes effect only outside a transaction, and this section runs in one: SQLite ignores "
                        + "PRAGMA foreign_keys there and refuses PRAGMA journal_mode and VACUUM.",
                        "write '-- migrate:" + section.kind() + " transaction:false'");
            }
        }
    }

    /** A down section holding only session settings (PostgreSQL's SET) restores nothing (as in Python matey). */
    private static boolean hasExecutableDown(LintContext context, MigrationFile file) {
        boolean settingsOnly = context.facts().setStatementsAreSessionSettings();
        return file.downStatements().stream().anyMatch(statement -> !(settingsOnly && statement.startsWith("SET")));
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
