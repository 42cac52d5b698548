package io.matey.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values added out of band to a PostgreSQL enum type (the dump's {@code CREATE TYPE name AS ENUM (...)}): each is
 * drafted as {@code ALTER TYPE ... ADD VALUE}, placed before the next value the type already has. PostgreSQL cannot
 * remove an enum value, so the down section can only say so. Values renamed out of band (as many values, each
 * other one in its place) are drafted as {@code ALTER TYPE ... RENAME VALUE} both ways.
 *
 * @param type  the type's name as the dump writes it
 * @param added the values the live type has and the committed one lacks, as quoted literals, in live order
 * @param up    the {@code ALTER TYPE} statements that add them, or rename them
 * @param down  the statements that rename them back; empty for added values
 */
record EnumValues(String type, List<String> added, List<String> up, List<String> down) {

    private static final Pattern ENUM = Pattern.compile("^CREATE TYPE (.+?) AS ENUM \\(");

    /**
     * The values added or renamed, or null when the change is neither (a value removed or reordered, renamed with
     * others added, or not an enum): ADD VALUE and RENAME VALUE cannot express it.
     */
    static EnumValues of(String committed, String live) {
        Matcher before = ENUM.matcher(committed);
        Matcher after = ENUM.matcher(live);
        if (!before.find() || !after.find() || !before.group(1).equals(after.group(1))) {
            return null;
        }
        List<String> known = values(committed, before.end());
        List<String> now = values(live, after.end());
        if (known != null && now != null && known.size() == now.size() && !known.equals(now)) {
            return renamed(after.group(1), known, now);
        }
        if (known == null || now == null || !now.containsAll(known)
                || !now.stream().filter(known::contains).toList().equals(known)) {
            return null;
        }
        String type = after.group(1);
        List<String> added = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (!known.contains(now.get(i))) {
                String next = now.subList(i + 1, now.size()).stream().filter(known::contains).findFirst()
                        .map(value -> " BEFORE " + value).orElse("");
                // IF NOT EXISTS: the replay's down check runs the up section again over a down that kept the value.
                up.add("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + now.get(i) + next + ";");
                added.add(now.get(i));
            }
        }
        return new EnumValues(type, added, up, List.of());
    }

    /**
     * Each value in a place where the other list has another, which neither list has elsewhere, renamed; null when a
     * value moved (a value renamed to another's name would need a third name between).
     */
    private static EnumValues renamed(String type, List<String> known, List<String> now) {
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            if (!known.get(i).equals(now.get(i))) {
                if (known.contains(now.get(i)) || now.contains(known.get(i))) {
                    return null;
                }
                up.add("ALTER TYPE " + type + " RENAME VALUE " + known.get(i) + " TO " + now.get(i) + ";");
                down.add("ALTER TYPE " + type + " RENAME VALUE " + now.get(i) + " TO " + known.get(i) + ";");
            }
        }
        return new EnumValues(type, List.of(), up, down);
    }

    /** The down section's note: what it cannot undo, and how Matey then takes the down section. */
    String notRemoved() {
        return "-- Not undone: PostgreSQL cannot remove a value from an enum type, so " + type + " keeps "
                + String.join(", ", added) + ".\n-- A down section of comments only is skipped by schema apply's"
                + " down check; with other statements, it is inexact:\n-- accept it under [inexact_downs] in config.toml"
                + " with this reason once reviewed.";
    }

    /** The header note: ADD VALUE runs inside the migration's transaction on the servers Matey supports. */
    static String transactionNote() {
        return "-- ALTER TYPE ... ADD VALUE runs inside a transaction on PostgreSQL 12 and later: no transaction:false"
                + " is needed\n-- (PostgreSQL 11 and earlier refuse it in one). The new value cannot be used before"
                + " the migration commits.";
    }

    private static List<String> values(String block, int open) {
        List<String> values = new ArrayList<>();
        return ElementList.split(block, open, values) < 0 ? null : values;
    }
}
