package io.matey.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dump block creates, named as the statement that drops it must name it, so a drift draft's drops run in
 * any search path (docs/architecture.md §5: the PostgreSQL dump qualifies every name but an index's, a trigger's,
 * a policy's, a rule's and a constraint's, which live in their table's schema or on their table).
 *
 * @param kind   what the block creates: {@code TABLE}, {@code INDEX}, ... or {@code CONSTRAINT}
 * @param target what {@code DROP <kind>} names: the qualified name, with a routine's argument types and a trigger's
 *               or policy's {@code ON table}
 */
record DraftTarget(String kind, String target) {

    /** A name part: quoted (with doubled quotes inside), backquoted, bracketed (SQLite), or bare. */
    private static final String PART = "(?:\"(?:[^\"]|\"\")*\"|`[^`]+`|\\[[^\\]]*]|[^\\s(.\"`,;]+)";
    static final String NAME = PART + "(?:\\." + PART + ")*";

    /**
     * What MySQL and MariaDB may write between {@code CREATE} and a view (or routine, trigger, event): the view's
     * {@code ALGORITHM=}, a {@code DEFINER=} (which their dumps drop) and {@code SQL SECURITY}, each optional, in that
     * order.
     */
    private static final String MYSQL_OPTIONS = "(?:ALGORITHM\\s*=\\s*\\w+\\s+)?(?:DEFINER\\s*=\\s*"
            + "(?:`(?:[^`]|``)*`|'[^']*'|[\\w()]+)(?:@(?:`(?:[^`]|``)*`|'[^']*'|[\\w.%-]+))?\\s+)?"
            + "(?:SQL\\s+SECURITY\\s+\\w+\\s+)?";

    /** PostgreSQL writes an unlogged table or sequence {@code CREATE UNLOGGED}, SQLite a virtual table {@code CREATE
     * VIRTUAL TABLE}; the object is the same kind. */
    private static final Pattern OBJECT = Pattern.compile("^CREATE (?:OR REPLACE )?(?:UNIQUE |UNLOGGED |VIRTUAL )?" + MYSQL_OPTIONS
            + "(TABLE|INDEX|VIEW|MATERIALIZED VIEW|SEQUENCE|TYPE|SCHEMA|EXTENSION|FUNCTION|PROCEDURE|TRIGGER"
            + "|EVENT TRIGGER|EVENT|POLICY|RULE|DOMAIN|COLLATION|STATISTICS|AGGREGATE|OPERATOR CLASS|OPERATOR FAMILY"
            + "|OPERATOR|TEXT SEARCH (?:CONFIGURATION|DICTIONARY|PARSER|TEMPLATE)|FOREIGN TABLE|FOREIGN DATA WRAPPER"
            + "|SERVER|CONVERSION|ACCESS METHOD|PUBLICATION|DICTIONARY)\\s+(?:IF NOT EXISTS\\s+)?(" + NAME + ")");

    /** A cast and a transform are named by the types (and language) they are for. */
    private static final Pattern CAST = Pattern.compile("^CREATE (CAST) (\\(.+? AS .+?\\)) (?:WITH|WITHOUT)");
    private static final Pattern TRANSFORM = Pattern.compile("^CREATE (TRANSFORM) (FOR .+? LANGUAGE " + NAME + ") \\(");

    /** An operator's operand types: {@code DROP OPERATOR} names them, {@code NONE} for a prefix operator's left. */
    private static final Pattern LEFT = Pattern.compile("\\n\\s*LEFTARG = (.+?),?\\n");
    private static final Pattern RIGHT = Pattern.compile("\\n\\s*RIGHTARG = (.+?),?\\n");

    /** The index method after an operator class's or family's name. */
    private static final Pattern USING = Pattern.compile("\\sUSING (\\S+)");

    /** What follows an index's, a PostgreSQL trigger's or a policy's name: the table it is on. */
    private static final Pattern ON_TABLE = Pattern.compile("\\sON (?:ONLY )?(" + NAME + ")");

    /** What follows a rule's name: the table whose events it rewrites. */
    private static final Pattern TO_TABLE = Pattern.compile("\\sTO (" + NAME + ")");

    /** PostgreSQL's trigger definition runs a function and names its table: {@code DROP TRIGGER} must name it too. */
    private static final Pattern PG_TRIGGER = Pattern.compile("(?s).*\\sEXECUTE (?:FUNCTION|PROCEDURE) .*");

    /** A constraint the PostgreSQL dump adds after its table (a foreign key): dropped from that table. */
    private static final Pattern CONSTRAINT = Pattern.compile("^ALTER TABLE (?:ONLY )?(" + NAME
            + ")\\s+ADD CONSTRAINT (" + NAME + ")\\s");

    /**
     * A constraint the PostgreSQL dump adds after its domain: one {@code NOT VALID}, which {@code CREATE DOMAIN} cannot
     * write. Keyed as a table's constraint ({@code name ON DOMAIN domain}), it is dropped first and added back last as
     * removed constraints are, so a domain's own change (it validated) comes between (docs/architecture.md §5).
     */
    private static final Pattern DOMAIN_CONSTRAINT = Pattern.compile("^ALTER DOMAIN (" + NAME
            + ")\\s+ADD CONSTRAINT (" + NAME + ")\\s");
    private static final String ON_DOMAIN = " ON DOMAIN ";

    /** The object a block creates; null when it is no {@code CREATE} or added constraint this reader knows. */
    static DraftTarget of(String block) {
        Matcher constraint = CONSTRAINT.matcher(block);
        if (constraint.find()) {
            return new DraftTarget("CONSTRAINT", constraint.group(2) + " ON " + constraint.group(1));
        }
        Matcher domain = DOMAIN_CONSTRAINT.matcher(block);
        if (domain.find()) {
            return new DraftTarget("CONSTRAINT", domain.group(2) + ON_DOMAIN + domain.group(1));
        }
        for (Pattern named : List.of(CAST, TRANSFORM)) {
            Matcher m = named.matcher(block);
            if (m.find()) {
                return new DraftTarget(m.group(1), m.group(2));
            }
        }
        Matcher m = OBJECT.matcher(block);
        if (!m.find()) {
            return null;
        }
        String kind = m.group(1);
        String name = m.group(2);
        String rest = block.substring(m.end());
        Matcher on = ON_TABLE.matcher(rest);
        return switch (kind) {
            case "INDEX" -> new DraftTarget(kind, on.find() && schemaOf(name).isEmpty() ? schemaOf(on.group(1)) + name
                    : name);
            case "POLICY" -> new DraftTarget(kind, on.find() ? name + " ON " + on.group(1) : name);
            case "RULE" -> {
                Matcher to = TO_TABLE.matcher(rest);
                yield new DraftTarget(kind, to.find() ? name + " ON " + to.group(1) : name);
            }
            case "TRIGGER" -> new DraftTarget(kind, PG_TRIGGER.matcher(rest).matches() && on.find()
                    ? name + " ON " + on.group(1) : name);
            case "FUNCTION", "PROCEDURE" -> new DraftTarget(kind, name + arguments(block, rest));
            case "AGGREGATE" -> new DraftTarget(kind, name + parenthesised(rest));
            case "OPERATOR" -> new DraftTarget(kind, name + " (" + operand(LEFT, block) + ", " + operand(RIGHT, block)
                    + ")");
            case "OPERATOR CLASS", "OPERATOR FAMILY" -> {
                Matcher using = USING.matcher(rest);
                yield new DraftTarget(kind, using.find() ? name + " USING " + using.group(1) : name);
            }
            default -> new DraftTarget(kind, name);
        };
    }

    /**
     * The statement that drops the object.
     *
     * @param block   the block that creates it
     * @param dialect how its engine drops a constraint
     */
    String drop(String block, DraftDialect dialect) {
        if (kind.equals("CONSTRAINT") && target.contains(ON_DOMAIN)) {
            int on = target.lastIndexOf(ON_DOMAIN);
            return "ALTER DOMAIN " + target.substring(on + ON_DOMAIN.length()) + " DROP CONSTRAINT "
                    + target.substring(0, on) + ";";
        }
        if (kind.equals("CONSTRAINT")) {
            int on = target.lastIndexOf(" ON ");
            return dialect.dropConstraint(target.substring(on + 4), target.substring(0, on),
                    block.substring(block.indexOf("ADD CONSTRAINT ") + "ADD ".length()));
        }
        // A sequence goes with the column that owns it (PostgreSQL's OWNED BY), which the draft may drop first.
        return "DROP " + dialect.dropKind(kind) + (kind.equals("SEQUENCE") ? " IF EXISTS " : " ") + target + ";";
    }

    /** The parenthesised list {@code text} starts with, as written (an aggregate's argument types); else empty. */
    private static String parenthesised(String text) {
        int close = text.startsWith("(") ? ElementList.split(text, 1, new ArrayList<>()) : -1;
        return close < 0 ? "" : text.substring(0, close + 1);
    }

    private static String operand(Pattern side, String block) {
        Matcher operand = side.matcher(block);
        return operand.find() ? operand.group(1) : "NONE";
    }

    /** {@code "schema."} of a qualified table name, empty for an unqualified one (SQLite's, MySQL's). */
    static String schemaOf(String table) {
        Matcher part = Pattern.compile(PART).matcher(table);
        List<String> parts = new ArrayList<>();
        while (part.find()) {
            parts.add(part.group());
        }
        return parts.size() < 2 ? "" : String.join(".", parts.subList(0, parts.size() - 1)) + ".";
    }

    /**
     * The parenthesised argument list of PostgreSQL's {@code CREATE OR REPLACE FUNCTION name(...)} without its
     * defaults, which {@code DROP FUNCTION} refuses (it accepts modes and names, and ignores OUT arguments), so an
     * overload is dropped alone; empty for MySQL's routines, which {@code DROP} names alone.
     */
    private static String arguments(String block, String afterName) {
        List<String> arguments = new ArrayList<>();
        if (!block.startsWith("CREATE OR REPLACE ") || !afterName.startsWith("(")
                || ElementList.split(afterName, 1, arguments) < 0) {
            return "";
        }
        List<String> types = new ArrayList<>();
        for (String argument : arguments) {
            int defaultAt = argument.toUpperCase(Locale.ROOT).indexOf(" DEFAULT ");
            if (!argument.isEmpty()) {
                types.add(defaultAt < 0 ? argument : argument.substring(0, defaultAt));
            }
        }
        return "(" + String.join(", ", types) + ")";
    }
}
