package io.matey.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loose members of a PostgreSQL operator family: the dump writes them as one {@code ALTER OPERATOR FAMILY name
 * USING method ADD} per family, an item a line (docs/architecture.md §5). A drift draft adds the items only one side
 * has and drops the others, which {@code DROP} names by strategy or support number and operand types alone.
 *
 * @param family the family's name and method, as the dump writes them
 * @param items  its members, as the dump writes them
 */
record FamilyMembers(String family, List<String> items) {

    private static final Pattern HEAD = Pattern.compile("^ALTER OPERATOR FAMILY (.+) ADD\\n");
    private static final String SEPARATOR = ",\n    ";
    private static final Pattern OPERATOR = Pattern.compile("^OPERATOR (\\d+) .+?(\\([^()]*\\))(?: FOR ORDER BY .+)?$");
    private static final Pattern FUNCTION = Pattern.compile("^FUNCTION (\\d+) (\\([^()]*\\)) ");

    /** The members a block adds, or null when it is no such block. */
    static FamilyMembers of(String block) {
        Matcher head = HEAD.matcher(block);
        if (!head.find()) {
            return null;
        }
        String items = block.substring(head.end()).strip();
        items = items.endsWith(";") ? items.substring(0, items.length() - 1) : items;
        return new FamilyMembers(head.group(1), Arrays.stream(items.split(SEPARATOR)).map(String::strip).toList());
    }

    /** What the draft keys the block by: the same family's members compare as one object. */
    String key() {
        return "ALTER OPERATOR FAMILY " + family + " ADD";
    }

    /** The statement that drops every member. */
    String dropAll() {
        return statement("DROP", items.stream().map(FamilyMembers::dropped).toList());
    }

    /** The statements that turn these members into {@code other}'s: the dropped ones first, then the added ones. */
    List<String> to(FamilyMembers other) {
        List<String> statements = new ArrayList<>();
        List<String> gone = items.stream().filter(item -> !other.items.contains(item)).map(FamilyMembers::dropped)
                .toList();
        List<String> added = other.items.stream().filter(item -> !items.contains(item)).toList();
        if (!gone.isEmpty()) {
            statements.add(statement("DROP", gone));
        }
        if (!added.isEmpty()) {
            statements.add(statement("ADD", added));
        }
        return statements;
    }

    private String statement(String verb, List<String> clauses) {
        return "ALTER OPERATOR FAMILY " + family + " " + verb + "\n    " + String.join(SEPARATOR, clauses) + ";";
    }

    /** How {@code DROP} names an item: {@code OPERATOR 1 (integer, bigint)}, {@code FUNCTION 1 (integer, bigint)}. */
    private static String dropped(String item) {
        for (Pattern member : List.of(OPERATOR, FUNCTION)) {
            Matcher m = member.matcher(item);
            if (m.find()) {
                return item.substring(0, item.indexOf(' ')) + " " + m.group(1) + " " + m.group(2);
            }
        }
        return item;
    }
}
