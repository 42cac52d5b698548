package io.matey.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL dump block that adds to an object another block creates (docs/architecture.md §5): a text search
 * configuration's mapping, a publication's table or schema, a sequence's owning column, an operator family's
 * members, an event trigger's, a trigger's or a rule's state, a privilege (a GRANT or REVOKE on an object, or default
 * privileges, whose undo is the other verb). Its undo is the {@code ALTER} that takes it back; an object the same
 * section drops takes it along, so the draft leaves it out there.
 *
 * @param owner what the owner's block creates, as {@link DriftDraft} keys it ({@code kind target})
 * @param undo    the statement that takes the addition back
 * @param setting whether it sets a property of its owner (a sequence's owning column, a state), which another value
 *                of that setting replaces without the undo
 */
record DraftPart(String owner, String undo, boolean setting) {

    private static final String NAME = DraftTarget.NAME;

    private static final Pattern MAPPING = Pattern.compile("^ALTER TEXT SEARCH CONFIGURATION (" + NAME
            + ") ADD MAPPING FOR (.+?) WITH ");
    private static final Pattern PUBLISHED = Pattern.compile("^ALTER PUBLICATION (" + NAME
            + ") ADD (TABLES IN SCHEMA " + NAME + "|TABLE (?:ONLY )?" + NAME + ")");
    private static final Pattern OWNED = Pattern.compile("^ALTER SEQUENCE (" + NAME + ") OWNED BY ");
    private static final Pattern MEMBERS = Pattern.compile("^ALTER OPERATOR FAMILY (" + NAME + " USING \\S+) ADD");
    private static final Pattern STATE = Pattern.compile("^ALTER EVENT TRIGGER (" + NAME
            + ") (?:DISABLE|ENABLE REPLICA|ENABLE ALWAYS);$");
    /** A trigger's or rule's state, which the PostgreSQL dump writes after it on its table. */
    private static final Pattern TABLE_STATE = Pattern.compile("^ALTER TABLE (" + NAME
            + ") (?:DISABLE|ENABLE REPLICA|ENABLE ALWAYS) (TRIGGER|RULE) (" + NAME + ");$");

    /**
     * A privilege as the PostgreSQL dump writes it: its prefix, verb, whether only the grant option is revoked,
     * privileges, object, grantee and grant option.
     */
    private static final Pattern PRIVILEGE = Pattern.compile("^(ALTER DEFAULT PRIVILEGES (?:FOR ROLE " + NAME
            + " )?(?:IN SCHEMA " + NAME + " )?)?(GRANT|REVOKE) (GRANT OPTION FOR )?(.+?) ON (.+) (?:TO|FROM) ("
            + NAME + ")(?: WITH GRANT OPTION)?;$");

    /** The part a block adds, or null when it adds to no object this reader knows. */
    static DraftPart of(String block) {
        Matcher m;
        if ((m = MAPPING.matcher(block)).find()) {
            return new DraftPart("TEXT SEARCH CONFIGURATION " + m.group(1), "ALTER TEXT SEARCH CONFIGURATION "
                    + m.group(1) + " DROP MAPPING FOR " + m.group(2) + ";", false);
        }
        if ((m = PUBLISHED.matcher(block)).find()) {
            return new DraftPart("PUBLICATION " + m.group(1), "ALTER PUBLICATION " + m.group(1) + " DROP "
                    + m.group(2) + ";", false);
        }
        if ((m = OWNED.matcher(block)).find()) {
            return new DraftPart("SEQUENCE " + m.group(1), "ALTER SEQUENCE " + m.group(1) + " OWNED BY NONE;", true);
        }
        if ((m = MEMBERS.matcher(block)).find()) {
            return new DraftPart("OPERATOR FAMILY " + m.group(1), FamilyMembers.of(block).dropAll(), false);
        }
        if ((m = PRIVILEGE.matcher(block)).find()) {
            String prefix = m.group(1) == null ? "" : m.group(1);
            boolean grant = m.group(2).equals("GRANT");
            // A revoked grant option (of a privilege the object started with) is given back with the privilege.
            String option = m.group(3) == null ? "" : " WITH GRANT OPTION";
            return new DraftPart(m.group(1) == null ? m.group(5) : "", prefix + (grant ? "REVOKE " : "GRANT ")
                    + m.group(4) + " ON " + m.group(5) + (grant ? " FROM " : " TO ") + m.group(6) + option + ";",
                    false);
        }
        if ((m = STATE.matcher(block)).find()) {
            return new DraftPart("EVENT TRIGGER " + m.group(1), "ALTER EVENT TRIGGER " + m.group(1) + " ENABLE;", true);
        }
        if ((m = TABLE_STATE.matcher(block)).find()) {
            return new DraftPart(m.group(2) + " " + m.group(3) + " ON " + m.group(1), "ALTER TABLE " + m.group(1)
                    + " ENABLE " + m.group(2) + " " + m.group(3) + ";", true);
        }
        return null;
    }

    /** Whether {@code other} is another value of the same setting. */
    boolean sameSetting(DraftPart other) {
        return other != null && setting && other.setting && owner.equals(other.owner);
    }
}
