package io.matey.engine.postgres;

import io.matey.engine.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The name PostgreSQL gives a partition's copy of its parent's primary key, unique or exclusion constraint when
 * {@code PARTITION OF} or {@code ATTACH PARTITION} creates it ({@code ChooseIndexName}): the partition's name, the
 * index's column names for a unique or exclusion constraint, and {@code pkey}, {@code key} or {@code excl}, each
 * part shortened until the whole fits in 63 bytes. A name taken already gets a number after the label. The dump
 * renames a copy whose name is none of these, as a load would give it the default (docs/architecture.md §5).
 */
final class PartitionKeyName {

    private static final int MAX_BYTES = 63;
    private static final int CLASHES_TRIED = 9;

    private PartitionKeyName() {
    }

    /** Whether {@code name} is one PostgreSQL chooses for the copy, with or without a clash's number. */
    static boolean isChosen(String name, String partition, char type, List<String> indexColumns) {
        for (int clash = 0; clash <= CLASHES_TRIED; clash++) {
            if (name.equals(chosen(partition, type, indexColumns, clash))) {
                return true;
            }
        }
        return false;
    }

    /** The name PostgreSQL chooses for the copy when no relation or constraint has it yet. */
    static String chosen(String partition, char type, List<String> indexColumns) {
        return chosen(partition, type, indexColumns, 0);
    }

    private static String chosen(String partition, char type, List<String> indexColumns, int clash) {
        String label = switch (type) {
            case 'p' -> "pkey";
            case 'x' -> "excl";
            default -> "key";
        };
        return objectName(partition, type == 'p' ? null : columnsPart(indexColumns), clash == 0 ? label : label + clash);
    }

    /**
     * The name PostgreSQL gives a partition's copy of its parent's index (not a constraint's) when {@code PARTITION
     * OF} creates it: the partition's name, the columns', {@code idx}, and after it the number of the clash where
     * {@code clash} names that the names before it had ({@code ChooseRelationName}).
     */
    static String index(String partition, List<String> indexColumns, int clash) {
        return objectName(partition, columnsPart(indexColumns), clash == 0 ? "idx" : "idx" + clash);
    }

    /** {@code name} as {@code quote_ident} writes it: quoted unless lower-case letters, digits and underscores. */
    static String quoted(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : Identifiers.quoted('"', name);
    }

    /** The column names joined by underscores, cut where they reach 63 bytes ({@code ChooseIndexNameAddition}). */
    private static String columnsPart(List<String> columns) {
        StringBuilder joined = new StringBuilder();
        for (String column : columns) {
            if (!joined.isEmpty()) {
                joined.append('_');
            }
            joined.append(column);
            if (bytes(joined.toString()) >= MAX_BYTES) {
                return clip(joined.toString(), MAX_BYTES);
            }
        }
        return joined.toString();
    }

    /** {@code makeObjectName}: the longer of the two parts shortened a byte at a time until the whole fits. */
    private static String objectName(String first, String second, String label) {
        int overhead = label.length() + 1 + (second == null ? 0 : 1);
        int firstBytes = bytes(first);
        int secondBytes = second == null ? 0 : bytes(second);
        while (firstBytes + secondBytes > MAX_BYTES - overhead) {
            if (firstBytes > secondBytes) {
                firstBytes--;
            } else {
                secondBytes--;
            }
        }
        String name = clip(first, firstBytes);
        if (second != null) {
            name += "_" + clip(second, secondBytes);
        }
        return name + "_" + label;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code text} within {@code limit} UTF-8 bytes that does not split a character. */
    private static String clip(String text, int limit) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            int size = bytes(text.substring(end, next));
            if (used + size > limit) {
                break;
            }
            used += size;
            end = next;
        }
        return text.substring(0, end);
    }
}
