package io.matey.lint;

import io.matey.lint.Finding.Level;

/**
 * L409: {@code ON CLUSTER} on engines with distributed DDL ({@link LintDialect#clusterDdl}: ClickHouse). The
 * statement runs on every replica through the distributed DDL queue: replay in a scratch database cannot
 * reproduce it, and the other replicas stay outside what the live commands verify.
 */
final class ClusterDdlRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().clusterDdl()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.statements()) {
                if (!statement.mentions("CLUSTER")) {
                    continue;
                }
                var tokens = statement.tokens();
                for (int i = 0; i + 1 < tokens.size(); i++) {
                    if (TokenCursor.is(tokens.get(i), "ON") && TokenCursor.is(tokens.get(i + 1), "CLUSTER")) {
                        findings.add(Level.ERROR, "L409", file.path(), statement.line(), "ON CLUSTER sends '"
                                + statement.source().summary() + "' to every replica through the distributed DDL "
                                + "queue, which a replay in one scratch database cannot check; migrate each "
                                + "replica's database as a target (or use a Replicated database) without ON CLUSTER.");
                        break;
                    }
                }
            }
        }
    }
}
