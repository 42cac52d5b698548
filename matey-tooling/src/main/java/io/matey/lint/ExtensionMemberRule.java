package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * L420: {@code ALTER EXTENSION e ADD <object>} in an up section, on engines whose dump leaves an extension's members
 * to {@code CREATE EXTENSION} ({@link LintDialect#extensionMembersUndumped}: PostgreSQL, like pg_dump). The catalog
 * records an added object exactly as one the extension's script created, so {@code schema.sql} does not hold it:
 * {@code db bootstrap} gives a database without it, and neither a replay nor {@code db drift} can tell
 * (docs/architecture.md §5).
 */
final class ExtensionMemberRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().extensionMembersUndumped()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                if (statement.startsWith("ALTER") && addsMember(statement.tokens())) {
                    findings.add(Level.WARNING, "L420", file.path(), statement.line(), "'"
                            + statement.source().summary() + "' makes an object a member of the extension, which "
                            + "schema.sql then does not hold (the dump leaves members to CREATE EXTENSION, and the "
                            + "catalog does not tell an added member from the extension's own): `db bootstrap` "
                            + "gives a database without it, and `db drift` does not see the difference.",
                            "keep the object outside the extension (drop this statement), or ship it in the "
                            + "extension's own script as a new extension version");
                }
            }
        }
    }

    /** {@code ALTER EXTENSION name ADD ...}; {@code name} may be quoted but is one token. */
    private static boolean addsMember(List<Token> tokens) {
        return tokens.size() > 3 && TokenCursor.is(tokens.get(1), "EXTENSION") && TokenCursor.is(tokens.get(3), "ADD");
    }
}
