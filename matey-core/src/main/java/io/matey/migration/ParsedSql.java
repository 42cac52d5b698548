package io.matey.migration;

import java.util.ArrayList;
import java.util.Collections;
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
 * MySQL compound bodies, syntax JSqlParser lacks) have no tree. MySQL's executable comments are read as the code
 * they hold ({@link ExecutableComments}). Shared by lint and the write guards (docs/architecture.md §6).
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
    /** False for a statement read by its head only ({@link #head}): it gets no tree. */
    private final boolean whole;
    /**
     * One lexer a thread, set to a statement's text for each read: making one costs some ten times what reading a
     * short statement's head does, and lint reads the head of every statement of a data migration once per rule.
     */
    private static final ThreadLocal<CCJSqlParserTokenManager> LEXERS = new ThreadLocal<>();
    /** The lexer's first buffer: its default of 4096 characters (in three arrays) is mostly unused by a statement. */
    private static final int BUFFER_CHARS = 4096;

    /** Tokens read so far; a read lexes only as far as its caller looks (most checks need the head). */
    private final List<Token> tokens = new ArrayList<>();
    private boolean complete;
    private Optional<Statement> tree;

    private ParsedSql(SqlStatement source, boolean whole) {
        this.source = source;
        this.whole = whole;
    }

    public static ParsedSql of(SqlStatement source) {
        return new ParsedSql(source, true);
    }

    /**
     * The statement's first {@code chars} characters, without a tree: how lint reads a bulk {@code INSERT ... VALUES}
     * of megabytes, whose tokens and tree would take many times the memory of its text (README "Lint"). A token the
     * cut splits ends the token list.
     */
    public static ParsedSql head(SqlStatement source, int chars) {
        return source.sql().length() <= chars ? of(source)
                : new ParsedSql(new SqlStatement(source.sql().substring(0, chars), source.line()), false);
    }

    public SqlStatement source() {
        return source;
    }

    /** Every token of the statement. */
    public List<Token> tokens() {
        readUpTo(Integer.MAX_VALUE);
        return Collections.unmodifiableList(tokens);
    }

    /** The first {@code count} tokens (fewer when the statement is shorter), read without lexing the rest. */
    public List<Token> head(int count) {
        readUpTo(count);
        return Collections.unmodifiableList(tokens.subList(0, Math.min(count, tokens.size())));
    }

    public Optional<Statement> tree() {
        if (tree == null) {
            tree = whole ? parse(ExecutableComments.unwrap(source.sql())) : Optional.empty();
        }
        return tree;
    }

    /**
     * True when the text contains this word (case-insensitively, as a whole word), in code, a literal or a
     * comment: a cheap test before lexing, since a statement without the word cannot start with it.
     */
    public boolean mentions(String word) {
        String sql = source.sql();
        for (int at = indexOfIgnoreCase(sql, word, 0); at >= 0; at = indexOfIgnoreCase(sql, word, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(sql.charAt(at - 1)) && sql.charAt(at - 1) != '_';
            int end = at + word.length();
            boolean endsWord = end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_';
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    /** Compares the word only where its first letter is, found in either case by {@code indexOf}. */
    private static int indexOfIgnoreCase(String text, String word, int from) {
        char lower = Character.toLowerCase(word.charAt(0));
        char upper = Character.toUpperCase(word.charAt(0));
        int last = text.length() - word.length();
        int nextLower = text.indexOf(lower, from);
        int nextUpper = lower == upper ? -1 : text.indexOf(upper, from);
        while (nextLower >= 0 || nextUpper >= 0) {
            int at = nextUpper < 0 || nextLower >= 0 && nextLower < nextUpper ? nextLower : nextUpper;
            if (at > last) {
                return -1;
            }
            if (text.regionMatches(true, at, word, 0, word.length())) {
                return at;
            }
            if (at == nextLower) {
                nextLower = text.indexOf(lower, at + 1);
            } else {
                nextUpper = text.indexOf(upper, at + 1);
            }
        }
        return -1;
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

    /**
     * A lexical error ends the list; the tokens before it still describe the statement's head. The thread's lexer
     * keeps no place between reads, so a read lexes again the tokens held (a head of a few).
     */
    private void readUpTo(int count) {
        if (complete || tokens.size() >= count) {
            return;
        }
        String sql = ExecutableComments.unwrap(source.sql());
        SimpleCharStream chars = new SimpleCharStream(new StringProvider(sql), 1, 1,
                Math.min(BUFFER_CHARS, sql.length() + 1));
        CCJSqlParserTokenManager lexer = LEXERS.get();
        if (lexer == null) {
            lexer = new CCJSqlParserTokenManager(chars);
            LEXERS.set(lexer);
        } else {
            lexer.ReInit(chars);
        }
        int held = tokens.size();
        for (int read = 0; !complete && tokens.size() < count; read++) {
            try {
                Token t = lexer.getNextToken();
                if (t.kind == CCJSqlParserConstants.EOF) {
                    complete = true;
                } else if (read >= held) {
                    tokens.add(t);
                }
            } catch (TokenMgrException e) {
                complete = true;
            }
        }
        if (sql.length() > BUFFER_CHARS) {
            // The lexer's buffers grow to the text read; the thread's lexer keeps no statement's megabytes.
            lexer.ReInit(new SimpleCharStream(new StringProvider(""), 1, 1, 1));
        }
    }
}
