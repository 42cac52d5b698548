package io.matey.engine.sqlite;

import io.matey.lint.LintDialect;
import java.util.regex.Pattern;

/**
 * What lint knows of SQLite's SQL (docs/architecture.md §3): {@code PRAGMA foreign_keys} is a no-op inside a
 * transaction, so the documented table rebuild (foreign keys off, rebuild, {@code PRAGMA foreign_key_check}, on
 * again) needs its {@code transaction:false} section, as {@code PRAGMA journal_mode} and {@code VACUUM} do, which
 * SQLite refuses inside one.
 */
final class SqliteLintDialect implements LintDialect {

    static final SqliteLintDialect INSTANCE = new SqliteLintDialect();

    private static final Pattern OUTSIDE_ONLY = Pattern.compile(
            "(?is)(?:PRAGMA\\s+(?:\\w+\\s*\\.\\s*)?(?:foreign_keys|journal_mode)\\s*=|VACUUM\\b).*");

    private SqliteLintDialect() {
    }

    @Override
    public boolean onlyOutsideTransaction(String statement) {
        return OUTSIDE_ONLY.matcher(statement.strip()).matches();
    }
}
