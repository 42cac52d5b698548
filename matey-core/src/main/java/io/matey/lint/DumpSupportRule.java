package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.Arrays;
import java.util.List;

/**
 * L301: an up section creates a PostgreSQL object of a kind Matey's canonical dump does not render
 * (docs/architecture.md §5: such a dump fails, naming the object), so replay would stop at this migration. The
 * kinds are those {@code engine.postgres.UnsupportedObjects} refuses; Python matey's L301 says the same of the
 * objects its BigQuery emulator dump cannot render.
 */
final class DumpSupportRule implements LintRule {

    /** The keywords after {@code CREATE [OR REPLACE]} that name each unsupported kind, with the kind's name. */
    private static final List<String[]> KINDS = List.of(
            new String[] {"access methods", "ACCESS", "METHOD"},
            new String[] {"conversions", "CONVERSION"},
            new String[] {"conversions", "DEFAULT", "CONVERSION"},
            new String[] {"languages", "LANGUAGE"},
            new String[] {"languages", "TRUSTED", "LANGUAGE"},
            new String[] {"languages", "PROCEDURAL", "LANGUAGE"},
            new String[] {"languages", "TRUSTED", "PROCEDURAL", "LANGUAGE"},
            new String[] {"transforms", "TRANSFORM"},
            new String[] {"text search parsers", "TEXT", "SEARCH", "PARSER"},
            new String[] {"text search templates", "TEXT", "SEARCH", "TEMPLATE"},
            new String[] {"subscriptions", "SUBSCRIPTION"});

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.isEngine("postgres")) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                String kind = unsupportedKind(statement);
                if (kind != null) {
                    findings.add(Level.ERROR, "L301", file.path(), statement.line(), "The PostgreSQL schema dump "
                            + "does not render " + kind + ", so schema apply cannot replay this migration.");
                }
            }
        }
    }

    private static String unsupportedKind(ParsedStatement statement) {
        TokenCursor cursor = new TokenCursor(statement.tokens());
        if (!cursor.accept("CREATE")) {
            return null;
        }
        cursor.accept("OR", "REPLACE");
        for (String[] kind : KINDS) {
            if (cursor.accept(Arrays.copyOfRange(kind, 1, kind.length))) {
                return kind[0];
            }
        }
        if (cursor.accept("TYPE") && cursor.name() != null) {
            // Enum, composite, range and domain types are dumped; a base or shell type is not.
            if (cursor.peek("(") || cursor.peek(";") || !cursor.peek("AS")) {
                return "base or shell types";
            }
        }
        return null;
    }
}
