package io.matey.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL dump block that adds to an object another block creates (docs/architecture.md §5): a text search
 * configuration's mapping, a publication's table or schema, a sequence's owning column, an operator family's
 * members, an event trigger's, a trigger's or a rule's state, a partition key's name, a privilege (a GRANT or REVOKE on an object, or default
 * privileges, whose undo is the other verb), a table column's statistics target, storage, compression or planner
 * options, a materialized view column's statistics target, compression or planner options. Its undo is the
 * {@code ALTER} that takes it back; an object (or column) the same section drops takes it along, so the draft leaves it
 * out there.
 *
 * @param owner   what the owner's block creates, as {@link DriftDraft} keys it ({@code kind target})
 * @param column  the table column it is on, as the dump writes it; null for the owner itself or a materialized view's
 *                column (which a draft adds or drops only with its view)
 * @param undo    the statement that takes the addition back
 * @param setting what property of its owner it sets (a sequence's owning column, a state, a column's storage), which
 *                another value of that setting replaces without the undo; null when it sets none, or sets options
 *                another value of which leaves the options it does not name
 */
record DraftPart(String owner, String column, String undo, String setting) {

    private static final String NAME = DraftTarget.NAME;

    private static final Pattern MAPPING = Pattern.compile("^ALTER TEXT SEARCH CONFIGURATION (" + NAME
            + ") ADD MAPPING FOR (.+?) WITH ");
    private static final Pattern PUBLISHED = Pattern.compile("^ALTER PUBLICATION (" + NAME
            + ") ADD (TABLES IN SCHEMA " + NAME + "|TABLE (?:ONLY )?" + NAME + ")");
    private static final Pattern OWNED = Pattern.compile("^ALTER SEQUENCE (" + NAME + ") OWNED BY ");
    private static final Pattern MEMBERS = Pattern.compile("^ALTER OPERATOR FAMILY (" + NAME + " USING \\S+) ADD");
    private static final Pattern STATE = Pattern.compile("^ALTER EVENT TRIGGER (" + NAME
            + ") (?:DISABLE|ENABLE REPLICA|ENABLE ALWAYS);$");
    /**
     * A trigger's or rule's state, which the PostgreSQL dump writes after it on its table, or a partition's copy of its
     * parent's trigger in another state than the parent's (plain {@code ENABLE} too).
     */
    private static final Pattern TABLE_STATE = Pattern.compile("^ALTER TABLE (" + NAME
            + ") (DISABLE|ENABLE REPLICA|ENABLE ALWAYS|ENABLE) (TRIGGER|RULE) (" + NAME + ");$");

    /** A partition's copy of its parent's key under another name than the one a load gives it first. */
    private static final Pattern RENAMED_KEY = Pattern.compile("^ALTER TABLE (" + NAME + ") RENAME CONSTRAINT ("
            + NAME + ") TO (" + NAME + ");$");

    /**
     * A column's statistics target, storage, compression or planner options, which the PostgreSQL dump sets after its
     * table (or materialized view) where it is not what a new column gets (the default target, the type's storage, the
     * default compression, no options). A materialized view column's storage is left out: its type is not at hand.
     */
    private static final Pattern COLUMN_SETTING = Pattern.compile("^(ALTER (TABLE ONLY|MATERIALIZED VIEW) (" + NAME
            + ") ALTER COLUMN (" + NAME + ")) SET (?:(STATISTICS|STORAGE|COMPRESSION) (\\S+)|\\((.+)\\));$");
    /**
     * The built-in types whose storage is MAIN or PLAIN, not EXTENDED as other variable-length types' (fixed-length ones
     * take PLAIN alone, so the dump sets none on them); not arrays of them, which are EXTENDED.
     */
    private static final Pattern MAIN_STORAGE = Pattern.compile("^(?:pg_catalog\\.)?(?:numeric|inet|cidr)(?:\\(.*?\\))?+"
            + "(?![\\w\\[])");
    private static final Pattern PLAIN_STORAGE = Pattern.compile("^(?:pg_catalog\\.)?(?:tsquery|int2vector|oidvector)"
            + "(?![\\w\\[])");
    private static final String TABLE = "TABLE ";

    /** The part a block adds, or null when it adds to no object this reader knows. */
    static DraftPart of(String block) {
        return of(block, Map.of());
    }

    /**
     * The part a block adds, or null when it adds to no object this reader knows.
     *
     * @param blocks the blocks of the block's dump, keyed as {@link DriftDraft} keys them: the table that gives a
     *               column's type, whose storage a column's storage goes back to
     */
    static DraftPart of(String block, Map<String, String> blocks) {
        Matcher m;
        if ((m = COLUMN_SETTING.matcher(block)).find()) {
            return columnSetting(m, blocks);
        }
        if ((m = MAPPING.matcher(block)).find()) {
            return new DraftPart("TEXT SEARCH CONFIGURATION " + m.group(1), null, "ALTER TEXT SEARCH CONFIGURATION "
                    + m.group(1) + " DROP MAPPING FOR " + m.group(2) + ";", null);
        }
        if ((m = PUBLISHED.matcher(block)).find()) {
            return new DraftPart("PUBLICATION " + m.group(1), null, "ALTER PUBLICATION " + m.group(1) + " DROP "
                    + m.group(2) + ";", null);
        }
        if ((m = OWNED.matcher(block)).find()) {
            String owner = "SEQUENCE " + m.group(1);
            return new DraftPart(owner, null, "ALTER SEQUENCE " + m.group(1) + " OWNED BY NONE;", owner);
        }
        if ((m = MEMBERS.matcher(block)).find()) {
            return new DraftPart("OPERATOR FAMILY " + m.group(1), null, FamilyMembers.of(block).dropAll(), null);
        }
        Privilege privilege = Privilege.of(block);
        if (privilege != null) {
            Privilege undo = privilege.undo();
            return new DraftPart(privilege.owner(), null, undo.text(undo.privileges()), null);
        }
        if ((m = STATE.matcher(block)).find()) {
            String owner = "EVENT TRIGGER " + m.group(1);
            return new DraftPart(owner, null, "ALTER EVENT TRIGGER " + m.group(1) + " ENABLE;", owner);
        }
        if ((m = TABLE_STATE.matcher(block)).find()) {
            String owner = m.group(3) + " " + m.group(4) + " ON " + m.group(1);
            String state = m.group(2).equals("ENABLE") ? parentState(m.group(1), m.group(4), blocks) : "ENABLE";
            return new DraftPart(owner, null, "ALTER TABLE " + m.group(1) + " " + state + " " + m.group(3) + " "
                    + m.group(4) + ";", owner);
        }
        if ((m = RENAMED_KEY.matcher(block)).find()) {
            return new DraftPart(TABLE + m.group(1), null, "ALTER TABLE " + m.group(1) + " RENAME CONSTRAINT "
                    + m.group(3) + " TO " + m.group(2) + ";", null);
        }
        return null;
    }

    /**
     * A column setting's part: set back to the default target, the type's storage or the default compression, or its
     * options reset. A {@code SET COMPRESSION default} (a partition's, whose parent's compression it took back) has
     * no undo here: the parent's compression is not at hand.
     */
    private static DraftPart columnSetting(Matcher m, Map<String, String> blocks) {
        boolean table = m.group(2).equals("TABLE ONLY");
        String owner = (table ? TABLE : "MATERIALIZED VIEW ") + m.group(3);
        String column = table ? m.group(4) : null;
        if (m.group(5) == null) {
            return new DraftPart(owner, column, m.group(1) + " RESET (" + optionNames(m.group(7)) + ");", null);
        }
        String value = switch (m.group(5)) {
            case "STATISTICS" -> "-1";
            case "COMPRESSION" -> m.group(6).equals("default") ? null : "default";
            default -> table ? storage(definition(blocks, owner, column)) : null;
        };
        return value == null ? null : new DraftPart(owner, column, m.group(1) + " SET " + m.group(5) + " " + value + ";",
                m.group(1) + " " + m.group(5));
    }

    /**
     * The state of the trigger {@code name} on the parent of the partition {@code table}, which a copy enabled unlike
     * it goes back to; {@code DISABLE} where {@code blocks} lack the partition (callers that read only the part's
     * owner and setting).
     */
    private static String parentState(String table, String name, Map<String, String> blocks) {
        Matcher partition = blocks.containsKey(TABLE + table) ? NewPartitions.PARTITION.matcher(blocks.get(TABLE + table)) : null;
        if (partition == null || !partition.find()) {
            return "DISABLE";
        }
        Pattern state = Pattern.compile("(?m)^ALTER TABLE " + Pattern.quote(partition.group(2))
                + " (DISABLE|ENABLE REPLICA|ENABLE ALWAYS|ENABLE) TRIGGER " + Pattern.quote(name) + ";$");
        return blocks.values().stream().map(state::matcher).filter(Matcher::find).map(found -> found.group(1))
                .findFirst().orElse("ENABLE");
    }

    /** The names of the options {@code n_distinct=100, n_distinct_inherited=-0.5} sets. */
    private static String optionNames(String options) {
        StringBuilder names = new StringBuilder();
        for (String option : options.split(", ")) {
            names.append(names.isEmpty() ? "" : ", ").append(option, 0, option.indexOf('='));
        }
        return names.toString();
    }

    /** Whether it renames a partition's copy of its parent's key from the name a load gives it. */
    static boolean renamesKey(String block) {
        return RENAMED_KEY.matcher(block).find();
    }

    /**
     * Whether it sets a column's planner options: another value of them leaves the options it does not name, so the
     * draft resets the ones set before it sets the others.
     */
    static boolean setsOptions(String block) {
        Matcher m = COLUMN_SETTING.matcher(block);
        return m.find() && m.group(7) != null;
    }

    /** Whether {@code other} is another value of the same setting. */
    boolean sameSetting(DraftPart other) {
        return other != null && setting != null && setting.equals(other.setting);
    }

    /** Whether it is on a column that {@code blocks}' owner lacks: the other section adds or drops it, taking it along. */
    boolean onColumnMissingFrom(Map<String, String> blocks) {
        return column != null && blocks.containsKey(owner) && definition(blocks, owner, column) == null;
    }

    /** The column's definition after its name in the table {@code blocks} keys {@code table}; null when none. */
    private static String definition(Map<String, String> blocks, String table, String column) {
        TableElements elements = blocks.containsKey(table) ? TableElements.parse(blocks.get(table)) : null;
        String definition = elements == null ? null : elements.columns().get(column);
        return definition == null ? null : definition.substring(column.length()).strip();
    }

    /**
     * The storage a new column of the type its definition starts with gets: EXTENDED unless a built-in type's is
     * another (a domain or a type of an extension is taken for EXTENDED).
     */
    private static String storage(String definition) {
        String type = definition == null ? "" : definition;
        return MAIN_STORAGE.matcher(type).find() ? "MAIN" : PLAIN_STORAGE.matcher(type).find() ? "PLAIN" : "EXTENDED";
    }
}
