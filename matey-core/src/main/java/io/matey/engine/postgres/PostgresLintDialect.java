package io.matey.engine.postgres;

import io.matey.lint.LintDialect;

/**
 * What lint knows of PostgreSQL's SQL (docs/architecture.md §3). No kind a migration creates by a statement of
 * its own is left out of the dump: a subscription, the one the dump refuses, is the write guard's (L104).
 */
final class PostgresLintDialect implements LintDialect {

    @Override
    public boolean setStatementsAreSessionSettings() {
        return true;
    }

    @Override
    public boolean concurrentIndexBuilds() {
        return true;
    }

    @Override
    public boolean searchPathIsSessionState() {
        return true;
    }
}
