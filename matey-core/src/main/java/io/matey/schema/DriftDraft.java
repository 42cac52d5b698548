package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft migration, from a drift, that turns the committed schema into the live one: how to keep an
 * out-of-band change (docs/architecture.md §5). Canonical dumps hold one statement per block, so blocks are
 * compared whole: an object only the live database has is created (and dropped in the down section), one it
 * lacks is dropped (and created again in down). A table that exists in both but differs gets its added and dropped
 * columns ({@link TableDraft}); anything else that differs is left to the author as a comment with both
 * definitions, since the ALTER it needs depends on the engine and the intent.
 */
public final class DriftDraft {

    private static final Pattern OBJECT = Pattern.compile("^CREATE (?:OR REPLACE )?(?:UNIQUE )?"
            + "(TABLE|INDEX|VIEW|MATERIALIZED VIEW|SEQUENCE|TYPE|SCHEMA|EXTENSION|FUNCTION|TRIGGER)\\s+"
            + "(?:IF NOT EXISTS\\s+)?(\"[^\"]+\"|`[^`]+`|[^\\s(]+)");

    private static final String TABLE = "TABLE ";

    private DriftDraft() {
    }

    /**
     * @param live     the live dump
     * @param expected the committed dump the live database should equal
     */
    public static String of(String live, String expected) {
        Map<String, String> liveBlocks = blocks(live);
        Map<String, String> expectedBlocks = blocks(expected);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        liveBlocks.forEach((key, block) -> {
            String committed = expectedBlocks.get(key);
            if (committed == null) {
                up.add(block);
                down.add(0, drop(key, block));
            } else if (!committed.equals(block) && key.startsWith(TABLE)) {
                TableDraft table = TableDraft.of(key.substring(TABLE.length()), committed, block);
                up.addAll(table.up());
                down.addAll(0, table.down());
                if (!table.differences().isEmpty()) {
                    up.add("-- Not drafted as SQL: " + String.join("; ", table.differences()) + ".\n"
                            + changed(committed, block));
                    down.add(0, undo(committed));
                }
            } else if (!committed.equals(block)) {
                up.add(changed(committed, block));
                down.add(0, undo(committed));
            }
        });
        expectedBlocks.forEach((key, block) -> {
            if (!liveBlocks.containsKey(key)) {
                up.add(drop(key, block));
                down.add(0, block);
            }
        });
        return "-- migrate:up\n" + String.join("\n\n", up) + "\n\n-- migrate:down\n" + String.join("\n\n", down) + "\n";
    }

    /** The dump's statements by the object each creates (or, for other statements, by their text). */
    private static Map<String, String> blocks(String dump) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String schema = SchemaDump.withoutMigrations(dump).strip();
        if (schema.isEmpty()) {
            return blocks;
        }
        for (String block : schema.split("\n\\s*\n")) {
            String text = block.strip();
            Matcher m = OBJECT.matcher(text);
            blocks.put(m.find() ? m.group(1) + " " + m.group(2) : text, text);
        }
        return blocks;
    }

    private static String changed(String committed, String live) {
        return "-- Changed out of band: write the statement that turns the committed definition\n"
                + comment(committed) + "\n-- into the live one:\n" + comment(live);
    }

    private static String undo(String committed) {
        return "-- Undo the change above: back to\n" + comment(committed);
    }

    private static String comment(String block) {
        return block.lines().map(line -> "-- " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String drop(String key, String block) {
        Matcher m = OBJECT.matcher(block);
        if (!m.find()) {
            return "-- Undo: " + block.lines().findFirst().orElse("");
        }
        // A sequence goes with the column that owns it (PostgreSQL's OWNED BY), which the draft may drop first.
        return "DROP " + m.group(1) + (m.group(1).equals("SEQUENCE") ? " IF EXISTS " : " ") + m.group(2) + ";";
    }
}
