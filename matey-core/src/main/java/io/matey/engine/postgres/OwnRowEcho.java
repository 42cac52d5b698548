package io.matey.engine.postgres;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Echoes a text that passes its own table's row on ({@code public.full_name(people.*)} in an index, a CHECK or
 * EXCLUDE constraint, a policy) through temporary views over the table itself (docs/architecture.md §5). A copy's
 * row has another type, which the function does not take; re-creating the text on the table would build the index
 * (reading every row, blocking writes) or take an ACCESS EXCLUSIVE lock, on a live database too. A view takes an
 * ACCESS SHARE lock and reads no row. Each expression of the text goes into the WHERE clause of a view of its own,
 * a condition as it is and a value as {@code (value) IS NULL}; PostgreSQL prints it there with the deparser that
 * prints indexes, constraints and policies, but a level deeper and, before version 16, with the table's columns
 * named by the table: {@link #text} undoes both and puts the expressions back in the text's other parts, which hold
 * nothing deparsed (operator classes, collations, orderings, included columns, storage options).
 */
final class OwnRowEcho {

    enum Form {
        CONSTRAINT, INDEX_TAIL, POLICY
    }

    /** An expression of the text, {@code [start, end)}; a value (an index key) or a condition. */
    private record Slot(int start, int end, boolean value) {
    }

    /** PRETTYINDENT_STD: a view's WHERE clause is printed one level deeper than a standalone expression. */
    private static final int VIEW_INDENT = 8;

    private static final String IS_NULL = " IS NULL)";

    private final String relation;
    private final String own;
    private final String text;
    private final List<Slot> slots;

    private OwnRowEcho(String relation, String own, String text, List<Slot> slots) {
        this.relation = relation;
        this.own = own;
        this.text = text;
        this.slots = slots;
    }

    /** @param own the table's name as the text prints it ({@link EchoTables#ownName}) */
    static OwnRowEcho of(Form form, String relation, String own, String text) {
        return new OwnRowEcho(relation, own, text, slots(form, text));
    }

    /** How many views echo the text. */
    int size() {
        return slots.size();
    }

    /** The statement that creates view {@code name}, the echo of expression {@code slot}. */
    String view(int slot, String name) {
        Slot s = slots.get(slot);
        String expression = text.substring(s.start, s.end);
        return "CREATE VIEW " + name + " AS SELECT FROM " + relation + " WHERE "
                + (s.value ? "(" + expression + ") IS NULL" : expression);
    }

    /** The text with each expression as its view, {@code printed} in slot order by pg_get_viewdef, prints it. */
    String text(List<String> printed) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            out.append(text, copied, s.start).append(expression(printed.get(i), s.value));
            copied = s.end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static List<Slot> slots(Form form, String text) {
        List<Slot> slots = new ArrayList<>();
        if (form == Form.POLICY) {
            slots.add(new Slot(0, text.length(), false));
            return slots;
        }
        int open = DeparsedText.find(text, 0, text.length(), "(");
        int close = open < 0 ? -1 : DeparsedText.closing(text, open);
        if (close < 0) {
            return slots;
        }
        if (form == Form.CONSTRAINT && text.startsWith("CHECK")) {
            slots.add(new Slot(open + 1, close, false));
            return slots;
        }
        // USING method (key, ...) [INCLUDE (...)] [WITH (...)] [WHERE predicate]; an EXCLUDE's keys are "key WITH op"
        for (int start = open + 1; start < close; ) {
            int comma = DeparsedText.find(text, start, close, ",");
            int end = comma < 0 ? close : comma;
            Slot key = key(text, start, end);
            if (key != null) {
                slots.add(key);
            }
            start = end + 1;
        }
        int where = DeparsedText.find(text, close + 1, text.length(), "WHERE");
        if (where < 0 || where + 6 > text.length()) {
            return slots;
        }
        int predicate = where + 6; // "WHERE" and the one blank after it
        if (form == Form.CONSTRAINT) { // an EXCLUDE's predicate is parenthesised, DEFERRABLE may follow
            int end = text.charAt(predicate) == '(' ? DeparsedText.closing(text, predicate) : -1;
            if (end > 0) {
                slots.add(new Slot(predicate + 1, end, false));
            }
        } else {
            slots.add(new Slot(predicate, text.length(), false));
        }
        return slots;
    }

    /** The expression of an index key in {@code [start, end)}: {@code (expression)} or a call; null for a column. */
    private static Slot key(String text, int start, int end) {
        int i = start;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < end && text.charAt(i) == '(') {
            int close = DeparsedText.closing(text, i);
            return close < 0 || close > end ? null : new Slot(i + 1, close, true);
        }
        int name = DeparsedText.qualifiedNameEnd(text, i);
        if (name > i && name < end && text.charAt(name) == '(') {
            int close = DeparsedText.closing(text, name);
            return close < 0 || close > end ? null : new Slot(i, close + 1, true);
        }
        return null;
    }

    /** The expression as a view's definition prints it, {@code " SELECT\n   FROM t\n  WHERE e;"}, printed standalone. */
    private String expression(String printed, boolean value) {
        int from = printed.indexOf(" FROM ") + 6;
        int line = printed.indexOf('\n', from);
        int body = printed.indexOf("WHERE", line) + 5;
        if (printed.charAt(body) == ' ') {
            body++;
        }
        int end = printed.endsWith(";") ? printed.length() - 1 : printed.length();
        String expression = value ? printed.substring(body + 1, end - IS_NULL.length()) : printed.substring(body, end);
        return unqualified(outdented(expression), referenceName(printed.substring(from, line).strip()));
    }

    /** The name a view's query refers to the table by: its own, or one that PostgreSQL made unique ({@code new_1}). */
    private static String referenceName(String fromItem) {
        int name = 0;
        int end = DeparsedText.nameEnd(fromItem, 0);
        while (end < fromItem.length() && fromItem.charAt(end) == '.') {
            name = end + 1;
            end = DeparsedText.nameEnd(fromItem, name);
        }
        return end < fromItem.length() ? fromItem.substring(end).strip() : fromItem.substring(name, end);
    }

    /** The text without the view's level of indentation: up to {@link #VIEW_INDENT} blanks after each line break. */
    private static String outdented(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        for (int i = 0; i < expression.length(); i++) {
            int skipped = DeparsedText.skipQuoted(expression, i);
            if (skipped > i) {
                out.append(expression, i, skipped);
                i = skipped - 1;
                continue;
            }
            out.append(expression.charAt(i));
            if (expression.charAt(i) == '\n') {
                for (int blanks = 0; blanks < VIEW_INDENT && i + 1 < expression.length()
                        && expression.charAt(i + 1) == ' '; blanks++) {
                    i++;
                }
            }
        }
        return out.toString();
    }

    /**
     * The text with the table's columns as an index, a constraint or a policy prints them: bare at the top
     * ({@code first}, not {@code people.first}), by the table's name in a subquery, the whole row always by the
     * table's name ({@code people.*}). A name after the table's that is called, or follows {@code ::},
     * {@code COLLATE} or {@code OPERATOR(}, is a schema's function, type, collation or operator and stays as it is.
     */
    private String unqualified(String expression, String reference) {
        String prefix = reference + ".";
        StringBuilder out = new StringBuilder(expression.length());
        Deque<Boolean> parentheses = new ArrayDeque<>();
        int subqueries = 0;
        for (int i = 0; i < expression.length(); ) {
            if (expression.startsWith(prefix, i) && (i == 0 || !isNameEnd(expression.charAt(i - 1)))) {
                int name = i + prefix.length();
                if (name < expression.length() && expression.charAt(name) == '*') {
                    out.append(own).append(".*");
                    i = name + 1;
                    continue;
                }
                int end = DeparsedText.nameEnd(expression, name);
                boolean column = end > name && (end == expression.length() || expression.charAt(end) != '(')
                        && !namesOther(expression, i);
                out.append(!column ? prefix : subqueries > 0 ? own + "." : "").append(expression, name, end);
                i = end;
                continue;
            }
            int skipped = DeparsedText.skipQuoted(expression, i);
            if (skipped > i) {
                out.append(expression, i, skipped);
                i = skipped;
                continue;
            }
            char c = expression.charAt(i);
            if (c == '(') {
                boolean subquery = startsQuery(expression, i + 1);
                parentheses.push(subquery);
                subqueries += subquery ? 1 : 0;
            } else if (c == ')' && !parentheses.isEmpty() && parentheses.pop()) {
                subqueries--;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isNameEnd(char c) {
        return DeparsedText.isNamePart(c) || c == '.' || c == '"';
    }

    private static boolean namesOther(String expression, int at) {
        String before = expression.substring(0, at).stripTrailing();
        return before.endsWith("::") || before.endsWith("COLLATE") || before.endsWith("OPERATOR(");
    }

    private static boolean startsQuery(String expression, int at) {
        int i = at;
        while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
            i++;
        }
        int end = DeparsedText.nameEnd(expression, i);
        String word = expression.substring(i, end);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES");
    }
}
