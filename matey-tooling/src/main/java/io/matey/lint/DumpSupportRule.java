package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;

/**
 * L301: an up section creates an object of a kind the engine's canonical dump does not render
 * (docs/architecture.md §5: such a dump fails, naming the object), so replay would stop at this migration. The
 * engine says which kinds through {@link LintDialect#undumpable}; Python matey's L301 says the same of the
 * objects its BigQuery emulator dump cannot render.
 */
final class DumpSupportRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        LintDialect facts = context.facts();
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                if (!statement.startsWith("CREATE") && !statement.startsWith("ALTER")) {
                    continue; // what LintDialect.undumpable reads
                }
                List<String> tokens = statement.tokens().stream().map(token -> token.image).toList();
                facts.undumpable(tokens).ifPresent(reason -> findings.add(Level.ERROR, "L301", file.path(),
                        statement.line(), reason + ", so schema apply cannot replay this migration."));
            }
        }
    }
}
