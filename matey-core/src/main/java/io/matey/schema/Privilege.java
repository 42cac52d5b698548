package io.matey.schema;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A privilege statement as the PostgreSQL dump writes it (docs/architecture.md §5): one object (or one column of it,
 * or default privileges), one grantee, one verb and one grant option, and the privileges it names.
 *
 * @param prefix     {@code ALTER DEFAULT PRIVILEGES ...} with its trailing space, or empty
 * @param verb       {@code GRANT}, {@code REVOKE} or {@code REVOKE GRANT OPTION FOR}
 * @param privileges the privileges as written ({@code ALL}, {@code SELECT}, {@code SELECT (column)})
 * @param object     what {@code ON} names
 * @param grantee    the role, or {@code PUBLIC}
 * @param grantable  whether it grants {@code WITH GRANT OPTION}
 */
record Privilege(String prefix, String verb, List<String> privileges, String object, String grantee,
        boolean grantable) {

    private static final String GRANT = "GRANT";
    private static final String REVOKE_OPTION = "REVOKE GRANT OPTION FOR";
    private static final Pattern STATEMENT = Pattern.compile("^(ALTER DEFAULT PRIVILEGES (?:FOR ROLE " + DraftTarget.NAME
            + " )?(?:IN SCHEMA " + DraftTarget.NAME + " )?)?(GRANT|REVOKE GRANT OPTION FOR|REVOKE) (.+?) ON (.+) "
            + "(?:TO|FROM) (" + DraftTarget.NAME + ")( WITH GRANT OPTION)?;$");
    /** The comma before each privilege of a list: a column list in parentheses follows its privilege. */
    private static final Pattern ITEM = Pattern.compile(", (?=(?:SELECT|INSERT|UPDATE|DELETE|TRUNCATE|REFERENCES|TRIGGER"
            + "|MAINTAIN|USAGE|CREATE|CONNECT|TEMPORARY|EXECUTE|SET|ALTER SYSTEM|ALL)\\b)");

    /** The statement a block is, or null when it is no privilege statement. */
    static Privilege of(String block) {
        Matcher m = STATEMENT.matcher(block);
        if (!m.find()) {
            return null;
        }
        return new Privilege(m.group(1) == null ? "" : m.group(1), m.group(2), Arrays.asList(ITEM.split(m.group(3))),
                m.group(4), m.group(5), m.group(6) != null);
    }

    /**
     * The statement that takes it back: a grant is revoked, a revoked privilege granted again (with the grant option
     * where only that option was revoked, of a privilege the object started with).
     */
    Privilege undo() {
        return verb.equals(GRANT) ? new Privilege(prefix, "REVOKE", privileges, object, grantee, false)
                : new Privilege(prefix, GRANT, privileges, object, grantee, verb.equals(REVOKE_OPTION));
    }

    /** The object a default privilege's prefix leaves empty: what its owner's block creates, as drafts key it. */
    String owner() {
        return prefix.isEmpty() ? object : "";
    }

    /** What one grantee holds of one object or column: the statements of both dumps for it are compared. */
    String slot() {
        String first = privileges.get(0);
        int column = first.indexOf(" (");
        return prefix + "\n" + object + "\n" + grantee + "\n" + (column < 0 ? "" : first.substring(column));
    }

    /** Whether {@code other} has its verb and grant option, and neither names {@code ALL}, which lists nothing to compare. */
    boolean comparable(Privilege other) {
        return verb.equals(other.verb) && grantable == other.grantable && !privileges.contains("ALL")
                && !other.privileges.contains("ALL");
    }

    /** The statement for {@code only} of its privileges. */
    String text(List<String> only) {
        boolean grant = verb.equals(GRANT);
        return prefix + verb + " " + String.join(", ", only) + " ON " + object + (grant ? " TO " : " FROM ") + grantee
                + (grantable ? " WITH GRANT OPTION" : "") + ";";
    }
}
