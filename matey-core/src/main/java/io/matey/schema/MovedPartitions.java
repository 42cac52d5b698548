package io.matey.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL partitions both dumps have under another parent or with other bounds, and otherwise the same text
 * (docs/architecture.md §7): each is detached and attached again with its live bounds, every detach before the first
 * attach, as a partition's new bounds may take another's old ones; down detaches them again and attaches them back
 * with their committed bounds. {@link NewPartitions} finds the index copies the attach makes.
 */
final class MovedPartitions {

    private static final String NAME = DraftTarget.NAME;
    /** A partition's {@code CREATE TABLE} up to its parent, and its parent. */
    private static final Pattern HEAD = Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (" + NAME + ") PARTITION OF ("
            + NAME + ")(?=[ \n])");
    /** The partition's bound, on a line of its own after its elements. */
    private static final Pattern BOUND = Pattern.compile("(?m)^(FOR VALUES .*?|DEFAULT);?$");
    private static final String TABLE = "TABLE ";

    private final List<String> detachesUp = new ArrayList<>();
    private final List<String> detachesDown = new ArrayList<>();
    private final Map<String, String> attachesUp = new HashMap<>();
    private final Map<String, String> attachesDown = new HashMap<>();
    /** The moved partitions' names. */
    private final Set<String> moved = new HashSet<>();
    /**
     * The moved partitions and the live partitions below them, whose index copies the attach may make, each with the
     * moved partition it is under.
     */
    private final Map<String, String> trees = new HashMap<>();

    private MovedPartitions() {
    }

    static MovedPartitions of(Map<String, String> live, Map<String, String> committed) {
        MovedPartitions partitions = new MovedPartitions();
        live.forEach((key, block) -> {
            String before = committed.get(key);
            Matcher to = HEAD.matcher(block);
            Matcher from = before == null ? null : HEAD.matcher(before);
            Matcher toBound = BOUND.matcher(block);
            Matcher fromBound = before == null ? null : BOUND.matcher(before);
            if (key.startsWith(TABLE) && !block.equals(before) && from != null && to.find() && from.find()
                    && toBound.find() && fromBound.find() && rest(block, to, toBound).equals(rest(before, from,
                    fromBound))) {
                String name = to.group(1);
                partitions.moved.add(name);
                partitions.detachesUp.add(detach(from.group(2), name));
                partitions.attachesUp.put(key, attach(to.group(2), name, toBound.group(1)));
                partitions.detachesDown.add(detach(to.group(2), name));
                partitions.attachesDown.put(key, attach(from.group(2), name, fromBound.group(1)));
            }
        });
        partitions.moved.forEach(name -> partitions.trees.put(name, name));
        // the live partitions of a moved partition, and theirs, repeated until no more are found
        for (boolean found = true; found; ) {
            found = false;
            for (String block : live.values()) {
                Matcher m = HEAD.matcher(block);
                if (m.find() && partitions.trees.containsKey(m.group(2)) && !partitions.trees.containsKey(m.group(1))) {
                    partitions.trees.put(m.group(1), partitions.trees.get(m.group(2)));
                    found = true;
                }
            }
        }
        return partitions;
    }

    /** The block without its parent and bound, which a detach and an attach change. */
    private static String rest(String block, Matcher head, Matcher bound) {
        return block.substring(0, head.start(2)) + block.substring(head.end(2), bound.start(1))
                + block.substring(bound.end(1));
    }

    private static String detach(String parent, String partition) {
        return "ALTER TABLE " + parent + " DETACH PARTITION " + partition + ";";
    }

    private static String attach(String parent, String partition, String bound) {
        return "ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " " + bound + ";";
    }

    /** What comes before the attaches in up: each moved partition detached from its committed parent. */
    List<String> detachesUp() {
        return detachesUp;
    }

    /** What comes before the attaches in down: each moved partition detached from its live parent. */
    List<String> detachesDown() {
        return detachesDown;
    }

    /** The up section's attach of the partition keyed {@code key} to its live parent; null when it did not move. */
    String attachUp(String key) {
        return attachesUp.get(key);
    }

    /** The down section's attach of the partition keyed {@code key} to its committed parent. */
    String attachDown(String key) {
        return attachesDown.get(key);
    }

    /** Whether the table is a moved partition. */
    boolean moved(String table) {
        return moved.contains(table);
    }

    /** The moved partition the table is or is a live partition below; null when none. */
    String under(String table) {
        return trees.get(table);
    }
}
