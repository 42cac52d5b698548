package io.matey.engine.postgres;

import io.matey.lint.ColumnTypeFacts;
import io.matey.lint.LintDialect;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What lint knows of PostgreSQL's SQL (docs/architecture.md §3). No kind a migration creates by a statement of
 * its own is left out of the dump: a subscription, the one the dump refuses, is the write guard's (L104).
 */
final class PostgresLintDialect implements LintDialect {

    /**
     * Statements PostgreSQL refuses inside a transaction block ("... cannot run inside a transaction block"), as
     * PostgreSQL 12 and later decide it: {@code ALTER TYPE ... ADD VALUE} runs in one since 12, so it is not here.
     */
    private static final List<Refused> REFUSED_IN_TRANSACTION_BLOCK = List.of(
            new Refused("CREATE INDEX CONCURRENTLY", "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b"),
            new Refused("DROP INDEX CONCURRENTLY", "DROP\\s+INDEX\\s+CONCURRENTLY\\b"),
            new Refused("REINDEX CONCURRENTLY", "REINDEX\\b.*\\bCONCURRENTLY\\b"),
            new Refused("REINDEX SCHEMA|DATABASE|SYSTEM", "REINDEX\\s+(\\(.*?\\)\\s*)?(SCHEMA|DATABASE|SYSTEM)\\b"),
            new Refused("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
                    "ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY\\b"),
            new Refused("VACUUM", "VACUUM\\b"),
            new Refused("CREATE DATABASE", "CREATE\\s+DATABASE\\b"),
            new Refused("DROP DATABASE", "DROP\\s+DATABASE\\b"),
            new Refused("ALTER DATABASE ... SET TABLESPACE", "ALTER\\s+DATABASE\\b.*\\bSET\\s+TABLESPACE\\b"),
            new Refused("CREATE TABLESPACE", "CREATE\\s+TABLESPACE\\b"),
            new Refused("DROP TABLESPACE", "DROP\\s+TABLESPACE\\b"),
            new Refused("ALTER SYSTEM", "ALTER\\s+SYSTEM\\b"),
            new Refused("CLUSTER without a table", "CLUSTER\\s*(\\(.*?\\)\\s*)?(VERBOSE\\s*)?$"),
            new Refused("DISCARD ALL", "DISCARD\\s+ALL\\b"),
            new Refused("COMMIT PREPARED", "COMMIT\\s+PREPARED\\b"),
            new Refused("ROLLBACK PREPARED", "ROLLBACK\\s+PREPARED\\b"));

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

    @Override
    public boolean alterTableRewritesAndScans() {
        return true;
    }

    @Override
    public boolean sessionTimeouts() {
        return true;
    }

    @Override
    public Optional<ColumnTypeFacts> columnTypes() {
        return Optional.of(new ColumnTypeFacts(6, false, false));
    }

    @Override
    public boolean newEnumValuesWaitForCommit() {
        return true;
    }

    @Override
    public boolean extensionMembersUndumped() {
        return true;
    }

    @Override
    public boolean dumpsObjectPrivileges() {
        return true;
    }

    @Override
    public Optional<String> refusedInTransactionBlock(String statement) {
        String code = statement.strip();
        return REFUSED_IN_TRANSACTION_BLOCK.stream().filter(r -> r.matches(code)).map(Refused::name).findFirst();
    }

    /** One kind of statement, matched from its first token. */
    private record Refused(String name, Pattern pattern) {

        Refused(String name, String regex) {
            this(name, Pattern.compile("(?is)^" + regex));
        }

        boolean matches(String code) {
            return pattern.matcher(code).find();
        }
    }
}
