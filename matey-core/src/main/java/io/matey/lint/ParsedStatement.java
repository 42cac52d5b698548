package io.matey.lint;

import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * A migration statement as JSqlParser reads it: its token stream (comments and literals already told apart from
 * keywords) and, when the grammar accepts it, its syntax tree. Statements the grammar rejects (PL/pgSQL bodies,
 * syntax JSqlParser lacks) have no tree and are skipped by the rules that need one.
 */
record ParsedStatement(SqlStatement source, List<Token> tokens, Optional<Statement> tree) {

    static ParsedStatement of(SqlStatement source) {
        return new ParsedStatement(source, tokens(source.sql()), tree(source.sql()));
    }

    int line() {
        return source.line();
    }

    /** True when the statement starts with this keyword. */
    boolean startsWith(String keyword) {
        return !tokens.isEmpty() && TokenCursor.is(tokens.get(0), keyword);
    }

    /** True when this keyword occurs outside literals, quoted names and comments. */
    boolean contains(String keyword) {
        return tokens.stream().anyMatch(t -> TokenCursor.is(t, keyword));
    }

    private static Optional<Statement> tree(String sql) {
        try {
            return Optional.of(CCJSqlParserUtil.parse(sql));
        } catch (JSQLParserException | TokenMgrException e) {
            return Optional.empty();
        }
    }

    /** A lexical error ends the list; the tokens before it still describe the statement's head. */
    private static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        CCJSqlParser lexer = CCJSqlParserUtil.newParser(sql);
        try {
            for (Token t = lexer.getNextToken(); t.kind != CCJSqlParserConstants.EOF; t = lexer.getNextToken()) {
                tokens.add(t);
            }
        } catch (TokenMgrException e) {
            // keep what was read
        }
        return List.copyOf(tokens);
    }
}
