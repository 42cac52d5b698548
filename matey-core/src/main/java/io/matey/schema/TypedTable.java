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
                : plain(committed, before.equals(after) ? liveBlocks : committedBlocks, List.of());
        String plainAfter = after == null ? live : plain(live, liveBlocks, List.of());
        if (before != null && before.equals(after)) {
            plainBefore = plain(committed, liveBlocks, droppedAttributes(before, committedBlocks, liveBlocks));
        }
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

    /**
     * What the table gives the attributes its type's change drops ({@link CompositeType}), which {@code DROP
     * ATTRIBUTE ... CASCADE} takes from the table, and the down section gives back after {@code ADD ATTRIBUTE}: their
     * options (default, {@code NOT NULL}) and the table constraints naming them. Empty where the table is untyped or
     * its type changes (docs/architecture.md §5).
     *
     * @param table     the table's name as the dump writes it
     * @param committed the committed {@code CREATE TABLE}, with its dump's blocks keyed as {@link DriftDraft#key}
     *                  keys them
     * @param live      the live one, likewise
     */
    static List<String> restoredAfterType(String table, String committed, Map<String, String> committedBlocks,
            String live, Map<String, String> liveBlocks, DraftDialect dialect) {
        String type = typeOf(committed);
        List<String> dropped = type == null || !type.equals(typeOf(live)) ? List.of()
                : droppedAttributes(type, committedBlocks, liveBlocks);
        List<String> statements = new ArrayList<>();
        if (dropped.isEmpty()) {
            return statements;
        }
        TableElements attributes = TableElements.parse(committedBlocks.get("TYPE " + type));
        Listed listed = listed(committed);
        for (String attribute : dropped) {
            String options = listed.options().get(attribute);
            String definition = attributes.columns().get(attribute);
            List<String> alter = options == null ? null
                    : dialect.alterColumn(table, attribute, definition, definition + options);
            statements.addAll(alter == null ? List.of() : alter);
        }
        for (String constraint : listed.constraints()) {
            if (dropped.stream().anyMatch(attribute -> Renames.whole(attribute).matcher(constraint).find())) {
                statements.add("ALTER TABLE " + table + " ADD " + constraint + ";");
            }
        }
        return statements;
    }

    /** The attributes the committed type has and the live one lacks. */
    private static List<String> droppedAttributes(String type, Map<String, String> committedBlocks,
            Map<String, String> liveBlocks) {
        TableElements before = committedBlocks.containsKey("TYPE " + type)
                ? TableElements.parse(committedBlocks.get("TYPE " + type)) : null;
        TableElements after = liveBlocks.containsKey("TYPE " + type)
                ? TableElements.parse(liveBlocks.get("TYPE " + type)) : null;
        return before == null || after == null ? List.of()
                : before.columns().keySet().stream().filter(name -> !after.columns().containsKey(name)).toList();
    }

    /** A typed table's list: each attribute's options (after {@code WITH OPTIONS}) by name, and its constraints. */
    private record Listed(Map<String, String> options, List<String> constraints, String rest, int close) {
    }

    private static Listed listed(String block) {
        Matcher typed = TYPED.matcher(block);
        typed.find();
        String rest = block.substring(typed.end()).strip();
        List<String> elements = new ArrayList<>();
        int close = rest.startsWith("(") ? ElementList.split(rest, 1, elements) : -1;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> constraints = new ArrayList<>();
        for (String element : elements) {
            Matcher option = OPTIONS.matcher(element);
            if (option.matches()) {
                options.put(option.group(1), option.group(2) == null ? "" : " " + option.group(2));
            } else {
                constraints.add(element);
            }
        }
        return new Listed(options, constraints, rest, close);
    }

    /** The type a typed table's block names, or null for another block. */
    static String typeOf(String block) {
        Matcher typed = TYPED.matcher(block);
        return typed.find() ? typed.group(2) : null;
    }

    /**
     * The plain {@code CREATE TABLE} a typed table stands for: each of its type's attributes with the options the
     * table gives it, then its constraints but those naming an attribute of {@code without}, and what follows its
     * list; null when the type's block is not at hand.
     */
    private static String plain(String block, Map<String, String> blocks, List<String> without) {
        Matcher typed = TYPED.matcher(block);
        typed.find();
        String type = blocks.get("TYPE " + typed.group(2));
        TableElements attributes = type == null ? null : TableElements.parse(type);
        if (attributes == null) {
            return null;
        }
        Listed listed = listed(block);
        List<String> columns = new ArrayList<>();
        attributes.columns().forEach((name, definition) -> columns.add(definition
                + listed.options().getOrDefault(name, "")));
        listed.constraints().stream().filter(constraint -> without.stream()
                .noneMatch(attribute -> Renames.whole(attribute).matcher(constraint).find())).forEach(columns::add);
        return CREATE_TABLE + typed.group(1) + " (\n    " + String.join(",\n    ", columns) + "\n)"
                + (listed.close() < 0 ? listed.rest() : listed.rest().substring(listed.close() + 1));
    }
}
