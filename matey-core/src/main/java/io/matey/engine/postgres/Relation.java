package io.matey.engine.postgres;

import java.util.List;

/**
 * A table, partitioned table, foreign table, view or materialized view.
 *
 * @param kind           {@code r} table, {@code p} partitioned table, {@code f} foreign table, {@code v} view,
 *                       {@code m} materialized view
 * @param options        storage parameters ({@code fillfactor=70}, {@code check_option=local}), sorted
 * @param accessMethod   the table access method when it is not the default {@code heap}, else null
 * @param partitionKey   {@code RANGE (col)} of a partitioned table, else null
 * @param partitionBound {@code FOR VALUES ...} or {@code DEFAULT} of a partition, else null
 * @param parents        qualified names of the parent tables (the partitioned table of a partition), in order
 * @param viewDefinition the SELECT of a view, else null
 * @param replicaIdentity {@code d} default, {@code n} nothing, {@code f} full, {@code i} an index
 * @param server         the server of a foreign table, else null
 * @param foreignOptions the options of a foreign table ({@code filename '/x'}), sorted
 * @param ofType         the composite type of a typed table ({@code CREATE TABLE ... OF type}), else null
 */
record Relation(long oid, char kind, String name, boolean unlogged, boolean rowSecurity, boolean forceRowSecurity,
        List<String> options, String accessMethod, String partitionKey, String partitionBound, List<String> parents,
        List<Long> parentOids, String viewDefinition, char replicaIdentity, String server,
        List<String> foreignOptions, String ofType) {

    boolean isTable() {
        return kind == 'r' || kind == 'p' || kind == 'f';
    }

    boolean isPartition() {
        return partitionBound != null;
    }

    /** The object type keyword of COMMENT ON and ALTER. */
    String objectType() {
        return switch (kind) {
            case 'v' -> "VIEW";
            case 'm' -> "MATERIALIZED VIEW";
            case 'f' -> "FOREIGN TABLE";
            default -> "TABLE";
        };
    }
}
