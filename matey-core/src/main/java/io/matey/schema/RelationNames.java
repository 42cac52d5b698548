package io.matey.schema;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a PostgreSQL block takes in its schema's one namespace of relations (tables, views, materialized views,
 * sequences, indexes, foreign tables, composite types, and the indexes behind primary keys, unique and exclusion
 * constraints; a ClickHouse database's tables, views and dictionaries likewise share one), for a drift draft that drops an object whose name a created one takes (docs/architecture.md §5): the
 * drop must then come before the create, in either section.
 */
final class RelationNames {

    private static final Set<String> RELATIONS = Set.of("TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "INDEX",
            "FOREIGN TABLE", "TYPE", "DICTIONARY");
    /** A constraint backed by an index of its name, in a table's list or an {@code ALTER TABLE ... ADD}. */
    private static final Pattern INDEXED = Pattern.compile("CONSTRAINT (" + DraftTarget.NAME
            + ") (?:PRIMARY KEY|UNIQUE|EXCLUDE)");

    private RelationNames() {
    }

    /** The qualified names the blocks {@code other} lacks take, by their keys as {@link DriftDraft#key} keys them. */
    static Set<String> only(Map<String, String> blocks, Map<String, String> other) {
        Set<String> names = new LinkedHashSet<>();
        blocks.forEach((key, block) -> {
            if (!other.containsKey(key)) {
                names.addAll(of(block));
            }
        });
        return names;
    }

    /** Whether the block takes a name among {@code names}. */
    static boolean takesAny(String block, Set<String> names) {
        return of(block).stream().anyMatch(names::contains);
    }

    /** The qualified names the block takes; none for a block that creates no relation. */
    static Set<String> of(String block) {
        DraftTarget target = DraftTarget.of(block);
        Set<String> names = new LinkedHashSet<>();
        if (target == null) {
            return names;
        }
        String table = target.target();
        if (RELATIONS.contains(target.kind())) {
            names.add(table);
        } else if (target.kind().equals("CONSTRAINT")) {
            table = table.substring(table.lastIndexOf(" ON ") + 4);
        } else {
            return names;
        }
        Matcher indexed = INDEXED.matcher(block);
        while (indexed.find()) {
            names.add(DraftTarget.schemaOf(table) + indexed.group(1));
        }
        return names;
    }
}
