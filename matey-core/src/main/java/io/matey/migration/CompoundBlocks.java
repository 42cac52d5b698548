package io.matey.migration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The compound-statement blocks open at the splitter's position in a statement, read as MySQL's and MariaDB's grammar
 * reads them (SQLite's trigger bodies and PostgreSQL's {@code BEGIN ATOMIC} are the same shape): a semicolon inside
 * one does not end the statement (docs/architecture.md §3). A block keyword opens a block only where a statement
 * may start ({@code IF}, {@code LOOP}, {@code WHILE}, {@code REPEAT}, {@code FOR}, a {@code CASE} statement,
 * {@code BEGIN}; a routine's body past its parameter list and characteristics, a trigger's after {@code FOR EACH
 * ROW} and its {@code FOLLOWS}/{@code PRECEDES} clause, an event's after {@code DO}), or, for {@code BEGIN}, where a routine's, trigger's or event's body starts; {@code END} closes one
 * where a statement may start (or after {@code UNTIL}), and takes the block word after it ({@code END CASE}). So
 * {@code begin} as a column name, {@code BEGIN} as a transaction and {@code IF(...)} as a function open nothing,
 * while {@code BEGIN NOT ATOMIC} does. A {@code CASE} expression is closed by its {@code END} anywhere.
 */
final class CompoundBlocks {

    private enum Block { COMPOUND, CASE_EXPRESSION }

    private static final Set<String> BLOCK_WORDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE");
    private static final Set<String> OBJECT_KINDS = Set.of("TABLE", "VIEW", "INDEX", "SEQUENCE", "SCHEMA", "DATABASE",
            "TYPE", "DOMAIN", "USER", "ROLE", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
    private static final Set<String> ROUTINE_KINDS = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
    /** The words of a procedure's or function's characteristics ({@code READS SQL DATA}, {@code COMMENT '...'}). */
    private static final Set<String> CHARACTERISTIC_WORDS = Set.of("LANGUAGE", "SQL", "NOT", "DETERMINISTIC",
            "CONTAINS", "NO", "READS", "MODIFIES", "DATA", "SECURITY", "DEFINER", "INVOKER", "COMMENT", "RETURNS");

    private final Deque<Block> open = new ArrayDeque<>();
    private int parens;
    /** Whether the next word stands where a statement may start. */
    private boolean statementStart = true;
    private String firstWord;
    /** The kind of object a {@code CREATE} or {@code ALTER} statement names ({@code TABLE}, {@code PROCEDURE}, ...). */
    private String kind;
    /** The first word of the statement inside the innermost block; {@code HANDLER} in a handler's declaration. */
    private String innerHead;
    /** The word just read, null after any other token. */
    private String previousWord;
    private boolean previousWordAtStart;
    /** A top-level {@code BEGIN} that is a transaction unless {@code NOT ATOMIC} follows. */
    private boolean transactionBegin;
    /** Just after a closing {@code END}, whose block word ({@code END IF}) opens nothing. */
    private boolean afterEnd;
    /** In a {@code REPEAT}'s {@code UNTIL} condition, which the {@code END} closing the block follows. */
    private boolean untilCondition;
    /** Whether a {@code CREATE PROCEDURE}'s or {@code CREATE FUNCTION}'s parameter list has been read. */
    private boolean parametersRead;
    /** Past a procedure's or function's parameter list, before its body: in its characteristics or return type. */
    private boolean routineHead;
    /** In a function's {@code RETURNS} type ({@code VARCHAR(10) CHARSET utf8mb4}, ...), which is not its body. */
    private boolean returnsType;
    /** After a trigger's {@code FOLLOWS} or {@code PRECEDES}: the next token names a trigger, then the body starts. */
    private boolean triggerOrderName;

    boolean inParentheses() {
        return parens > 0;
    }

    boolean anyOpen() {
        return !open.isEmpty();
    }

    /** A word; {@code qualified} when a dot joins it to a name ({@code NEW.begin}), which makes it a name. */
    void word(String upper, boolean qualified) {
        if (triggerOrderName) {
            other();
            return;
        }
        String previous = previousWord;
        boolean atStart = statementStart || routineBodyStartsAt(upper, previous);
        boolean wasAfterEnd = afterEnd;
        boolean pendingBegin = transactionBegin;
        statementStart = false;
        afterEnd = false;
        transactionBegin = false;
        previousWord = upper;
        previousWordAtStart = atStart;
        noteHead(upper, atStart);
        if (qualified || wasAfterEnd && BLOCK_WORDS.contains(upper)) {
            return;
        }
        if (pendingBegin) {
            beginContinued(upper, previous);
            return;
        }
        switch (upper) {
            case "BEGIN" -> begin(atStart);
            case "ATOMIC" -> statementStart = ("BEGIN".equals(previous) || "NOT".equals(previous)) && anyOpen();
            case "HANDLER" -> innerHead = "DECLARE".equals(innerHead) ? upper : innerHead;
            case "IF", "WHILE", "FOR" -> openIf(atStart, false);
            case "LOOP", "REPEAT" -> openIf(atStart, true);
            case "CASE" -> open.push(atStart ? Block.COMPOUND : Block.CASE_EXPRESSION);
            case "THEN", "ELSE" -> statementStart = open.peek() == Block.COMPOUND;
            case "DO" -> statementStart = open.peek() == Block.COMPOUND || !anyOpen() && "EVENT".equals(kind);
            case "UNTIL" -> untilCondition = atStart && open.peek() == Block.COMPOUND;
            case "ROW" -> statementStart = "EACH".equals(previous) && !anyOpen() && routine();
            case "FOLLOWS", "PRECEDES" -> triggerOrderName = atStart && !anyOpen() && "TRIGGER".equals(kind);
            case "END" -> end(atStart);
            default -> {
            }
        }
    }

    /** The statement inside a block ends: the next word may start one. */
    void semicolon() {
        other();
        statementStart = true;
        innerHead = null;
    }

    /** Any token but a word or a semicolon: a literal, a quoted name, an operator, a parenthesis. */
    void punctuation(char c) {
        boolean label = c == ':' && previousWord != null && (previousWordAtStart || routineHead);
        other();
        if (c == '(') {
            parens++;
        } else if (c == ')') {
            parens = Math.max(0, parens - 1);
            noteParameterListEnd();
        }
        statementStart = label;
        routineHead &= !label;
    }

    void other() {
        statementStart = triggerOrderName;
        triggerOrderName = false;
        previousWord = null;
        afterEnd = false;
        transactionBegin = false;
    }

    private void noteHead(String upper, boolean atStart) {
        if (firstWord == null) {
            firstWord = upper;
        } else if (kind == null && parens == 0 && OBJECT_KINDS.contains(upper)) {
            kind = upper;
        }
        if (atStart && anyOpen()) {
            innerHead = upper;
        }
    }

    private void noteParameterListEnd() {
        if (parens == 0 && !parametersRead && !anyOpen() && "CREATE".equals(firstWord)
                && ("PROCEDURE".equals(kind) || "FUNCTION".equals(kind))) {
            parametersRead = true;
            routineHead = true;
        }
    }

    /**
     * Whether {@code upper}, past a procedure's or function's parameter list, is the first word of its body, which
     * stands where a statement starts ({@code IF ... END IF} with no {@code BEGIN}). Characteristics come before the
     * body, and a function's {@code RETURNS} type, which ends at {@code RETURN} or a word that opens a block (not
     * PostgreSQL's {@code TRANSFORM FOR TYPE}).
     */
    private boolean routineBodyStartsAt(String upper, String previous) {
        if (!routineHead || parens > 0) {
            return false;
        }
        returnsType |= upper.equals("RETURNS");
        boolean bodyWord = upper.equals("RETURN") || upper.equals("BEGIN")
                || BLOCK_WORDS.contains(upper) && !"TRANSFORM".equals(previous);
        routineHead = CHARACTERISTIC_WORDS.contains(upper) || returnsType && !bodyWord;
        return !routineHead;
    }

    private boolean routine() {
        return ("CREATE".equals(firstWord) || "ALTER".equals(firstWord)) && ROUTINE_KINDS.contains(kind);
    }

    private void begin(boolean atStart) {
        boolean opens = anyOpen() ? atStart || "HANDLER".equals(innerHead) : routine() && parens == 0;
        if (opens) {
            open.push(Block.COMPOUND);
            statementStart = true;
        } else if (atStart && !anyOpen()) {
            transactionBegin = true;
        }
    }

    /** After a top-level {@code BEGIN}: {@code NOT ATOMIC} makes it a block, anything else a transaction. */
    private void beginContinued(String upper, String previous) {
        if (upper.equals("NOT") && "BEGIN".equals(previous)) {
            transactionBegin = true;
        } else if (upper.equals("ATOMIC") && "NOT".equals(previous)) {
            open.push(Block.COMPOUND);
            statementStart = true;
        }
    }

    private void openIf(boolean atStart, boolean bodyFollows) {
        if (atStart) {
            open.push(Block.COMPOUND);
            statementStart = bodyFollows;
        }
    }

    private void end(boolean atStart) {
        Block top = open.peek();
        if (top == Block.CASE_EXPRESSION) {
            open.pop();
        } else if (top == Block.COMPOUND && (atStart || untilCondition)) {
            open.pop();
            untilCondition = false;
            afterEnd = true;
        }
    }
}
