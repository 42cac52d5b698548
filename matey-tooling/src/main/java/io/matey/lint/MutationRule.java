package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * L408: {@code ALTER TABLE t UPDATE ...} / {@code ALTER TABLE t DELETE WHERE ...}, and the lightweight
 * {@code DELETE FROM t WHERE ...}, on engines where they are mutations ({@link LintDialect#alterMutations}: ClickHouse). A mutation rewrites every data part of the table
 * in the background, so a large table keeps the server busy long after the migration ends, and the rows it
 * changed are gone for any down section.
 */
final class MutationRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().alterMutations()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                if (statement.startsWith("ALTER") && isMutation(statement.tokens())) {
                    findings.add(Level.WARNING, "L408", file.path(), statement.line(), "'"
                            + statement.source().summary() + "' is a mutation: the server rewrites every data part "
                            + "of the table in the background (add SETTINGS mutations_sync = 2 to wait for it), and "
                            + "no down section can restore the rows it changes.");
                } else if (statement.startsWith("DELETE")) {
                    findings.add(Level.WARNING, "L408", file.path(), statement.line(), "'"
                            + statement.source().summary() + "' is a lightweight delete, a mutation: the server marks "
                            + "the rows deleted in every data part of the table and drops them at later merges, and "
                            + "no down section can restore the rows it deletes.");
                }
            }
        }
    }

    /** A command of the ALTER (they are separated by top-level commas) that starts with UPDATE or DELETE. */
    private static boolean isMutation(List<Token> tokens) {
        int depth = 0;
        boolean commandStart = false;
        for (int i = 0; i < tokens.size(); i++) {
            String image = tokens.get(i).image;
            if (image.equals("(")) {
                depth++;
            } else if (image.equals(")")) {
                depth--;
            } else if (depth == 0 && commandStart && (TokenCursor.is(tokens.get(i), "UPDATE")
                    || TokenCursor.is(tokens.get(i), "DELETE"))) {
                return true;
            }
            commandStart = depth == 0 && (image.equals(",") || i == tableNameEnd(tokens));
        }
        return false;
    }

    /**
     * The index of the last token of the table name after {@code ALTER TABLE} ({@code t}, {@code db.t}), or of
     * its {@code ON CLUSTER name} clause.
     */
    private static int tableNameEnd(List<Token> tokens) {
        int end = 2;
        while (end + 2 < tokens.size() && tokens.get(end + 1).image.equals(".")) {
            end += 2;
        }
        if (end + 2 < tokens.size() && TokenCursor.is(tokens.get(end + 1), "ON")
                && TokenCursor.is(tokens.get(end + 2), "CLUSTER")) {
            end += 3;
        }
        return end;
    }
}
