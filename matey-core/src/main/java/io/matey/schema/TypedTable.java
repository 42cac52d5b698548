package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL typed table ({@code CREATE TABLE t OF type}) as a drift draft compares it (docs/architecture.md §5):
 * its columns are the type's attributes, and its list gives only their options ({@code a WITH OPTIONS DEFAULT 1 NOT
 * NULL}) and its constraints. Written out as the plain table it stands for, the type's attribute types with the
 * options, it is drafted as any table ({@link TableDraft}: defaults, nullability, constraints); a table made typed or
 * untyped by hand, or given another type, gets {@code ALTER TABLE t NOT OF} before the column changes and
 * {@code OF type} after them. Where its type stays, the table is read with the type's live attributes on both sides:
 * the type's own changes ({@link CompositeType}) make them in the table.
 */
final class TypedTable {

    private static final Pattern TYPED = Pattern.compile("^CREATE TABLE (" + DraftTarget.NAME + ") OF ("
            + DraftTarget.NAME + ")");
    private static final Pattern OPTIONS = Pattern.compile("^(" + DraftTarget.NAME + ") WITH OPTIONS(?: (.*))?$",
            Pattern.DOTALL);
    private static final String CREATE_TABLE = "CREATE TABLE ";

    private TypedTable() {
    }

    /**
     * The table's draft, or null when neither block is a typed table whose type {@code blocks} holds.
     *
     * @param table     the table's name as the dump writes it
     * @param committed the committed {@code CREATE TABLE}, with its dump's blocks keyed as {@link DriftDraft#key}
     *                  keys them
     * @param live      the live one, likewise
     */
    static TableDraft of(String table, String committed, Map<String, String> committedBlocks, String live,
            Map<String, String> liveBlocks, DraftDialect dialect) {
        String before = typeOf(committed);
        String after = typeOf(live);
        // the same type's attributes changed are drafted with it, CASCADE changing the table: both read as it leaves them
        String plainBefore = before == null ? committed
                : plain(committed, before.equals(after) ? liveBlocks : committedBlocks);
        String plainAfter = after == null ? live : plain(live, liveBlocks);
        if (before == null && after == null || plainBefore == null || plainAfter == null) {
            return null;
        }
        TableDraft draft = TableDraft.of(table, plainBefore, plainAfter, dialect);
        if (before != null && before.equals(after)) {
            return draft;
        }
        List<String> up = new ArrayList<>(draft.up());
        List<String> down = new ArrayList<>(draft.down());
        String alter = "ALTER TABLE " + table;
        if (before != null) {
            up.add(0, alter + " NOT OF;");
            down.add(alter + " OF " + before + ";");
        }
        if (after != null) {
            up.add(alter + " OF " + after + ";");
            down.add(0, alter + " NOT OF;");
        }
        return new TableDraft(up, down, draft.differences());
    }

    /** The type a typed table's block names, or null for another block. */
    static String typeOf(String block) {
        Matcher typed = TYPED.matcher(block);
        return typed.find() ? typed.group(2) : null;
    }

    /**
     * The plain {@code CREATE TABLE} a typed table stands for: each of its type's attributes with the options the
     * table gives it, then its constraints and what follows its list; null when the type's block is not at hand.
     */
    private static String plain(String block, Map<String, String> blocks) {
        Matcher typed = TYPED.matcher(block);
        typed.find();
        String type = blocks.get("TYPE " + typed.group(2));
        TableElements attributes = type == null ? null : TableElements.parse(type);
        if (attributes == null) {
            return null;
        }
        String rest = block.substring(typed.end()).strip();
        List<String> elements = new ArrayList<>();
        int close = rest.startsWith("(") ? ElementList.split(rest, 1, elements) : -1;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> listed = new ArrayList<>();
        for (String element : elements) {
            Matcher option = OPTIONS.matcher(element);
            if (option.matches()) {
                options.put(option.group(1), option.group(2) == null ? "" : " " + option.group(2));
            } else {
                listed.add(element);
            }
        }
        List<String> columns = new ArrayList<>();
        attributes.columns().forEach((name, definition) -> columns.add(definition + options.getOrDefault(name, "")));
        columns.addAll(listed);
        return CREATE_TABLE + typed.group(1) + " (\n    " + String.join(",\n    ", columns) + "\n)"
                + (close < 0 ? rest : rest.substring(close + 1));
    }
}
