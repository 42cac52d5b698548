package io.matey.lint;

import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * A migration statement as JSqlParser reads it: its token stream (comments and literals already told apart from
 * keywords) and, when the grammar accepts it, its syntax tree. The tree is built on first use, since full parses
 * dominate lint time and most rules need only the tokens. Statements the grammar rejects (PL/pgSQL bodies,
 * syntax JSqlParser lacks) have no tree and are skipped by the rules that need one.
 */
final class ParsedStatement {

    /**
     * JSqlParser runs each parse on an executor so that it can give up on pathological input after its timeout.
     * Its default creates a thread per parse; idle threads are reused here, and a runaway parse only holds its own.
     */
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "matey-lint-parser");
        thread.setDaemon(true);
        return thread;
    });

    private final SqlStatement source;
    private final List<Token> tokens;
    private Optional<Statement> tree;

    private ParsedStatement(SqlStatement source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static ParsedStatement of(SqlStatement source) {
        return new ParsedStatement(source, tokens(source.sql()));
    }

    SqlStatement source() {
        return source;
    }

    int line() {
        return source.line();
    }

    List<Token> tokens() {
        return tokens;
    }

    Optional<Statement> tree() {
        if (tree == null) {
            tree = parse(source.sql());
        }
        return tree;
    }

    /** True when the statement starts with this keyword. */
    boolean startsWith(String keyword) {
        return !tokens.isEmpty() && TokenCursor.is(tokens.get(0), keyword);
    }

    /** True when this keyword occurs outside literals, quoted names and comments. */
    boolean contains(String keyword) {
        return tokens.stream().anyMatch(t -> TokenCursor.is(t, keyword));
    }

    private static Optional<Statement> parse(String sql) {
        try {
            return Optional.of(CCJSqlParserUtil.parse(sql, PARSER, parser -> { }));
        } catch (JSQLParserException | TokenMgrException e) {
            return Optional.empty();
        }
    }

    /** A lexical error ends the list; the tokens before it still describe the statement's head. */
    private static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(sql)));
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
