package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.parser.Token;

/**
 * L416: a section that adds an enum value ({@code ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'x'}) and uses it (the
 * literal {@code 'x'}) in a later statement other than {@code ALTER TYPE}, where the dialect says a new value waits for its transaction's commit
 * ({@link LintDialect#newEnumValuesWaitForCommit}: PostgreSQL, "unsafe use of new value"). The section is one
 * transaction to dbmate even under {@code transaction:false}, which it sends as one query (as L013 says), so only a
 * later migration can use the value. The literal is matched as text: one that means something else is a false
 * alarm, which {@code -- matey:nolint L416} accepts.
 */
final class NewEnumValueUseRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().newEnumValuesWaitForCommit()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            file.forEachSection((section, statements) -> check(file, section, statements, findings));
        }
    }

    private static void check(MigrationFile file, Section section, List<ParsedStatement> statements,
            Findings findings) {
        Map<String, ParsedStatement> added = new HashMap<>();
        for (ParsedStatement statement : statements) {
            if (!alterType(statement)) {
                if (!added.isEmpty()) {
                    reportUses(file, section, statement, added, findings);
                }
                continue;
            }
            // ALTER TYPE may name a new value (ADD VALUE 'y' AFTER 'x', RENAME VALUE): PostgreSQL accepts that.
            String value = addedValue(statement.tokens());
            if (value != null) {
                added.putIfAbsent(value, statement);
            }
        }
    }

    /** Reports the first use of each value added earlier in the section, which is then forgotten. */
    private static void reportUses(MigrationFile file, Section section, ParsedStatement statement,
            Map<String, ParsedStatement> added, Findings findings) {
        if (!mentionsAny(statement.source().sql(), added)) {
            return;
        }
        for (Token token : statement.tokens()) {
            ParsedStatement adding = added.remove(token.image);
            if (adding != null) {
                findings.add(Level.WARNING, "L416", file.path(), statement.line(), "'" + statement.source().summary()
                        + "' uses " + token.image + ", which '" + adding.source().summary() + "' (line "
                        + adding.line() + ") adds in the same " + section.kind() + " section: PostgreSQL refuses a new "
                        + "enum value until the transaction that added it commits (unsafe use of new value), and "
                        + "the section is one transaction, to dbmate even under transaction:false.",
                        "use the value in a later migration");
            }
        }
    }

    /** A cheap test on the text before lexing it: most statements of a data migration name no new value. */
    private static boolean mentionsAny(String sql, Map<String, ParsedStatement> added) {
        for (String literal : added.keySet()) {
            if (sql.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean alterType(ParsedStatement statement) {
        List<Token> head = statement.head(2);
        return head.size() == 2 && TokenCursor.is(head.get(0), "ALTER") && TokenCursor.is(head.get(1), "TYPE");
    }

    /** The quoted literal of {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'x' ...}; null for another change. */
    private static String addedValue(List<Token> tokens) {
        for (int i = 3; i + 1 < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i - 1), "ADD") && TokenCursor.is(tokens.get(i), "VALUE")) {
                TokenCursor rest = new TokenCursor(tokens.subList(i + 1, tokens.size()));
                rest.accept("IF", "NOT", "EXISTS");
                int at = i + 1 + rest.position();
                return at < tokens.size() && tokens.get(at).image.startsWith("'") ? tokens.get(at).image : null;
            }
        }
        return null;
    }
}
