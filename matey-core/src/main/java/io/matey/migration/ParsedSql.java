package io.matey.migration;

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
 * are the expensive part and many checks need only the tokens. Statements the grammar rejects (PL/pgSQL and
 * MySQL compound bodies, syntax JSqlParser lacks) have no tree. Shared by lint and the write guards
 * (docs/architecture.md §6).
 */
public final class ParsedSql {

    /**
     * JSqlParser runs each parse on an executor so that it can give up on pathological input after its timeout.
     * Its default creates a thread per parse; idle threads are reused here, and a runaway parse only holds its own.
     */
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "matey-sql-parser");
        thread.setDaemon(true);
        return thread;
    });

    private final SqlStatement source;
    private final List<Token> tokens;
    private Optional<Statement> tree;

    private ParsedSql(SqlStatement source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    public static ParsedSql of(SqlStatement source) {
        return new ParsedSql(source, tokens(source.sql()));
    }

    public SqlStatement source() {
        return source;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Optional<Statement> tree() {
        if (tree == null) {
            tree = parse(source.sql());
        }
        return tree;
    }

    /** True when token {@code token} is this keyword (or punctuation), compared case-insensitively. */
    public static boolean is(Token token, String keyword) {
        return token.image.equalsIgnoreCase(keyword);
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
