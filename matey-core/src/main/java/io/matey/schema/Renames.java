package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renames a drift looks like (docs/architecture.md §7), drafted as renames rather than as a drop and a create,
 * which would lose the rows and, on PostgreSQL, clash on the constraint names a renamed table keeps: a table only the
 * committed dump has and one only the live dump has, in the same schema with the same columns (definitions, in
 * order), each the other's only match; among the others, such a pair whose columns differ only in one column's name,
 * each the other's only match, is the table renamed and then that column; among the others, a PostgreSQL table of the
 * same name and columns in another schema is the table moved ({@code SET SCHEMA}); then, in a table both have, a
 * column only the committed table has and one only the live table has with the same definition (but where it names
 * the column itself), each the other's only match (in a partitioned table, renamed in its partitions too).
 * Each rename is marked for review, and the committed blocks are read as if it had run, so the rest of the draft is
 * what differs after it. A block that names the old table or column takes the new name where that gives the live
 * block (SQLite quotes a renamed table in its indexes), or where the name keys the block (a comment on the table);
 * else it stays, and differs as before, but for a view the server rewrites itself (PostgreSQL's), or one written
 * again over the new names where the server keeps a view's text (MySQL/MariaDB's), which is replaced by its live
 * text after the renames. Several candidates are not guessed between: the draft keeps the drop and the create (or add),
 * and a comment names them.
 */
final class Renames {

    private static final String TABLE = "TABLE ";
    private static final String VIEW = "VIEW ";
    private static final String MATERIALIZED_VIEW = "MATERIALIZED VIEW ";
    /** A column named by an alias that is its own name ({@code c.qty AS qty}), which says no more than the column. */
    private static final Pattern SELF_ALIAS = Pattern.compile("(\\.([\\w$]+)) AS \\2(?![\\w$\"`])");
    private static final String CHECK = "; check before committing";
    /** The kinds of object {@link #objectMoves} moves. */
    private static final Set<String> MOVED = Set.of("VIEW", "SEQUENCE", "FUNCTION", "PROCEDURE", "TYPE", "DOMAIN");
    /** The line PostgreSQL starts a view's outermost {@code FROM} with; nested ones are indented further. */
    private static final String OUTER_FROM = "\n   FROM ";
    private static final String SQLITE_RECREATED = "views reading what was renamed (or such a view), dropped while the "
            + "renames run, which fail while a view would not resolve, and created again after them";
    private static final String COLUMNS_KEPT = "views reading what was renamed whose columns changed besides (or "
            + "views reading such a view), dropped and created again, as CREATE OR REPLACE VIEW keeps a view's columns";
    /** A partition's {@code CREATE TABLE}, with or without constraints of its own: its name, its parent's. */
    private static final Pattern PARTITION_OF = Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (" + DraftTarget.NAME
            + ") PARTITION OF (" + DraftTarget.NAME + ")[\\s(]");
    /** A single-quoted literal, which a name in it does not name. */
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    /** A dollar-quoted routine body, whose text the server follows no rename or move into. */
    private static final Pattern BODY = Pattern.compile("(?s)\\$([A-Za-z_]\\w*|)\\$.*?\\$\\1\\$");

    private final Map<String, String> live;
    private final DraftDialect dialect;
    /** The relations the draft drops and creates again whole ({@link RecreatedRelations}), which no rename touches. */
    private final Set<String> recreatedWhole;
    private Map<String, String> committed;
    private final List<String> up = new ArrayList<>();
    private final List<String> down = new ArrayList<>();
    /** The new names of what was renamed by the old ones, both unqualified. */
    private final Map<String, String> renamed = new LinkedHashMap<>();
    /** The unqualified table of each renamed column by the column's old name: a block reads the column only with it. */
    private final Map<String, String> renamedColumnTables = new LinkedHashMap<>();
    private final List<String> viewsUp = new ArrayList<>();
    private final List<String> viewsDown = new ArrayList<>();
    private final List<String> downFirst = new ArrayList<>();
    /** The old qualified names of the objects moved to another schema. */
    private final List<String> moved = new ArrayList<>();

    private Renames(Map<String, String> live, Map<String, String> committed, DraftDialect dialect,
            Set<String> recreatedWhole) {
        this.live = live;
        this.committed = new LinkedHashMap<>(committed);
        this.dialect = dialect;
        this.recreatedWhole = recreatedWhole;
    }

    /**
     * The renames that turn the committed blocks toward the live ones, both keyed as {@link DriftDraft} keys them.
     *
     * @param recreatedWhole the keys of the relations the draft drops first and creates again last
     *                       ({@link RecreatedRelations}): a view among them is neither replaced nor recreated here,
     *                       and a materialized view among them not renamed, as dropping it before the renames (by a
     *                       name they give) or twice would fail (docs/architecture.md §7)
     */
    static Renames of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect,
            Set<String> recreatedWhole) {
        Renames renames = new Renames(live, committed, dialect, recreatedWhole);
        renames.tables();
        renames.columns();
        renames.viewColumns();
        renames.objectMoves();
        renames.materializedViews();
        renames.views(committed);
        return renames;
    }

    /**
     * Whether a committed block names what a rename or move took away: PostgreSQL checks a routine's body against
     * the names when it is created, so its committed text runs only after the renames back (§7).
     */
    boolean readsOldNames(String block) {
        return readsRenamed(block) || moved.stream().anyMatch(name -> whole(name).matcher(block).find());
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

    /**
     * The views that read what was renamed, replaced by their live text, and a note for each materialized view the
     * renames alone make live: after the rest of the up section.
     */
    List<String> viewsUp() {
        return viewsUp;
    }

    /** Those views replaced by their committed text: after the renames back. */
    List<String> viewsDown() {
        return viewsDown;
    }

    /**
     * The views dropped to be created again with their committed text, before the rest of the down section, which
     * may drop what their live text reads.
     */
    List<String> downFirst() {
        return downFirst;
    }

    private void tables() {
        Map<String, Map<String, String>> dropped = columnMaps(committed, live);
        Map<String, Map<String, String>> created = columnMaps(live, committed);
        List<String> matched = new ArrayList<>();
        dropped.forEach((old, columns) -> {
            List<String> candidates = matching(created, old, c -> sameColumns(columns, c));
            if (!candidates.isEmpty()) {
                matched.add(old);
                matched.addAll(candidates);
            }
            if (candidates.size() == 1 && matching(dropped, old, c -> sameColumns(columns, c)).size() == 1) {
                renameTable(old, candidates.get(0), "same columns", UnaryOperator.identity());
            } else if (!candidates.isEmpty()) {
                up.add("-- matey: " + old + " may have been renamed to " + String.join(" or ", candidates)
                        + " (same columns), drafted as a drop and a create" + CHECK);
            }
        });
        // Then the tables that match but for one column's name: the table renamed, then that column.
        dropped.keySet().removeAll(matched);
        created.keySet().removeAll(matched);
        dropped.forEach((old, columns) -> {
            List<String> candidates = matching(created, old, c -> renamedColumn(columns, c) != null);
            if (candidates.size() == 1 && matching(dropped, candidates.get(0),
                    c -> renamedColumn(c, created.get(candidates.get(0))) != null).size() == 1) {
                String name = candidates.get(0);
                List<String> column = renamedColumn(columns, created.get(name));
                renameTable(old, name, "same columns but " + column.get(0) + "'s name",
                        columnChange(name, column.get(0), column.get(1)));
                columnRenamed(name, column.get(0), column.get(1), tail(column.get(0), columns.get(column.get(0))),
                        tail(column.get(1), created.get(name).get(column.get(1))));
            } else if (!candidates.isEmpty()) {
                up.add("-- matey: " + old + " may have been renamed to " + String.join(" or ", candidates)
                        + " and one of its columns renamed, drafted as a drop and a create" + CHECK);
            }
        });
        moves();
    }

    /**
     * A table only the committed dump has and one of the same name only the live dump has in another schema, with the
     * same columns, each the other's only match: moved ({@code SET SCHEMA}), which takes its rows, indexes,
     * constraints and owned sequences along.
     */
    private void moves() {
        Map<String, Map<String, String>> dropped = columnMaps(committed, live);
        Map<String, Map<String, String>> created = columnMaps(live, committed);
        dropped.forEach((old, columns) -> {
            List<String> candidates = moved(created, old, columns);
            if (candidates.size() == 1 && moved(dropped, candidates.get(0), created.get(candidates.get(0))).size() == 1
                    && dialect.move("TABLE", old, schemaName(candidates.get(0))) != null) {
                move(old, candidates.get(0));
            }
        });
    }

    /**
     * A view, sequence, function, procedure, type or domain only the committed dump has and one of the same kind and
     * name only the live dump has in another schema, whose text is the same but for its own schema, each the other's
     * only match: moved ({@code SET SCHEMA}), and the committed blocks read as if it had run, so what names it (a
     * column's type or default, a view, a comment or grant) follows. Repeated while one is found, as a function's
     * moved argument type makes its text the same only after that move.
     */
    private void objectMoves() {
        for (boolean found = true; found; ) {
            found = false;
            for (String key : List.copyOf(committed.keySet())) {
                String kind = kind(key);
                List<String> candidates = live.containsKey(key) || kind == null ? List.of()
                        : movedObject(live, committed, key);
                if (candidates.size() == 1 && movedObject(committed, live, candidates.get(0)).equals(List.of(key))
                        && dialect.move(kind, key.substring(kind.length() + 1), "x") != null) {
                    moveObject(kind, key.substring(kind.length() + 1), candidates.get(0).substring(kind.length() + 1));
                    found = true;
                    break;
                }
            }
        }
    }

    /**
     * The keys of {@code blocks}' objects that {@code other} lacks, of the kind and unqualified name of {@code key}'s
     * in {@code other}, in another schema, whose text is its with its name changed to theirs.
     */
    private static List<String> movedObject(Map<String, String> blocks, Map<String, String> other, String key) {
        String kind = kind(key) + " ";
        String name = objectName(key.substring(kind.length()));
        String block = other.get(key);
        return blocks.keySet().stream().filter(candidate -> candidate.startsWith(kind) && !other.containsKey(candidate)
                && !blocks.containsKey(key)).filter(candidate -> {
                    String moved = objectName(candidate.substring(kind.length()));
                    return unqualified(moved).equals(unqualified(name))
                            && !DraftTarget.schemaOf(moved).equals(DraftTarget.schemaOf(name))
                            && whole(name).matcher(block).replaceAll(Matcher.quoteReplacement(moved))
                                    .equals(blocks.get(candidate));
                }).toList();
    }

    /** The kind of object a key names, of those {@link #objectMoves} moves; null for another. */
    private static String kind(String key) {
        return MOVED.stream().filter(kind -> key.startsWith(kind + " ")).findFirst().orElse(null);
    }

    /** A target's qualified name, without a routine's argument types. */
    private static String objectName(String target) {
        return target.contains("(") ? target.substring(0, target.indexOf('(')) : target;
    }

    private void moveObject(String kind, String old, String name) {
        String to = schemaName(objectName(name));
        up.add("-- matey: looks like a move of " + old + " to schema " + to + " (same definition)" + CHECK + "\n"
                + dialect.move(kind, old, to));
        down.add(0, dialect.move(kind, name, schemaName(objectName(old))));
        moved.add(objectName(old));
        Pattern from = whole(objectName(old));
        rewrite(kind + " " + name, block -> from.matcher(block).replaceAll(Matcher.quoteReplacement(objectName(name))),
                true);
    }

    /** The tables of {@code tables} in another schema than {@code table} with its unqualified name and columns. */
    private static List<String> moved(Map<String, Map<String, String>> tables, String table,
            Map<String, String> columns) {
        return tables.entrySet().stream().filter(t -> unqualified(t.getKey()).equals(unqualified(table))
                && sameColumns(unschemed(columns, table), unschemed(t.getValue(), t.getKey()))
                && !DraftTarget.schemaOf(t.getKey()).equals(DraftTarget.schemaOf(table))).map(Map.Entry::getKey).toList();
    }

    /**
     * Moves the table, and reads the committed blocks as if it had run: the table's, its indexes' and its owned
     * sequences' names (also in a default's quoted {@code nextval}) take the new schema.
     */
    private void move(String old, String name) {
        String from = schemaName(old);
        String to = schemaName(name);
        up.add("-- matey: looks like a move of " + old + " to schema " + to + " (same columns)" + CHECK + "\n"
                + dialect.move("TABLE", old, to));
        down.add(0, dialect.move("TABLE", name, from));
        renamed.put(old, name);
        List<String> moving = new ArrayList<>(List.of(old));
        Pattern onTable = Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\S+) ON (?:ONLY )?" + Pattern.quote(old) + " ");
        Pattern ownedBy = Pattern.compile("^ALTER SEQUENCE (\\S+) OWNED BY " + Pattern.quote(old) + "\\.");
        for (String block : committed.values()) {
            Matcher index = onTable.matcher(block);
            Matcher owned = ownedBy.matcher(block);
            if (index.find()) {
                moving.add(DraftTarget.schemaOf(index.group(1)).isEmpty() ? DraftTarget.schemaOf(old) + index.group(1)
                        : index.group(1));
            } else if (owned.find()) {
                moving.add(owned.group(1));
            }
        }
        rewrite(TABLE + name, block -> {
            String text = block;
            for (String object : moving) {
                text = whole(object).matcher(text).replaceAll(Matcher.quoteReplacement(
                        DraftTarget.schemaOf(name) + unqualified(object)));
            }
            return text;
        });
    }

    /**
     * The columns with the table's schema left out of quoted names: an owned sequence's {@code nextval} default
     * names it, and moves with the table.
     */
    private static List<String> unschemed(Map<String, String> columns, String table) {
        String quoted = "'" + DraftTarget.schemaOf(table);
        return columns.values().stream().map(column -> column.replace(quoted, "'")).toList();
    }

    /** The schema of a qualified name, without its dot. */
    private static String schemaName(String name) {
        String schema = DraftTarget.schemaOf(name);
        return schema.substring(0, schema.length() - 1);
    }

    /** The tables in {@code table}'s schema whose columns (by name, in order) are {@code columns}'s match. */
    private static List<String> matching(Map<String, Map<String, String>> tables, String table,
            Predicate<Map<String, String>> columns) {
        return tables.entrySet().stream().filter(t -> columns.test(t.getValue())
                && DraftTarget.schemaOf(t.getKey()).equals(DraftTarget.schemaOf(table))).map(Map.Entry::getKey).toList();
    }

    /**
     * The old and new name of the one column {@code after} renames of {@code before}'s, the others (and its definition
     * after the name) the same, in order; null when there is no such column.
     */
    private static List<String> renamedColumn(Map<String, String> before, Map<String, String> after) {
        if (before.size() != after.size()) {
            return null;
        }
        List<Map.Entry<String, String>> old = List.copyOf(before.entrySet());
        List<Map.Entry<String, String>> now = List.copyOf(after.entrySet());
        List<String> renamed = null;
        for (int i = 0; i < old.size(); i++) {
            if (old.get(i).getValue().equals(now.get(i).getValue())) {
                continue;
            }
            if (renamed != null || !shape(old.get(i).getKey(), old.get(i).getValue())
                    .equals(shape(now.get(i).getKey(), now.get(i).getValue()))) {
                return null;
            }
            renamed = List.of(old.get(i).getKey(), now.get(i).getKey());
        }
        return renamed;
    }

    /**
     * A materialized view only the committed dump has and one only the live dump has, in the same schema with the same
     * text but for the name, each the other's only match: renamed, which keeps its rows, indexes and grants, where a
     * drop and a create would compute it anew and lose its indexes (whose names the rename keeps, so they differ only
     * in the name they are on).
     */
    private void materializedViews() {
        Map<String, String> dropped = queries(committed, live);
        Map<String, String> created = queries(live, committed);
        dropped.forEach((old, query) -> {
            List<String> candidates = sameQuery(created, old, query);
            if (candidates.size() == 1 && sameQuery(dropped, candidates.get(0), query).size() == 1
                    && !recreatedWhole.contains(MATERIALIZED_VIEW + candidates.get(0))
                    && !recreatedWhole.contains(MATERIALIZED_VIEW + old)) {
                rename(MATERIALIZED_VIEW, old, candidates.get(0), "same query", UnaryOperator.identity());
            }
        });
    }

    /** The text after the name of each materialized view of {@code blocks} that {@code other} lacks, by name. */
    private static Map<String, String> queries(Map<String, String> blocks, Map<String, String> other) {
        Map<String, String> queries = new LinkedHashMap<>();
        blocks.forEach((key, block) -> {
            if (key.startsWith(MATERIALIZED_VIEW) && !other.containsKey(key)) {
                String name = key.substring(MATERIALIZED_VIEW.length());
                queries.put(name, block.substring(block.indexOf(name) + name.length()));
            }
        });
        return queries;
    }

    private static List<String> sameQuery(Map<String, String> queries, String view, String query) {
        return queries.entrySet().stream().filter(q -> q.getValue().equals(query)
                && DraftTarget.schemaOf(q.getKey()).equals(DraftTarget.schemaOf(view))).map(Map.Entry::getKey).toList();
    }

    private void renameTable(String old, String name, String reason, UnaryOperator<String> then) {
        rename(TABLE, old, name, reason, then);
    }

    /**
     * Renames the table (or materialized view: {@code kind}), and reads the committed blocks as if it had run and then
     * {@code then} (a column's rename in the renamed table) had.
     */
    private void rename(String kind, String old, String name, String reason, UnaryOperator<String> then) {
        up.add("-- matey: looks like a rename of " + old + " to " + name + " (" + reason + ")" + CHECK + "\n"
                + dialect.renameRelation(kind.strip(), old, unqualified(name)));
        renamed.put(unqualified(old), unqualified(name));
        Pattern token = token(old);
        String quoted = DraftTarget.schemaOf(name) + "\"" + unqualified(name) + "\"";
        List<String> back = new ArrayList<>(List.of(dialect.renameRelation(kind.strip(), name, unqualified(old))));
        rewrite(kind + name, block -> {
            String plain = then.apply(replace(block, token, name));
            String requoted = then.apply(replace(block, token, quoted));
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
        for (String key : List.copyOf(committed.keySet())) {
            // A rename before may have given the block its live text (a partition's, with its parent's column).
            String block = committed.get(key);
            String liveBlock = live.get(key);
            TableElements before = key.startsWith(TABLE) && block != null ? TableElements.parse(block) : null;
            TableElements after = liveBlock == null ? null : TableElements.parse(liveBlock);
            if (before == null || after == null || liveBlock.equals(block)) {
                continue;
            }
            String table = key.substring(TABLE.length());
            Map<String, String> dropped = definitions(before.columns(), after.columns());
            Map<String, String> added = definitions(after.columns(), before.columns());
            dropped.forEach((old, definition) -> {
                List<String> candidates = added.entrySet().stream().filter(a -> a.getValue().equals(definition))
                        .map(Map.Entry::getKey).toList();
                if (candidates.size() == 1 && dropped.values().stream().filter(definition::equals).count() == 1) {
                    String name = candidates.get(0);
                    renameColumn(table, old, name, tail(old, before.columns().get(old)),
                            tail(name, after.columns().get(name)));
                } else if (!candidates.isEmpty()) {
                    up.add("-- matey: column " + old + " of " + table + " may have been renamed to "
                            + String.join(" or ", candidates) + " (same definition), drafted as a drop and an add"
                            + CHECK);
                }
            });
        }
    }

    /**
     * The columns of a view renamed where it is otherwise the same ({@link ViewColumns}), where the engine renames a
     * view's column: the views reading them are then replaced as for a table's renamed column.
     */
    private void viewColumns() {
        for (String key : List.copyOf(committed.keySet())) {
            String block = committed.get(key);
            String liveBlock = live.get(key);
            String view = key.substring(key.indexOf(' ') + 1);
            Map<String, String> columns = key.startsWith(VIEW) && liveBlock != null && !recreatedWhole.contains(key)
                    && dialect.renameViewColumn(view, view, view) != null ? ViewColumns.renamed(block, liveBlock) : null;
            if (columns == null) {
                continue;
            }
            columns.forEach((old, name) -> {
                renamed.put(old, name);
                renamedColumnTables.put(old, unqualified(view));
                up.add("-- matey: looks like a rename of column " + old + " of view " + view + " to " + name
                        + " (same query)" + CHECK + "\n" + dialect.renameViewColumn(view, old, name));
                down.add(0, dialect.renameViewColumn(view, name, old));
                rewrite(key, columnChange(view, old, name));
            });
            committed.put(key, liveBlock);
        }
    }

    private void renameColumn(String table, String old, String name, String from, String to) {
        columnRenamed(table, old, name, from, to);
        rewrite(TABLE + table, columnChange(table, old, name));
    }

    /**
     * Records the rename of a column whose definition after its name is {@code from}, and {@code to} after the rename
     * (the same but where it names the column itself, in a CHECK).
     */
    private void columnRenamed(String table, String old, String name, String from, String to) {
        renamed.put(old, name);
        renamedColumnTables.put(old, unqualified(table));
        up.add("-- matey: looks like a rename of column " + old + " of " + table + " to " + name
                + " (same definition)" + CHECK + "\n" + dialect.renameColumn(table, old, name, to));
        // A foreign key follows the rename of a column it references, also one changed besides, whose committed text
        // the down section adds back before the rename back.
        Pattern column = token(old);
        rewrite(TABLE + table, block -> referencing(block, table, column, name), true);
        down.add(0, dialect.renameColumn(table, name, old, from));
    }

    /** A committed block as it reads after the column of {@code table} is renamed. */
    private UnaryOperator<String> columnChange(String table, String old, String name) {
        Pattern column = token(old);
        // PostgreSQL renames the column in the partitions too, and in their keys, checks and indexes (§7).
        Set<String> family = partitioned(table);
        return block -> {
            String key = DriftDraft.key(block);
            if (key.startsWith(TABLE) && family.contains(key.substring(TABLE.length()))) {
                return renamedIn(block, old, name, column);
            }
            String text = block;
            for (String member : family) {
                text = referencing(text, member, column, name);
                text = replace(text, token(member + "." + old), member + "." + name);
                Matcher on = token(member).matcher(text);
                // After the table's name in an index or constraint on it, the bare name is the column.
                if ((key.startsWith("INDEX ") || key.startsWith("CONSTRAINT ") && key.endsWith(" ON " + member))
                        && on.find()) {
                    text = text.substring(0, on.end()) + replace(text.substring(on.end()), column, name);
                }
            }
            return text;
        };
    }

    /** {@code block} with the column renamed in the columns a foreign key references of {@code table}. */
    private static String referencing(String block, String table, Pattern column, String name) {
        Matcher references = Pattern.compile("\\sREFERENCES " + Pattern.quote(table) + " ?(\\([^)]*\\))")
                .matcher(block);
        return references.find() ? block.substring(0, references.start(1))
                + replace(references.group(1), column, name) + block.substring(references.end(1)) : block;
    }

    /** The table and its partitions, theirs too, as the committed blocks have them. */
    private Set<String> partitioned(String table) {
        Set<String> family = new LinkedHashSet<>(List.of(table));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (String block : committed.values()) {
                Matcher partition = PARTITION_OF.matcher(block);
                if (partition.find() && family.contains(partition.group(2))) {
                    grew |= family.add(partition.group(1));
                }
            }
        }
        return family;
    }

    /**
     * The views that read what was renamed, each replaced by its live text after the renames and by its committed
     * text after the renames back. Where the server follows a rename into them and prints them anew (PostgreSQL: a
     * renamed column with {@code AS} its old name), which the text rewritten above need not be, those whose
     * rewritten text is not live: they already are after the renames unless they were also changed by hand. Where a
     * view keeps its text (MySQL/MariaDB), those written again by hand, whatever the rewrite reads: the renames alone
     * would leave them reading the old names, which no longer exist.
     *
     * @param original the committed blocks before the renames
     */
    private void views(Map<String, String> original) {
        if (dialect.checksViewsOnRename()) {
            recreate(original, recreated(original, key -> true), SQLITE_RECREATED);
            return;
        }
        Set<String> recreated = recreated(original, key -> !recreatedWhole.contains(key)
                && dialect.replaceView(original.get(key)) != null
                && dialect.redefine(original.get(key)) == null
                && !selected(asRenamed(original.get(key))).equals(selected(asRenamed(live.get(key)))));
        original.forEach((key, block) -> {
            String liveBlock = live.get(key);
            if (key.startsWith(MATERIALIZED_VIEW)) {
                materializedView(key, block, liveBlock);
                return;
            }
            String unchanged = dialect.viewsKeepRenamedNames() ? block : committed.get(key);
            if (!key.startsWith(VIEW) || liveBlock == null || liveBlock.equals(unchanged) || !readsRenamed(block)
                    || recreated.contains(key) || recreatedWhole.contains(key)) {
                return;
            }
            String replace = dialect.replaceView(liveBlock);
            String back = dialect.replaceView(block);
            if (replace != null && back != null) {
                viewsUp.add("-- matey: " + key.substring(VIEW.length()) + " reads what was renamed, "
                        + (dialect.viewsKeepRenamedNames() ? "and was written again over the new name"
                                : "which the server follows")
                        + ": replaced by its live text" + CHECK + "\n" + replace);
                viewsDown.add(back);
                committed.put(key, liveBlock);
            }
        });
        recreate(original, recreated, COLUMNS_KEPT);
    }

    /**
     * The views both dumps have that read what was renamed, whose text differs and that {@code also} selects, with the
     * views that read those. Such views are dropped and created again ({@link #recreate}): SQLite's, as SQLite
     * rewrites a view reading a renamed column itself, but refuses the rename when a view reads that column through
     * another view, and fails every rename while any of them would not resolve; PostgreSQL's whose columns differ
     * besides the renames, which {@code CREATE OR REPLACE VIEW} refuses to change (it keeps a view's columns and only
     * appends others), the views reading them blocking the drop.
     *
     * @param original the committed blocks before the renames
     */
    private Set<String> recreated(Map<String, String> original, Predicate<String> also) {
        Set<String> views = new LinkedHashSet<>();
        for (String key : original.keySet()) {
            if (bothHaveView(key) && !live.get(key).equals(committed.get(key)) && readsRenamed(original.get(key))
                    && also.test(key)) {
                views.add(key);
            }
        }
        for (boolean grew = !views.isEmpty(); grew; ) {
            List<String> readers = original.keySet().stream().filter(key -> bothHaveView(key) && !views.contains(key)
                    && !recreatedWhole.contains(key)
                    && views.stream().anyMatch(view -> whole(view.substring(VIEW.length())).matcher(original.get(key)).find()))
                    .toList();
            grew = views.addAll(readers);
        }
        return views;
    }

    /**
     * Drops the views before the renames and creates them again with their live text after the rest of the up
     * section; drops them before the rest of the down section and creates them with their committed text last; their
     * comments and privileges after them.
     *
     * @param original the committed blocks before the renames
     */
    private void recreate(Map<String, String> original, Set<String> views, String why) {
        if (views.isEmpty()) {
            return;
        }
        List<String> dropLive = new ArrayList<>();
        List<String> dropCommitted = new ArrayList<>();
        live.forEach((key, block) -> {
            if (views.contains(key)) {
                dropLive.add(0, DraftTarget.of(block).drop(block, dialect));
                viewsUp.add(block);
            }
        });
        original.forEach((key, block) -> {
            if (views.contains(key)) {
                dropCommitted.add(0, DraftTarget.of(block).drop(block, dialect));
                viewsDown.add(block);
                committed.put(key, live.get(key));
            }
        });
        // The drops take the views' comments and privileges along: the sections set them again after the creates.
        Map<String, String> liveAttached = attachedTo(views, live);
        Map<String, String> committedAttached = attachedTo(views, original);
        viewsUp.addAll(liveAttached.values());
        viewsDown.addAll(committedAttached.values());
        committed.keySet().removeAll(committedAttached.keySet());
        committed.putAll(liveAttached);
        String comment = "-- matey: " + why + CHECK + "\n";
        up.add(0, comment + String.join("\n", dropCommitted));
        downFirst.add(comment + String.join("\n", dropLive));
    }

    /** The comments on the views (and their columns) and the privileges on them that {@code blocks} has, by key. */
    private static Map<String, String> attachedTo(Set<String> views, Map<String, String> blocks) {
        Map<String, String> attached = new LinkedHashMap<>();
        blocks.forEach((key, block) -> {
            for (String view : views) {
                String name = view.substring(VIEW.length());
                if (key.equals("COMMENT ON VIEW " + name) || key.startsWith("COMMENT ON COLUMN " + name + ".")
                        || whole("ON TABLE " + name).matcher(block).find() && DraftPart.of(block) != null) {
                    attached.put(key, block);
                }
            }
        });
        return attached;
    }

    /**
     * A view's text as PostgreSQL prints it up to its outermost {@code FROM} line, which holds the columns it selects
     * (in its first {@code SELECT}, after any {@code WITH}): the whole text where there is none.
     */
    private static String selected(String view) {
        int from = view.indexOf(OUTER_FROM);
        return from < 0 ? view : view.substring(0, from);
    }

    private boolean bothHaveView(String key) {
        return key.startsWith(VIEW) && live.containsKey(key) && committed.containsKey(key);
    }

    /**
     * A materialized view reading what was renamed, where the server follows the rename into it as into a view
     * (PostgreSQL's): there is no {@code CREATE OR REPLACE} for it, and dropping and creating it again would compute
     * its rows anew and take its indexes, grants and dependent views with it, so where its live text is its committed
     * one but for the renames, the renames alone make it, and back (which a replay of the draft checks); else it was
     * also changed by hand and is left to the author as before.
     */
    private void materializedView(String key, String block, String liveBlock) {
        if (dialect.followsRenames() && liveBlock != null && !recreatedWhole.contains(key)
                && !liveBlock.equals(committed.get(key))
                && readsRenamed(block) && asRenamed(block).equals(asRenamed(liveBlock))) {
            viewsUp.add("-- matey: " + key.substring(MATERIALIZED_VIEW.length()) + " reads what was renamed, which "
                    + "the server follows: the renames give its live text" + CHECK);
            committed.put(key, liveBlock);
        }
    }

    /**
     * The text with each renamed name read as its new one and a column's alias that is its own name dropped: equal
     * for a view's committed text and the text the server prints after the renames (a renamed column with {@code AS}
     * its old name), unless the view was changed otherwise.
     */
    private String asRenamed(String text) {
        String renamedText = text;
        for (Map.Entry<String, String> name : renamed.entrySet()) {
            renamedText = replace(renamedText, whole(name.getKey()), name.getValue());
        }
        return SELF_ALIAS.matcher(renamedText).replaceAll("$1");
    }

    /**
     * Whether the block names a renamed table, or a renamed column (also after its table or alias) and that column's
     * table: another table's column of the same name is not what was renamed.
     */
    private boolean readsRenamed(String block) {
        return renamed.keySet().stream().anyMatch(name -> whole(name).matcher(block).find()
                && (!renamedColumnTables.containsKey(name)
                        || whole(renamedColumnTables.get(name)).matcher(block).find()));
    }

    /** The name where it stands whole, also after a qualifier or before a column. */
    static Pattern whole(String name) {
        return Pattern.compile("(?<![\\w$\"`])" + Pattern.quote(name) + "(?![\\w$\"`])");
    }

    /**
     * The table's block with the column renamed: its definition's leading name, and the name where it stands whole in
     * the constraints and keys (never in another column's definition, where it may be a type's name).
     */
    private static String renamedIn(String block, String old, String name, Pattern column) {
        TableElements elements = TableElements.parse(block);
        if (elements == null) {
            return block;
        }
        String definition = elements.columns().get(old);
        // Table constraints follow the columns, so each element is found after the one before it; a partition has
        // no column of its own to rename.
        List<String> changed = new ArrayList<>();
        if (definition != null) {
            changed.add(definition);
        }
        changed.addAll(elements.constraints());
        int at = block.indexOf('(');
        StringBuilder out = new StringBuilder(block.substring(0, at));
        for (String element : changed) {
            int start = block.indexOf(element, at);
            if (start < 0) {
                continue;
            }
            out.append(block, at, start).append(element.equals(definition)
                    ? name + inParentheses(definition.substring(old.length()), column, name)
                    : replace(element, column, name));
            at = start + element.length();
        }
        // The partition key follows the columns: PARTITION BY RANGE (column).
        String tail = block.substring(at);
        int key = tail.indexOf("PARTITION BY ");
        return out.append(key < 0 ? tail : tail.substring(0, key) + replace(tail.substring(key), column, name))
                .toString();
    }

    /**
     * Applies {@code change} to every committed block, keeping the changed text for the renamed table (keyed
     * {@code table}), where it is the live block of its key, or where it changes the key (the block is about the
     * renamed object), and keys the blocks again. Where the server follows a rename into the indexes (PostgreSQL),
     * an index keeps its changed text too: it is the index after the renames, which a down section creating it
     * again before the renames back must write, also where the index was changed by hand besides (§7).
     */
    private void rewrite(String table, UnaryOperator<String> change) {
        rewrite(table, change, false);
    }

    /**
     * @param followed whether the server follows the change into every block that names what changed (a move, which
     *                 leaves the name nowhere else), so a block is read changed unless it already was live
     */
    private void rewrite(String table, UnaryOperator<String> change, boolean followed) {
        Map<String, String> rewritten = new LinkedHashMap<>();
        committed.values().forEach(block -> {
            String changed = outsideBodies(block, change);
            String key = DriftDraft.key(changed);
            String text = followed && !isLive(block) || key.equals(table) || isLive(changed)
                    || !key.equals(DriftDraft.key(block))
                    || dialect.followsRenames() && key.startsWith("INDEX ") ? changed : block;
            rewritten.put(DriftDraft.key(text), text);
        });
        committed = rewritten;
    }

    /**
     * The block changed but in its dollar-quoted routine bodies, which the server keeps as written (a body of SQL
     * statements, {@code BEGIN ATOMIC}, it parses and follows): each stands aside as a placeholder meanwhile.
     */
    private static String outsideBodies(String block, UnaryOperator<String> change) {
        List<String> bodies = new ArrayList<>();
        Matcher body = BODY.matcher(block);
        StringBuilder masked = new StringBuilder();
        while (body.find()) {
            body.appendReplacement(masked, "\u0000" + bodies.size() + "\u0000");
            bodies.add(body.group());
        }
        String changed = change.apply(body.appendTail(masked).toString());
        for (int i = 0; i < bodies.size(); i++) {
            changed = changed.replace("\u0000" + i + "\u0000", bodies.get(i));
        }
        return changed;
    }

    private boolean isLive(String block) {
        return block.equals(live.get(DriftDraft.key(block)));
    }

    /** The columns (definitions by name) of the tables of {@code blocks} that {@code other} lacks, by table name. */
    private static Map<String, Map<String, String>> columnMaps(Map<String, String> blocks, Map<String, String> other) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        blocks.forEach((key, block) -> {
            TableElements elements = key.startsWith(TABLE) && !other.containsKey(key) ? TableElements.parse(block) : null;
            if (elements != null) {
                tables.put(key.substring(TABLE.length()), elements.columns());
            }
        });
        return tables;
    }

    /** The columns only {@code columns} has, each by name with its {@link #shape}. */
    private static Map<String, String> definitions(Map<String, String> columns, Map<String, String> other) {
        Map<String, String> definitions = new LinkedHashMap<>();
        columns.entrySet().stream().filter(c -> !other.containsKey(c.getKey()))
                .forEach(c -> definitions.put(c.getKey(), shape(c.getKey(), c.getValue())));
        return definitions;
    }

    /**
     * A column's definition after its name, the name left out where the definition names the column itself (in its
     * CHECK, which SQLite's rename rewrites), so that a renamed column's definitions compare equal.
     */
    private static String shape(String name, String definition) {
        return inParentheses(tail(name, definition), token(name), "\u0000");
    }

    /**
     * {@code text} with {@code name} replaced inside its parentheses only: a column's own name there is in an
     * expression, but before them it may be a type's name (PostgreSQL's {@code status status}).
     */
    private static String inParentheses(String text, Pattern name, String replacement) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = Math.max(text.indexOf('\'', i + 1), i);
            } else if (c == '(' && depth++ == 0) {
                out.append(text, from, i);
                from = i;
            } else if (c == ')' && depth > 0 && --depth == 0) {
                out.append(replace(text.substring(from, i + 1), name, replacement));
                from = i + 1;
            }
        }
        return out.append(text.substring(from)).toString();
    }

    /** A column's definition after its name. */
    private static String tail(String name, String definition) {
        return definition.substring(name.length()).strip();
    }

    /** Whether two tables have the same columns, names and definitions, in order. */
    private static boolean sameColumns(Map<String, String> columns, Map<String, String> other) {
        return sameColumns(List.copyOf(columns.values()), List.copyOf(other.values()));
    }

    private static boolean sameColumns(List<String> columns, List<String> other) {
        return columns.equals(other);
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
