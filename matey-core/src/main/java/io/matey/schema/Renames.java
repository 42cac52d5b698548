package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renames a drift looks like (docs/architecture.md §7), drafted as renames rather than as a drop and a create,
 * which would lose the rows and, on PostgreSQL, clash on the constraint names a renamed table keeps: a table only the
 * committed dump has and one only the live dump has, in the same schema with the same columns (definitions, in
 * order), each the other's only match; then, in a table both have, a column only the committed table has and one only
 * the live table has with the same definition, each the other's only match. Each rename is marked for review, and the
 * committed blocks are read as if it had run, so the rest of the draft is what differs after it. A block that names
 * the old table or column takes the new name where that gives the live block (SQLite quotes a renamed table in its
 * indexes), or where the name keys the block (a comment on the table); else it stays, and differs as before. Several
 * candidates are not guessed between: the draft keeps the drop and the create (or add), and a comment names them.
 */
final class Renames {

    private static final String TABLE = "TABLE ";
    private static final String CHECK = "; check before committing";
    /** A single-quoted literal, which a name in it does not name. */
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private final Map<String, String> live;
    private final DraftDialect dialect;
    private Map<String, String> committed;
    private final List<String> up = new ArrayList<>();
    private final List<String> down = new ArrayList<>();

    private Renames(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        this.live = live;
        this.committed = committed;
        this.dialect = dialect;
    }

    /** The renames that turn the committed blocks toward the live ones, both keyed as {@link DriftDraft} keys them. */
    static Renames of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        Renames renames = new Renames(live, committed, dialect);
        renames.tables();
        renames.columns();
        return renames;
    }

    /** The committed blocks as they read after the renames, keyed again. */
    Map<String, String> committed() {
        return committed;
    }

    /** The renames, each after its comment, and the comments naming ambiguous candidates. */
    List<String> up() {
        return up;
    }

    /** The renames back, last first. */
    List<String> down() {
        return down;
    }

    private void tables() {
        Map<String, List<String>> dropped = columnLists(committed, live);
        Map<String, List<String>> created = columnLists(live, committed);
        dropped.forEach((old, columns) -> {
            List<String> candidates = matching(created, old, columns);
            if (candidates.size() == 1 && matching(dropped, old, columns).size() == 1) {
                renameTable(old, candidates.get(0));
            } else if (!candidates.isEmpty()) {
                up.add("-- matey: " + old + " may have been renamed to " + String.join(" or ", candidates)
                        + " (same columns), drafted as a drop and a create" + CHECK);
            }
        });
    }

    /** The tables in {@code table}'s schema with these columns. */
    private static List<String> matching(Map<String, List<String>> tables, String table, List<String> columns) {
        return tables.entrySet().stream().filter(t -> t.getValue().equals(columns)
                && DraftTarget.schemaOf(t.getKey()).equals(DraftTarget.schemaOf(table))).map(Map.Entry::getKey).toList();
    }

    private void renameTable(String old, String name) {
        up.add("-- matey: looks like a rename of " + old + " to " + name + " (same columns)" + CHECK + "\n"
                + "ALTER TABLE " + old + " RENAME TO " + unqualified(name) + ";");
        Pattern token = token(old);
        String quoted = DraftTarget.schemaOf(name) + "\"" + unqualified(name) + "\"";
        List<String> back = new ArrayList<>(List.of("ALTER TABLE " + name + " RENAME TO " + unqualified(old) + ";"));
        rewrite(TABLE + name, block -> {
            String plain = replace(block, token, name);
            String requoted = replace(block, token, quoted);
            if (isLive(plain) || !isLive(requoted)) {
                return plain;
            }
            // SQLite writes the new name quoted into what names the table, and so the old one on the way back: the
            // down section writes those objects again as committed.
            DraftTarget target = DraftTarget.of(block);
            if (target != null) {
                back.add(target.drop(block, dialect) + "\n" + block);
            }
            return requoted;
        });
        down.add(0, String.join("\n\n", back));
    }

    private void columns() {
        for (Map.Entry<String, String> entry : List.copyOf(committed.entrySet())) {
            String liveBlock = live.get(entry.getKey());
            TableElements before = entry.getKey().startsWith(TABLE) ? TableElements.parse(entry.getValue()) : null;
            TableElements after = liveBlock == null ? null : TableElements.parse(liveBlock);
            if (before == null || after == null || liveBlock.equals(entry.getValue())) {
                continue;
            }
            String table = entry.getKey().substring(TABLE.length());
            Map<String, String> dropped = definitions(before.columns(), after.columns());
            Map<String, String> added = definitions(after.columns(), before.columns());
            dropped.forEach((old, definition) -> {
                List<String> candidates = added.entrySet().stream().filter(a -> a.getValue().equals(definition))
                        .map(Map.Entry::getKey).toList();
                if (candidates.size() == 1 && dropped.values().stream().filter(definition::equals).count() == 1) {
                    renameColumn(table, old, candidates.get(0));
                } else if (!candidates.isEmpty()) {
                    up.add("-- matey: column " + old + " of " + table + " may have been renamed to "
                            + String.join(" or ", candidates) + " (same definition), drafted as a drop and an add"
                            + CHECK);
                }
            });
        }
    }

    private void renameColumn(String table, String old, String name) {
        up.add("-- matey: looks like a rename of column " + old + " of " + table + " to " + name
                + " (same definition)" + CHECK + "\nALTER TABLE " + table + " RENAME COLUMN " + old + " TO " + name + ";");
        down.add(0, "ALTER TABLE " + table + " RENAME COLUMN " + name + " TO " + old + ";");
        Pattern tableName = token(table);
        Pattern column = token(old);
        Pattern qualified = token(table + "." + old);
        String key = TABLE + table;
        rewrite(key, block -> {
            if (DriftDraft.key(block).equals(key)) {
                return renamedIn(block, old, name, column);
            }
            String text = replace(block, qualified, table + "." + name);
            Matcher on = tableName.matcher(text);
            // After the table's name in an index on it, the bare name is the column.
            return DriftDraft.key(block).startsWith("INDEX ") && on.find()
                    ? text.substring(0, on.end()) + replace(text.substring(on.end()), column, name) : text;
        });
    }

    /**
     * The table's block with the column renamed: its definition's leading name, and the name where it stands whole in
     * the constraints and keys (never in another column's definition, where it may be a type's name).
     */
    private static String renamedIn(String block, String old, String name, Pattern column) {
        TableElements elements = TableElements.parse(block);
        String definition = elements.columns().get(old);
        // Table constraints follow the columns, so each element is found after the one before it.
        List<String> changed = new ArrayList<>(List.of(definition));
        changed.addAll(elements.constraints());
        int at = block.indexOf('(');
        StringBuilder out = new StringBuilder(block.substring(0, at));
        for (String element : changed) {
            int start = block.indexOf(element, at);
            if (start < 0) {
                continue;
            }
            out.append(block, at, start).append(element.equals(definition) ? name + definition.substring(old.length())
                    : replace(element, column, name));
            at = start + element.length();
        }
        return out.append(block.substring(at)).toString();
    }

    /**
     * Applies {@code change} to every committed block, keeping the changed text for the renamed table (keyed
     * {@code table}), where it is the live block of its key, or where it changes the key (the block is about the
     * renamed object), and keys the blocks again.
     */
    private void rewrite(String table, UnaryOperator<String> change) {
        Map<String, String> rewritten = new LinkedHashMap<>();
        committed.values().forEach(block -> {
            String changed = change.apply(block);
            String key = DriftDraft.key(changed);
            String text = key.equals(table) || isLive(changed) || !key.equals(DriftDraft.key(block)) ? changed : block;
            rewritten.put(DriftDraft.key(text), text);
        });
        committed = rewritten;
    }

    private boolean isLive(String block) {
        return block.equals(live.get(DriftDraft.key(block)));
    }

    /** The column definitions of the tables of {@code blocks} that {@code other} lacks, by table name. */
    private static Map<String, List<String>> columnLists(Map<String, String> blocks, Map<String, String> other) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        blocks.forEach((key, block) -> {
            TableElements elements = key.startsWith(TABLE) && !other.containsKey(key) ? TableElements.parse(block) : null;
            if (elements != null) {
                tables.put(key.substring(TABLE.length()), List.copyOf(elements.columns().values()));
            }
        });
        return tables;
    }

    /** The columns only {@code columns} has, each by name with its definition after the name. */
    private static Map<String, String> definitions(Map<String, String> columns, Map<String, String> other) {
        Map<String, String> definitions = new LinkedHashMap<>();
        columns.forEach((name, definition) -> {
            if (!other.containsKey(name)) {
                definitions.put(name, definition.substring(name.length()).strip());
            }
        });
        return definitions;
    }

    /** The last part of a qualified name, as written. */
    private static String unqualified(String name) {
        return name.substring(DraftTarget.schemaOf(name).length());
    }

    /**
     * The name where it stands whole: not part of a longer name, nor a part after another's qualifier, nor a type
     * after PostgreSQL's {@code ::}.
     */
    private static Pattern token(String name) {
        return Pattern.compile("(?<![\\w$.:\"`])" + Pattern.quote(name) + "(?![\\w$\"`])");
    }

    /** {@code text} with {@code name} replaced outside single-quoted literals. */
    private static String replace(String text, Pattern name, String replacement) {
        StringBuilder out = new StringBuilder();
        Matcher literal = LITERAL.matcher(text);
        int at = 0;
        while (literal.find()) {
            out.append(name.matcher(text.substring(at, literal.start())).replaceAll(Matcher.quoteReplacement(replacement)))
                    .append(literal.group());
            at = literal.end();
        }
        return out.append(name.matcher(text.substring(at)).replaceAll(Matcher.quoteReplacement(replacement)))
                .toString();
    }
}
