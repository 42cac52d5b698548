package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The options of a sequence (from {@code pg_sequence}), for {@code CREATE SEQUENCE} and identity columns. */
record SequenceOptions(String type, long start, long increment, long min, long max, long cache, boolean cycle) {

    /** Reads the columns {@code seq_type, seqstart, seqincrement, seqmin, seqmax, seqcache, seqcycle}. */
    static SequenceOptions read(ResultSet row) throws SQLException {
        return new SequenceOptions(row.getString("seq_type"), row.getLong("seqstart"), row.getLong("seqincrement"),
                row.getLong("seqmin"), row.getLong("seqmax"), row.getLong("seqcache"), row.getBoolean("seqcycle"));
    }

    /** Every option, one per line, as the body of {@code CREATE SEQUENCE}. */
    String all() {
        return "\n    AS " + type + "\n    START WITH " + start + "\n    INCREMENT BY " + increment
                + "\n    MINVALUE " + min + "\n    MAXVALUE " + max + "\n    CACHE " + cache
                + (cycle ? "\n    CYCLE" : "\n    NO CYCLE");
    }

    /** Only the options that differ from what an identity column of this type gets by default. */
    List<String> nonDefault() {
        long typeMax = switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        boolean ascending = increment > 0;
        List<String> options = new ArrayList<>();
        if (start != (ascending ? min : max)) {
            options.add("START WITH " + start);
        }
        if (increment != 1) {
            options.add("INCREMENT BY " + increment);
        }
        if (min != (ascending ? 1 : typeMin)) {
            options.add("MINVALUE " + min);
        }
        if (max != (ascending ? typeMax : -1)) {
            options.add("MAXVALUE " + max);
        }
        if (cache != 1) {
            options.add("CACHE " + cache);
        }
        if (cycle) {
            options.add("CYCLE");
        }
        return options;
    }
}
