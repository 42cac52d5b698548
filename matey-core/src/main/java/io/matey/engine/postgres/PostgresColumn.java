package io.matey.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The statements that turn a PostgreSQL column's dumped definition into another in place (docs/architecture.md §5):
 * the dump writes {@code name type [COLLATE c] [DEFAULT expr] [NOT NULL]}, each part of which {@code ALTER COLUMN}
 * sets exactly. A type changes without {@code USING} only along an implicit or assignment cast, which is the
 * conversion ALTER COLUMN TYPE applies and which fails rather than losing a value (a too-long string); another cast
 * (text to integer) or none is the author's choice, so those statements are left as a comment that says why.
 * Identity and generated columns are not altered here.
 *
 * @param type      the type as written, with its COLLATE clause
 * @param value     the default expression, or null
 * @param notNull   whether it is NOT NULL
 */
record PostgresColumn(String type, String value, boolean notNull) {

    private static final String NOT_NULL = " NOT NULL";
    private static final String DEFAULT = " DEFAULT ";
    /** A type modifier: a length, precision or scale, also inside a name ({@code timestamp(3) without time zone}). */
    private static final Pattern MODIFIER = Pattern.compile("\\(\\d+(?:,\\s*\\d+)?\\)");
    /**
     * The string types, to which PostgreSQL converts any type by its output function as an assignment cast that
     * {@code pg_cast} does not list.
     */
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character");

    /** The parts of a definition after the column's name, or null for an identity or generated column. */
    static PostgresColumn of(String name, String definition) {
        String rest = definition.substring(name.length()).strip();
        if (rest.contains(" GENERATED ")) {
            return null;
        }
        boolean notNull = rest.endsWith(NOT_NULL);
        rest = notNull ? rest.substring(0, rest.length() - NOT_NULL.length()) : rest;
        int value = rest.indexOf(DEFAULT);
        return new PostgresColumn(value < 0 ? rest : rest.substring(0, value),
                value < 0 ? null : rest.substring(value + DEFAULT.length()), notNull);
    }

    /**
     * The statements that turn this column into {@code to}.
     *
     * @param casts the implicit and assignment casts, each {@code source\ntarget} by type names without modifiers
     */
    List<String> to(PostgresColumn to, String table, String column, Set<String> casts) {
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + column;
        List<String> statements = new ArrayList<>();
        boolean retyped = !type.equals(to.type);
        if (retyped && value != null) {
            // the default is converted with the column, and may read otherwise than the live one, or not convert
            statements.add(alter + " DROP DEFAULT;");
        }
        if (retyped) {
            statements.add(alter + " TYPE " + to.type + ";");
        }
        if (to.value != null && (retyped || !to.value.equals(value))) {
            statements.add(alter + " SET DEFAULT " + to.value + ";");
        } else if (to.value == null && value != null && !retyped) {
            statements.add(alter + " DROP DEFAULT;");
        }
        if (notNull != to.notNull) {
            statements.add(alter + (to.notNull ? " SET" : " DROP") + " NOT NULL;");
        }
        String from = withoutCollation(type);
        String into = withoutCollation(to.type);
        if (!retyped || castable(from, into, casts)) {
            return statements;
        }
        String using = alter + " TYPE " + to.type + " USING " + column + "::" + into + ";";
        return List.of("-- Not drafted as SQL: column " + column + "'s type " + from + " has no implicit or assignment cast to "
                + into + ",\n-- so how its values convert is the author's choice: write the USING expression and run\n-- "
                + String.join("\n-- ", statements).replace(alter + " TYPE " + to.type + ";", using));
    }

    private static String withoutCollation(String type) {
        int collate = type.indexOf(" COLLATE ");
        return collate < 0 ? type : type.substring(0, collate);
    }

    /** Whether ALTER COLUMN TYPE converts {@code from} to {@code into} by itself, modifiers aside. */
    private static boolean castable(String from, String into, Set<String> casts) {
        String source = MODIFIER.matcher(from).replaceAll("");
        String target = MODIFIER.matcher(into).replaceAll("");
        if (source.endsWith("[]") != target.endsWith("[]")) {
            return false;
        }
        // an array converts element by element
        source = source.replace("[]", "");
        target = target.replace("[]", "");
        return source.equals(target) || STRINGS.contains(target) || casts.contains(source + "\n" + target);
    }
}
