package io.matey.lint;

import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/**
 * A migration statement as the rules read it: JSqlParser's tokens and (lazily) its syntax tree, through
 * {@link ParsedSql}, which the write guards share. Statements the grammar rejects have no tree and are
 * skipped by the rules that need one.
 */
final class ParsedStatement {

    /**
     * The characters of a statement the rules read: a longer one is data as far as they are concerned (a bulk
     * {@code INSERT ... VALUES}), read by its head, with no tree (README "Lint").
     */
    static final int HEAD_CHARS = 64 * 1024;

    private final ParsedSql parsed;

    private ParsedStatement(ParsedSql parsed) {
        this.parsed = parsed;
    }

    static ParsedStatement of(SqlStatement source) {
        return new ParsedStatement(ParsedSql.head(source, HEAD_CHARS));
    }

    ParsedSql parsed() {
        return parsed;
    }

    SqlStatement source() {
        return parsed.source();
    }

    int line() {
        return parsed.source().line();
    }

    List<Token> tokens() {
        return parsed.tokens();
    }

    Optional<Statement> tree() {
        return parsed.tree();
    }

    /**
     * The first {@code count} tokens, lexing no further: most rules ask a statement's head, and lexing all of every
     * statement of a data migration for each of them was most of its lint (README "Lint").
     */
    List<Token> head(int count) {
        return parsed.head(count);
    }

    /** True when the statement starts with this keyword. */
    boolean startsWith(String keyword) {
        List<Token> first = head(1);
        return !first.isEmpty() && TokenCursor.is(first.get(0), keyword);
    }

    /** True when the text holds this word (a cheap test first), as a token outside literals, quoted names and comments. */
    boolean mentions(String word) {
        return parsed.mentions(word);
    }

    /** True when this keyword occurs outside literals, quoted names and comments. */
    boolean contains(String keyword) {
        return mentions(keyword) && tokens().stream().anyMatch(t -> TokenCursor.is(t, keyword));
    }
}
